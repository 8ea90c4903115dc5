import type { EventLookup, LoggedEvent, Queryable } from './people-ports';

interface Row {
  readonly event_id: string;
  readonly stream_id: string;
  readonly partnership_id: string;
  readonly data: Record<string, unknown>;
}

/** Events by id, straight from the log (read-only: nothing here ever writes to `events`). */
export class PostgresEventLookup implements EventLookup {
  constructor(private readonly db: Queryable) {}

  async events(eventIds: readonly string[]): Promise<ReadonlyMap<string, LoggedEvent>> {
    const found = new Map<string, LoggedEvent>();
    if (eventIds.length === 0) return found;
    const { rows } = await this.db.query<Row>(
      'SELECT event_id, stream_id, partnership_id, data FROM events WHERE event_id = ANY($1::uuid[])',
      [eventIds],
    );
    for (const row of rows) {
      found.set(row.event_id, { eventId: row.event_id, streamId: row.stream_id, partnershipId: row.partnership_id, data: row.data });
    }
    return found;
  }
}
