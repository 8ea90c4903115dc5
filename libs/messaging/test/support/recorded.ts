import type { DomainEvent, RecordedEvent } from '@ledger/event-sourcing';

export const PARTNERSHIP = '6f1c7c52-2b1e-4a53-9d0a-6c1f2f0e9a01';
export const RAISING_AGENCY = '0b8f0c3e-1d2a-4f6b-8e7c-1a2b3c4d5e01';

/** A domain event as the store would return it (stored JSON, fixed metadata). */
export function recorded(event: DomainEvent, index = 1, overrides: Partial<RecordedEvent> = {}): RecordedEvent {
  return {
    type: event.type,
    data: JSON.parse(JSON.stringify(event.data)) as object,
    schemaVersion: 1,
    streamId: `stream-${index}`,
    streamVersion: BigInt(index),
    globalPosition: BigInt(index),
    position: `7:${index}`,
    recordedAt: new Date('2025-03-10T09:00:00.123Z'),
    metadata: {
      eventId: `00000000-0000-4000-8000-${index.toString().padStart(12, '0')}`,
      partnershipId: PARTNERSHIP,
      actor: { userId: 'user-chair-1', role: 'board-member', agencyId: RAISING_AGENCY },
      correlationId: '3c2b1a09-8f7e-4d6c-9b5a-4f3e2d1c0b01',
      causationId: 'd0e3948d-e2e5-4dbe-b5e1-22864277a4c7',
      occurredAt: '2025-03-03T14:00:00.000Z',
    },
    ...overrides,
  };
}
