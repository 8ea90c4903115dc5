import { PARTNERSHIP_EVENT_TYPES } from '../domain/partnership.events';
import { agencyAdded } from '../domain/partnership.fixtures';
import { PARTNERSHIP_EVENT_SCHEMAS, UnknownPartnershipEventSchema, upcastPartnershipEvent } from './partnership.schemas';

describe('partnership event schemas', () => {
  it('names a v1 schema for every event type', () => {
    expect(PARTNERSHIP_EVENT_SCHEMAS).toEqual(PARTNERSHIP_EVENT_TYPES.map((type) => `${type}.v1`));
  });

  it('upcasts stored v1 JSON to the current event', () => {
    const stored = JSON.parse(JSON.stringify(agencyAdded())) as { type: string; data: unknown };
    expect(upcastPartnershipEvent({ ...stored, schemaVersion: 1 })).toEqual(agencyAdded());
  });

  it('refuses a version it has no upcaster for', () => {
    expect(() => upcastPartnershipEvent({ type: 'AgencyAdded', schemaVersion: 3, data: agencyAdded().data })).toThrow(
      UnknownPartnershipEventSchema,
    );
  });

  it('refuses a type that is not a partnership event', () => {
    expect(() => upcastPartnershipEvent({ type: 'toString', schemaVersion: 1, data: {} })).toThrow(UnknownPartnershipEventSchema);
  });
});
