import type { EventMetadata, RecordedEvent } from '@ledger/event-sourcing';
import type { ActionEvent } from '../../domain/action/action.events';
import { ACTION_ID, PARTNERSHIP_ID } from '../../domain/action/action.fixtures';
import { CURRENT_ACTION_SCHEMA_VERSIONS } from '../../domain/action/schemas/action-event.upcast';

export interface At {
  /** Business time, ISO. Defaults to one day per event from 2025-03-01. */
  readonly occurredAt?: string;
  readonly forum?: string;
  readonly userId?: string;
}

/** Domain events as the store would hand them to a projection: one action stream, in order. */
export function recordedAction(events: readonly (ActionEvent | [ActionEvent, At])[], actionId = ACTION_ID): RecordedEvent[] {
  return events.map((entry, index) => {
    const serial = String(index + 1).padStart(12, '0');
    const [event, at] = Array.isArray(entry) ? entry : [entry, {} as At];
    const occurredAt = at.occurredAt ?? new Date(Date.UTC(2025, 2, 1 + index, 9)).toISOString();
    const metadata: EventMetadata = {
      eventId: `00000000-0000-4000-8000-${serial}`,
      partnershipId: PARTNERSHIP_ID,
      actor: { userId: at.userId ?? 'user-0001', role: 'agency-lead' },
      correlationId: '00000000-0000-4000-8000-0000000000f1',
      causationId: `00000000-0000-4000-9000-${serial}`,
      occurredAt,
      ...(at.forum ? { forum: at.forum } : {}),
    };
    return {
      type: event.type,
      data: { ...event.data, actionId },
      metadata,
      schemaVersion: CURRENT_ACTION_SCHEMA_VERSIONS[event.type],
      streamId: `action-${actionId}`,
      streamVersion: BigInt(index + 1),
      globalPosition: BigInt(index + 1),
      position: `0:${index + 1}`,
      recordedAt: new Date(Date.parse(occurredAt) + 60_000),
    };
  });
}
