import { INSPECTOR_GRANT_EVENT_TYPES } from '../domain/inspector-grant/inspector-grant.events';
import { accessGranted, accessRevoked, GRANT_ID, GRANT_PARTNERSHIP_ID } from '../domain/inspector-grant/inspector-grant.fixtures';
import { UnknownInspectorGrantEventSchema } from '../schemas/inspector-grant.schemas';
import { INSPECTOR_GRANT_CONTRACTS } from './inspector-grant.contracts';
import { partnershipContracts } from './partnership.contracts';

const stored = (event: { type: string; data: object }, schemaVersion = 1) => ({ ...event, schemaVersion });

describe('inspector grant contracts', () => {
  it('define a contract for every inspector-grant event type, published with the partnership context', () => {
    expect(Object.keys(INSPECTOR_GRANT_CONTRACTS)).toEqual(INSPECTOR_GRANT_EVENT_TYPES);
    for (const type of INSPECTOR_GRANT_EVENT_TYPES) expect(partnershipContracts.definitions).toHaveProperty(type);
  });

  it('publish the window, never who the inspector is or why', () => {
    expect(partnershipContracts.map(stored(accessGranted()))).toEqual({
      type: 'InspectorAccessGranted',
      version: 1,
      data: { grantId: GRANT_ID, partnershipId: GRANT_PARTNERSHIP_ID, from: '2026-03-02T08:00:00.000Z', until: '2026-03-20T18:00:00.000Z' },
    });
    expect(partnershipContracts.map(stored(accessRevoked()))).toEqual({
      type: 'InspectorAccessRevoked',
      version: 1,
      data: { grantId: GRANT_ID, partnershipId: GRANT_PARTNERSHIP_ID },
    });
    expect(INSPECTOR_GRANT_CONTRACTS.InspectorAccessGranted.omitted).toHaveProperty('inspectorId');
  });

  it('refuse a stored version they do not know', () => {
    expect(() => partnershipContracts.map(stored(accessGranted(), 2))).toThrow(UnknownInspectorGrantEventSchema);
  });
});
