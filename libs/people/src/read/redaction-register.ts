import type { EventLookup, Queryable } from '../application/people-ports';
import { redactionStreamId } from '../domain/redaction/redaction.decider';
import type { FieldRedacted } from '../domain/redaction/redaction.events';

/** One redaction as the read path applies it. `original` is never shown: it is what views search for. */
export interface Redaction {
  readonly redactionId: string;
  readonly streamId: string;
  readonly eventId: string;
  readonly field: string;
  readonly reason: string;
  readonly redactedAt: string;
  /** The text as it stands in the event row, or null once an operator purged it. */
  readonly original: string | null;
}

/** The public listing of a redaction (no text of the field). */
export type RedactionListing = Omit<Redaction, 'original'>;

interface Row {
  readonly data: FieldRedacted['data'];
  readonly recorded_at: Date;
}

/** The partnership's redactions, read from its redaction stream, with the texts they withdraw. */
export class RedactionRegister {
  constructor(
    private readonly db: Queryable,
    private readonly lookup: EventLookup,
  ) {}

  async list(partnershipId: string): Promise<Redaction[]> {
    const { rows } = await this.db.query<Row>(
      `SELECT data, recorded_at FROM events WHERE stream_id = $1 AND event_type = 'FieldRedacted' ORDER BY stream_version`,
      [redactionStreamId(partnershipId)],
    );
    if (rows.length === 0) return [];
    const events = await this.lookup.events([...new Set(rows.map((row) => row.data.eventId))]);
    return rows.map(({ data, recorded_at }) => {
      const value = events.get(data.eventId)?.data[data.field];
      return {
        redactionId: data.redactionId,
        streamId: data.streamId,
        eventId: data.eventId,
        field: data.field,
        reason: data.reason,
        redactedAt: recorded_at.toISOString(),
        original: typeof value === 'string' ? value : null,
      };
    });
  }
}

export function listingOf({ original: _original, ...listing }: Redaction): RedactionListing {
  return listing;
}
