import { PARTNERSHIP_EVENT_TYPES } from '../domain/partnership.events';
import { agencyAdded, registered, subgroupEstablished, themesPublished } from '../domain/partnership.fixtures';
import { UnknownPartnershipEventSchema } from '../schemas/partnership.schemas';
import { PARTNERSHIP_CONTRACTS, partnershipContracts } from './partnership.contracts';

const stored = (event: { type: string; data: object }, schemaVersion = 1) => ({ ...event, schemaVersion });

describe('partnership contracts', () => {
  it('define a contract for every partnership event type', () => {
    expect(Object.keys(PARTNERSHIP_CONTRACTS)).toEqual(PARTNERSHIP_EVENT_TYPES);
  });

  it.each([registered(), agencyAdded(), subgroupEstablished(), themesPublished()])(
    'publish $type field for field (organisational data only)',
    (event) => {
      expect(partnershipContracts.map(stored(event))).toEqual({ type: event.type, version: 1, data: event.data });
    },
  );

  it('copy fields explicitly: a field the contract does not name stays off the bus', () => {
    const withExtra = { type: 'AgencyAdded', data: { ...agencyAdded().data, contactEmail: 'someone@example.org' } };
    expect(partnershipContracts.map(stored(withExtra)).data).not.toHaveProperty('contactEmail');
  });

  it('refuse a type or stored version they do not know', () => {
    expect(() => partnershipContracts.map(stored({ type: 'ActionAgreed', data: {} }))).toThrow(UnknownPartnershipEventSchema);
    expect(() => partnershipContracts.map(stored(agencyAdded(), 2))).toThrow(UnknownPartnershipEventSchema);
  });
});
