import type { InspectorGrantEvent, InspectorGrantEventType } from '../domain/inspector-grant/inspector-grant.events';
import { upcastInspectorGrantEvent } from '../schemas/inspector-grant.schemas';

/*
 * Contracts of the inspector-grant events. Who the inspector is and why they were let in stay in
 * the ledger: the bus learns that a partnership opened (or closed) a window, and when.
 */
export interface InspectorAccessGrantedContract {
  readonly grantId: string;
  readonly partnershipId: string;
  readonly from: string;
  readonly until: string;
}
export interface InspectorAccessRevokedContract {
  readonly grantId: string;
  readonly partnershipId: string;
}

export type InspectorGrantContract =
  | { readonly type: 'InspectorAccessGranted'; readonly version: 1; readonly data: InspectorAccessGrantedContract }
  | { readonly type: 'InspectorAccessRevoked'; readonly version: 1; readonly data: InspectorAccessRevokedContract };

const id = { type: 'string', minLength: 1 } as const;
/** ISO-8601 instant with a zone; a pattern, not `format`, so every JSON Schema validator checks it. */
const instant = { type: 'string', pattern: '^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d+)?(Z|[+-]\\d{2}:\\d{2})$' } as const;
const WHO = 'the inspector’s user id identifies a person: it stays in the ledger';
const WHY = 'free text that may name people';

export const INSPECTOR_GRANT_CONTRACTS = {
  InspectorAccessGranted: {
    version: 1,
    description: 'A partnership opened a time-boxed window in which one inspector may read it.',
    properties: { grantId: id, partnershipId: id, from: instant, until: instant },
    omitted: { inspectorId: WHO, reason: WHY },
  },
  InspectorAccessRevoked: {
    version: 1,
    description: 'A partnership closed an inspector’s window early.',
    properties: { grantId: id, partnershipId: id },
    omitted: { inspectorId: WHO, reason: WHY },
  },
} as const satisfies Record<InspectorGrantEventType, { version: number; description: string; properties: object; omitted: object }>;

/** The contract of one inspector-grant event (exhaustive). */
export function inspectorGrantContractOf(event: InspectorGrantEvent): InspectorGrantContract {
  switch (event.type) {
    case 'InspectorAccessGranted': {
      const { grantId, partnershipId, from, until } = event.data;
      return { type: event.type, version: 1, data: { grantId, partnershipId, from, until } };
    }
    case 'InspectorAccessRevoked': {
      const { grantId, partnershipId } = event.data;
      return { type: event.type, version: 1, data: { grantId, partnershipId } };
    }
    default: {
      const unexpected: never = event;
      return unexpected;
    }
  }
}

export function mapInspectorGrantContract(stored: { readonly type: string; readonly schemaVersion: number; readonly data: object }) {
  return inspectorGrantContractOf(upcastInspectorGrantEvent(stored));
}
