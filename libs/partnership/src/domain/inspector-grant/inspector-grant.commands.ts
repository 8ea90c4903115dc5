import type { Command } from '@ledger/event-sourcing';

export type GrantInspectorAccess = Command<
  'GrantInspectorAccess',
  {
    readonly grantId: string;
    readonly partnershipId: string;
    readonly inspectorId: string;
    readonly from: Date;
    readonly until: Date;
    readonly reason: string;
  }
>;

export type RevokeInspectorAccess = Command<
  'RevokeInspectorAccess',
  { readonly grantId: string; readonly partnershipId: string; readonly reason: string }
>;

export type InspectorGrantCommand = GrantInspectorAccess | RevokeInspectorAccess;
