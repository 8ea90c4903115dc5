import { randomUUID } from 'node:crypto';
import type { EventMetadata, NewEvent } from '@ledger/event-sourcing';

export const PARTNERSHIP_ID = '5d0c7a43-1f7e-4c36-9a55-0b7f7d1c2e01';

/** A stream id of the shape the contexts use: `<type>-<uuid>`. */
export function newStreamId(type = 'action'): string {
  return `${type}-${randomUUID()}`;
}

/** An event on its way into the store, with fresh ids unless the metadata says otherwise. */
export function newEvent(type: string, data: object = {}, metadata: Partial<EventMetadata> = {}): NewEvent {
  return {
    type,
    data,
    metadata: {
      eventId: randomUUID(),
      partnershipId: PARTNERSHIP_ID,
      actor: { userId: 'user-ref-1', role: 'auditor' },
      correlationId: randomUUID(),
      causationId: randomUUID(),
      occurredAt: '2025-11-20T09:30:00.000Z',
      ...metadata,
    },
  };
}

/** `count` events of one command (shared causation id). */
export function commandEvents(count: number, causationId: string = randomUUID()): NewEvent[] {
  return Array.from({ length: count }, (_, index) => newEvent(`Happened${index + 1}`, { index }, { causationId }));
}

export function idsOf(events: readonly { readonly metadata: EventMetadata }[]): string[] {
  return events.map((event) => event.metadata.eventId);
}

/** The error a promise rejects with (fails the test if it resolves). */
export async function rejectionOf(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => {
      throw new Error('expected a rejection');
    },
    (error: unknown) => error,
  );
}
