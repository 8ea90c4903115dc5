import type { DomainEvent } from '@ledger/event-sourcing';

/**
 * A partnership admin let an inspector (the token `sub`) read the partnership from `from` until
 * `until` (ISO-8601 instants), for the reason given (e.g. "JTAI fieldwork, March 2026").
 */
export type InspectorAccessGranted = DomainEvent<
  'InspectorAccessGranted',
  {
    readonly grantId: string;
    readonly partnershipId: string;
    readonly inspectorId: string;
    readonly from: string;
    readonly until: string;
    readonly reason: string;
  }
>;

/** The grant was ended early; the inspector's access stops at once. */
export type InspectorAccessRevoked = DomainEvent<
  'InspectorAccessRevoked',
  { readonly grantId: string; readonly partnershipId: string; readonly inspectorId: string; readonly reason: string }
>;

export type InspectorGrantEvent = InspectorAccessGranted | InspectorAccessRevoked;
export type InspectorGrantEventType = InspectorGrantEvent['type'];

export const INSPECTOR_GRANT_EVENT_TYPES: readonly InspectorGrantEventType[] = ['InspectorAccessGranted', 'InspectorAccessRevoked'];
