import type { DocumentProjection, RecordedEvent } from '@ledger/event-sourcing';
import { INSPECTOR_GRANT_EVENT_TYPES } from '../../domain/inspector-grant/inspector-grant.events';
import { upcastInspectorGrantEvent } from '../../schemas/inspector-grant.schemas';
import type { InspectorGrantDocument } from './inspector-grant.document';

function evolve(doc: InspectorGrantDocument | null, recorded: RecordedEvent): InspectorGrantDocument | null {
  const event = upcastInspectorGrantEvent(recorded);
  const version = Number(recorded.streamVersion);
  const by = recorded.metadata.actor.userId;
  switch (event.type) {
    case 'InspectorAccessGranted': {
      const { grantId, partnershipId, inspectorId, from, until, reason } = event.data;
      return {
        id: grantId,
        partnershipId,
        inspectorId,
        from,
        until,
        reason,
        grantedBy: by,
        grantedAt: recorded.metadata.occurredAt,
        revoked: null,
        version,
      };
    }
    case 'InspectorAccessRevoked':
      return doc && { ...doc, revoked: { by, at: recorded.metadata.occurredAt, reason: event.data.reason }, version };
    default: {
      const unhandled: never = event;
      void unhandled;
      return doc;
    }
  }
}

/**
 * Single-stream, async: one document per grant, in rm_inspector_grants. The API's guard reads it
 * (with read-your-writes) to let an inspector in during an active window only.
 */
export const inspectorGrantsProjection: DocumentProjection<InspectorGrantDocument> = {
  name: 'inspector-grants',
  version: 1,
  table: 'rm_inspector_grants',
  canHandle: INSPECTOR_GRANT_EVENT_TYPES,
  documentIds: (event) => [(event.data as { grantId: string }).grantId],
  evolve,
  columns: (doc) => ({ inspector_id: doc.inspectorId, starts_at: doc.from, ends_at: doc.until, revoked: doc.revoked !== null }),
  partnershipIdOf: (doc) => doc.partnershipId,
};
