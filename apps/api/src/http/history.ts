import { Inject, Injectable } from '@nestjs/common';
import { EVENT_STORE, NotFound, type EventStore } from '@ledger/event-sourcing';

/** One entry of an item's history (DESIGN §5 `/{collection}/{id}/history`). */
export interface HistoryEntry {
  readonly type: string;
  readonly version: number;
  readonly data: unknown;
  readonly actor: unknown;
  readonly occurredAt: string;
  readonly recordedAt: string;
  readonly backdated: boolean;
  readonly backdatedReason: string | null;
  readonly forum: string | null;
  readonly position: string;
  readonly eventId: string;
  readonly correlationId: string;
  readonly causationId: string;
}

/** Reads an item's history straight from its stream: the log is the audit trail. */
@Injectable()
export class HistoryReader {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  async history(partnershipId: string, what: string, streamType: string, id: string): Promise<{ id: string; items: HistoryEntry[] }> {
    const events = await this.store.readStream(`${streamType}-${id}`);
    if (events.length === 0 || events[0]!.metadata.partnershipId !== partnershipId) throw new NotFound(what, id);
    return {
      id,
      items: events.map((event) => ({
        type: event.type,
        version: Number(event.streamVersion),
        data: event.data,
        actor: event.metadata.actor,
        occurredAt: event.metadata.occurredAt,
        recordedAt: event.recordedAt.toISOString(),
        backdated: event.metadata.backdatedReason !== undefined,
        backdatedReason: event.metadata.backdatedReason ?? null,
        forum: event.metadata.forum ?? null,
        position: event.position,
        eventId: event.metadata.eventId,
        correlationId: event.metadata.correlationId,
        causationId: event.metadata.causationId,
      })),
    };
  }
}
