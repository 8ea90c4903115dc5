import { randomBytes } from 'node:crypto';
import { CiphertextUnreadable, MasterKey, newDataKey, openPersonDetails, sealPersonDetails } from './envelope-cipher';

const PERSON = '6a7e0c4e-3d0f-4c55-9a43-0e8f6b1d2c3a';
const OTHER_PERSON = '0f1e2d3c-4b5a-4968-8776-a5b4c3d2e1f0';
const details = { name: 'Pat Example', email: 'pat.example@example.org', role: 'Designated nurse' };

describe('person details under their own data key', () => {
  it('opens what it sealed, and the ciphertext shows none of the details', () => {
    const key = newDataKey();
    const sealed = sealPersonDetails(key, PERSON, details);
    expect(sealed).toMatch(/^v1\.[A-Za-z0-9+/=]+$/);
    expect(sealed).not.toContain('Pat');
    expect(openPersonDetails(key, PERSON, sealed)).toEqual(details);
  });

  it('seals the same details differently each time (fresh IV)', () => {
    const key = newDataKey();
    expect(sealPersonDetails(key, PERSON, details)).not.toBe(sealPersonDetails(key, PERSON, details));
  });

  it('refuses another key', () => {
    const sealed = sealPersonDetails(newDataKey(), PERSON, details);
    expect(() => openPersonDetails(newDataKey(), PERSON, sealed)).toThrow(CiphertextUnreadable);
  });

  it('refuses ciphertext moved to another person (the person id is authenticated)', () => {
    const key = newDataKey();
    const sealed = sealPersonDetails(key, PERSON, details);
    expect(() => openPersonDetails(key, OTHER_PERSON, sealed)).toThrow(CiphertextUnreadable);
  });

  it('refuses ciphertext altered by one bit, and text in another format', () => {
    const key = newDataKey();
    const bytes = Buffer.from(sealPersonDetails(key, PERSON, details).slice(3), 'base64');
    bytes[bytes.length - 1]! ^= 1;
    expect(() => openPersonDetails(key, PERSON, `v1.${bytes.toString('base64')}`)).toThrow(CiphertextUnreadable);
    expect(() => openPersonDetails(key, PERSON, 'v2.abc')).toThrow(CiphertextUnreadable);
  });
});

describe('MasterKey', () => {
  it('wraps and unwraps a data key, bound to the person', () => {
    const master = MasterKey.from(randomBytes(32).toString('hex'));
    const dataKey = newDataKey();
    const wrapped = master.wrap(dataKey, PERSON);
    expect(master.unwrap(wrapped, PERSON).equals(dataKey)).toBe(true);
    expect(() => master.unwrap(wrapped, OTHER_PERSON)).toThrow(CiphertextUnreadable);
  });

  it('cannot unwrap under another master key, and the two have different ids', () => {
    const one = MasterKey.from('a long development passphrase one');
    const two = MasterKey.from('a long development passphrase two');
    expect(one.id).not.toBe(two.id);
    expect(() => two.unwrap(one.wrap(newDataKey(), PERSON), PERSON)).toThrow(CiphertextUnreadable);
  });

  it('reads hex, base64 and passphrases the same way every time', () => {
    const raw = randomBytes(32);
    expect(MasterKey.from(raw.toString('hex')).id).toBe(MasterKey.from(raw.toString('base64')).id);
    expect(MasterKey.from('a long development passphrase one').id).toBe(MasterKey.from('a long development passphrase one').id);
  });

  it('refuses a short secret', () => {
    expect(() => MasterKey.from('too-short')).toThrow(/at least 16 characters/);
  });
});
