import type { CommandMetadata } from '@ledger/event-sourcing';
import type { GrantInspectorAccess, RevokeInspectorAccess } from './inspector-grant.commands';
import type { InspectorAccessGranted, InspectorAccessRevoked } from './inspector-grant.events';

/** Synthetic fixtures for tests only. */
export const GRANT_ID = '7d3e2f1a-0b9c-4d8e-a7f6-5e4d3c2b1a01';
export const GRANT_PARTNERSHIP_ID = '6f1c7c52-2b1e-4a53-9d0a-6c1f2f0e9a01';
export const INSPECTOR_ID = 'inspector-0001@example.gov.uk';

export const grantMetadata: CommandMetadata = {
  now: new Date('2026-03-02T09:00:00Z'),
  occurredAt: new Date('2026-03-02T09:00:00Z'),
  actor: { userId: 'business-unit@example.org', role: 'partnership-admin' },
};

export const grantInspectorAccess = (data: Partial<GrantInspectorAccess['data']> = {}): GrantInspectorAccess => ({
  type: 'GrantInspectorAccess',
  data: {
    grantId: GRANT_ID,
    partnershipId: GRANT_PARTNERSHIP_ID,
    inspectorId: INSPECTOR_ID,
    from: new Date('2026-03-02T08:00:00Z'),
    until: new Date('2026-03-20T18:00:00Z'),
    reason: 'JTAI fieldwork, March 2026',
    ...data,
  },
  metadata: grantMetadata,
});

export const revokeInspectorAccess = (data: Partial<RevokeInspectorAccess['data']> = {}): RevokeInspectorAccess => ({
  type: 'RevokeInspectorAccess',
  data: { grantId: GRANT_ID, partnershipId: GRANT_PARTNERSHIP_ID, reason: 'Fieldwork finished early', ...data },
  metadata: grantMetadata,
});

export const accessGranted = (data: Partial<InspectorAccessGranted['data']> = {}): InspectorAccessGranted => ({
  type: 'InspectorAccessGranted',
  data: {
    grantId: GRANT_ID,
    partnershipId: GRANT_PARTNERSHIP_ID,
    inspectorId: INSPECTOR_ID,
    from: '2026-03-02T08:00:00.000Z',
    until: '2026-03-20T18:00:00.000Z',
    reason: 'JTAI fieldwork, March 2026',
    ...data,
  },
});

export const accessRevoked = (data: Partial<InspectorAccessRevoked['data']> = {}): InspectorAccessRevoked => ({
  type: 'InspectorAccessRevoked',
  data: { grantId: GRANT_ID, partnershipId: GRANT_PARTNERSHIP_ID, inspectorId: INSPECTOR_ID, reason: 'Fieldwork finished early', ...data },
});
