import { PEOPLE_CONTRACTS, peopleContracts } from './people.contracts';
import { PEOPLE_EVENT_TYPES } from '../schemas/people.schemas';

const stored = (type: string, data: object) => ({ type, schemaVersion: 1, data });

describe('people contracts', () => {
  it('define every people event type', () => {
    expect(Object.keys(PEOPLE_CONTRACTS).sort()).toEqual([...PEOPLE_EVENT_TYPES].sort());
  });

  it('publish no ciphertext and no reason', () => {
    const p = '11111111-1111-4111-8111-111111111111';
    const id = '22222222-2222-4222-8222-222222222222';
    const contracts = [
      peopleContracts.map(stored('PersonRegistered', { partnershipId: p, personId: id, agencyId: null, ciphertext: 'v1.secret' })),
      peopleContracts.map(stored('PersonForgotten', { partnershipId: p, personId: id, reason: 'Asked to be forgotten by Pat Example.' })),
      peopleContracts.map(
        stored('FieldRedacted', {
          partnershipId: p,
          redactionId: id,
          streamId: 'action-1',
          eventId: id,
          field: 'description',
          reason: 'Pat',
        }),
      ),
    ];
    expect(contracts.map((contract) => contract.data)).toEqual([
      { partnershipId: p, personId: id, agencyId: null },
      { partnershipId: p, personId: id },
      { partnershipId: p, redactionId: id, streamId: 'action-1', eventId: id, field: 'description' },
    ]);
    expect(JSON.stringify(contracts)).not.toMatch(/secret|Pat/);
    for (const contract of contracts) {
      expect(Object.keys(contract.data).sort()).toEqual(Object.keys(PEOPLE_CONTRACTS[contract.type].properties).sort());
    }
  });

  it('refuses a stored version it does not know', () => {
    expect(() => peopleContracts.map({ type: 'PersonRegistered', schemaVersion: 9, data: {} })).toThrow(/PersonRegistered\.v9/);
  });
});
