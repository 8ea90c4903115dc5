import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';

/**
 * Envelope encryption for the people registry (ADR 0013): each person's details are sealed with
 * their own 256-bit data key (AES-256-GCM); the data key is stored wrapped (AES-256-GCM again)
 * under the master key. Destroying the wrapped data key makes the ciphertext in the log unreadable.
 */

const ALGORITHM = 'aes-256-gcm';
const IV_BYTES = 12;
const TAG_BYTES = 16;
const FORMAT = 'v1';

/** The personal details the registry holds about a member of staff. */
export interface PersonDetails {
  readonly name: string;
  readonly email?: string;
  readonly phone?: string;
  readonly role?: string;
}

/** Ciphertext that does not open with the key given (wrong key, or tampered with). */
export class CiphertextUnreadable extends Error {
  constructor(what: string) {
    super(`${what} could not be decrypted: wrong key or altered ciphertext`);
    this.name = 'CiphertextUnreadable';
  }
}

/** The key that wraps every data key. `id` is a fingerprint, stored next to each wrapped key. */
export class MasterKey {
  readonly id: string;

  private constructor(private readonly key: Buffer) {
    this.id = createHash('sha256').update('ledger-people-master-key-id').update(key).digest('hex').slice(0, 16);
  }

  /** 64 hex characters or base64 of 32 bytes are used as they are; any other text is hashed (SHA-256). */
  static from(secret: string): MasterKey {
    if (/^[0-9a-f]{64}$/i.test(secret)) return new MasterKey(Buffer.from(secret, 'hex'));
    const base64 = /^[A-Za-z0-9+/]{43}=$/.test(secret) ? Buffer.from(secret, 'base64') : null;
    if (base64?.length === 32) return new MasterKey(base64);
    if (secret.length < 16) throw new Error('LEDGER_PEOPLE_KEY must be at least 16 characters (or 32 bytes as hex/base64)');
    return new MasterKey(createHash('sha256').update(secret).digest());
  }

  wrap(dataKey: Buffer, personId: string): Buffer {
    return seal(this.key, dataKey, `person-key:${personId}`);
  }

  unwrap(wrapped: Buffer, personId: string): Buffer {
    return open(this.key, wrapped, `person-key:${personId}`, 'the data key');
  }
}

/** A fresh 256-bit data key for one person. */
export function newDataKey(): Buffer {
  return randomBytes(32);
}

/** Seals a person's details with their data key; the person id is bound in as associated data. */
export function sealPersonDetails(dataKey: Buffer, personId: string, details: PersonDetails): string {
  const sealed = seal(dataKey, Buffer.from(JSON.stringify(details), 'utf8'), `person:${personId}`);
  return `${FORMAT}.${sealed.toString('base64')}`;
}

export function openPersonDetails(dataKey: Buffer, personId: string, ciphertext: string): PersonDetails {
  const [format, body] = ciphertext.split('.');
  if (format !== FORMAT || !body) throw new CiphertextUnreadable('the person’s details');
  const plain = open(dataKey, Buffer.from(body, 'base64'), `person:${personId}`, 'the person’s details');
  return JSON.parse(plain.toString('utf8')) as PersonDetails;
}

/** iv ‖ tag ‖ ciphertext. */
function seal(key: Buffer, plain: Buffer, aad: string): Buffer {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv(ALGORITHM, key, iv);
  cipher.setAAD(Buffer.from(aad, 'utf8'));
  const body = Buffer.concat([cipher.update(plain), cipher.final()]);
  return Buffer.concat([iv, cipher.getAuthTag(), body]);
}

function open(key: Buffer, sealed: Buffer, aad: string, what: string): Buffer {
  if (sealed.length < IV_BYTES + TAG_BYTES) throw new CiphertextUnreadable(what);
  try {
    const decipher = createDecipheriv(ALGORITHM, key, sealed.subarray(0, IV_BYTES));
    decipher.setAAD(Buffer.from(aad, 'utf8'));
    decipher.setAuthTag(sealed.subarray(IV_BYTES, IV_BYTES + TAG_BYTES));
    return Buffer.concat([decipher.update(sealed.subarray(IV_BYTES + TAG_BYTES)), decipher.final()]);
  } catch {
    throw new CiphertextUnreadable(what);
  }
}
