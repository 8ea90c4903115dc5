import { applyDisclosure, applyDisclosureToText, type Disclosure } from './disclosure-filter';
import type { PersonView } from './person.view';
import type { Redaction } from './redaction-register';

const PAT = '6a7e0c4e-3d0f-4c55-9a43-0e8f6b1d2c3a';
const SAM = '0f1e2d3c-4b5a-4968-8776-a5b4c3d2e1f0';
const EVENT = '44444444-4444-4444-8444-444444444444';
const TEXT = 'Pat Example to call 12 Acacia Avenue weekly.';

const pat: PersonView = { id: PAT, erased: false, name: 'Pat Example', email: null, phone: null, role: null, agencyId: null };
const sam: PersonView = { id: SAM, erased: true, name: '[erased]', agencyId: null };
const redaction: Redaction = {
  redactionId: 'r1',
  streamId: 'action-1',
  eventId: EVENT,
  field: 'description',
  reason: 'Named a person.',
  redactedAt: '2026-01-10T09:00:00.000Z',
  original: TEXT,
};
const people: Disclosure = {
  people: new Map<string, PersonView>([
    [PAT, pat],
    [SAM, sam],
  ]),
  redactions: [],
};
const redactions: Disclosure = { people: new Map(), redactions: [redaction] };

describe('applyDisclosure', () => {
  it('adds the owner’s name beside an owner that is a person, and [erased] once they are forgotten', () => {
    const rows = applyDisclosure({ rows: [{ owner: PAT }, { owner: SAM }, { owner: 'Designated nurse' }] }, people);
    expect(rows.rows).toEqual([
      { owner: PAT, ownerPerson: { id: PAT, name: 'Pat Example', erased: false } },
      { owner: SAM, ownerPerson: { id: SAM, name: '[erased]', erased: true } },
      { owner: 'Designated nurse' },
    ]);
  });

  it('replaces a person’s ciphertext in a history entry by their name, or [erased]', () => {
    const history = applyDisclosure(
      {
        items: [
          { type: 'PersonRegistered', data: { personId: PAT, ciphertext: 'v1.abc', agencyId: null } },
          { type: 'PersonRegistered', data: { personId: SAM, ciphertext: 'v1.def', agencyId: null } },
        ],
      },
      people,
    );
    expect(history.items.map((item) => item.data)).toEqual([
      { personId: PAT, agencyId: null, name: 'Pat Example', erased: false, person: { id: PAT, name: 'Pat Example', erased: false } },
      { personId: SAM, agencyId: null, name: '[erased]', erased: true, person: { id: SAM, name: '[erased]', erased: true } },
    ]);
    expect(JSON.stringify(history)).not.toContain('ciphertext');
  });

  it('shows [redacted] in the redacted field of the event, and says so', () => {
    const entry = applyDisclosure(
      { eventId: EVENT, type: 'ActionProposed', data: { description: 'changed since', owner: 'x y z' } },
      redactions,
    );
    expect(entry.data).toEqual({ description: '[redacted]', owner: 'x y z', redacted: true, redactedFields: ['description'] });
  });

  it('replaces the redacted text wherever a read model copied it, marking the object', () => {
    const view = applyDisclosure(
      { id: 'a1', description: TEXT, latestUpdate: { narrative: `See: ${TEXT}` }, status: 'agreed' },
      redactions,
    );
    expect(view).toEqual({
      id: 'a1',
      description: '[redacted]',
      latestUpdate: { narrative: 'See: [redacted]', redacted: true },
      status: 'agreed',
      redacted: true,
    });
  });

  it('leaves everything else as it was', () => {
    const body = { items: [{ id: 'a1', description: 'Refresh the protocol.', owner: 'Designated nurse', n: 3, ok: true, none: null }] };
    expect(applyDisclosure(body, { people: people.people, redactions: [redaction] })).toEqual(body);
  });
});

describe('applyDisclosureToText (CSV)', () => {
  it('redacts text and names people, erased ones as [erased]', () => {
    const csv = `id,description,owner\na1,"${TEXT}",${PAT}\na2,Other,${SAM}\n`;
    expect(applyDisclosureToText(csv, { people: people.people, redactions: [redaction] })).toBe(
      'id,description,owner\na1,"[redacted]",Pat Example\na2,Other,[erased]\n',
    );
  });
});
