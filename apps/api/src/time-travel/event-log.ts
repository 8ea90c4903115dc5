import type { DataSource } from 'typeorm';
import type { EventMetadata, RecordedEvent } from '@ledger/event-sourcing';
import type { Instants } from './instants';

interface EventRow {
  readonly transaction_text: string;
  readonly global_position: string;
  readonly stream_id: string;
  readonly stream_version: string;
  readonly event_type: string;
  readonly schema_version: number;
  readonly data: object;
  readonly metadata: EventMetadata;
  readonly recorded_at: Date;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

// transaction_id gets a text alias so ORDER BY sorts the xid8 column, not its text.
const COLUMNS = `transaction_id::text AS transaction_text, global_position, stream_id, stream_version, event_type,
  schema_version, data, metadata, recorded_at`;

/**
 * The time conditions of an as-of read, numbered from `$first`. recorded_at keeps microseconds and
 * the instants we answer with only milliseconds, so "recorded at or before asOf" compares below the
 * next millisecond: an instant read back from a history's `recordedAt` includes that event.
 */
function timeConditions(first: number): string {
  return `($${first}::timestamptz IS NULL OR recorded_at < $${first}::timestamptz + interval '1 millisecond')
      AND ($${first + 1}::timestamptz IS NULL OR occurred_at <= $${first + 1}::timestamptz)`;
}

const timeParams = (at: Instants) => [at.asOf?.toISOString() ?? null, at.validAt?.toISOString() ?? null];

export function toRecordedEvent(row: EventRow): RecordedEvent {
  return {
    type: row.event_type,
    data: row.data,
    metadata: row.metadata,
    schemaVersion: row.schema_version,
    streamId: row.stream_id,
    streamVersion: BigInt(row.stream_version),
    globalPosition: BigInt(row.global_position),
    // The PostgreSQL adapter's opaque position, "<transaction_id>:<global_position>".
    position: `${row.transaction_text}:${row.global_position}`,
    recordedAt: row.recorded_at,
  };
}

/** Reads a partnership's events straight from the log, for as-of folds, changes and the timeline. */
export class EventLog {
  constructor(private readonly dataSource: Pick<DataSource, 'query'>) {}

  /**
   * The partnership's events recorded by `asOf` and occurred by `validAt` (either may be absent),
   * in commit order: the order the engine applied them, so each stream folds in version order.
   */
  async partnershipEvents(partnershipId: string, at: Instants): Promise<RecordedEvent[]> {
    const rows: EventRow[] = await this.dataSource.query(
      `SELECT ${COLUMNS} FROM events
        WHERE partnership_id = $1::uuid AND ${timeConditions(2)}
        ORDER BY transaction_id, global_position`,
      [partnershipId, ...timeParams(at)],
    );
    return rows.map(toRecordedEvent);
  }

  /** Partnership streams (registration, agencies …) of these partnerships, or of all for 'all'. */
  async partnershipStreams(partnershipIds: readonly string[] | 'all', at: Instants): Promise<RecordedEvent[]> {
    const rows: EventRow[] = await this.dataSource.query(
      `SELECT ${COLUMNS} FROM events
        WHERE stream_id LIKE 'partnership-%' AND ($1::uuid[] IS NULL OR partnership_id = ANY($1::uuid[])) AND ${timeConditions(2)}
        ORDER BY transaction_id, global_position`,
      [partnershipIds === 'all' ? null : partnershipIds.filter((id) => UUID.test(id)), ...timeParams(at)],
    );
    return rows.map(toRecordedEvent);
  }

  /**
   * One page of the partnership's timeline in commit order, after `after` (a position), recorded
   * within [from, to], of the given types. Only events of finished transactions (below the oldest
   * running one) are read, so a client paging with the cursor never skips one committed late.
   */
  async timelinePage(
    partnershipId: string,
    options: {
      readonly after: { transactionId: string; globalPosition: string } | null;
      readonly from?: Date;
      readonly to?: Date;
      readonly types?: readonly string[];
      readonly limit: number;
    },
  ): Promise<RecordedEvent[]> {
    const rows: EventRow[] = await this.dataSource.query(
      `SELECT ${COLUMNS} FROM events
        WHERE partnership_id = $1::uuid
          AND transaction_id < pg_snapshot_xmin(pg_current_snapshot())
          AND ($2::text IS NULL OR (transaction_id, global_position) > ($2::text::xid8, $3::bigint))
          AND ($4::timestamptz IS NULL OR recorded_at >= $4::timestamptz)
          AND ($5::timestamptz IS NULL OR recorded_at < $5::timestamptz + interval '1 millisecond')
          AND ($6::text[] IS NULL OR event_type = ANY($6::text[]))
        ORDER BY transaction_id, global_position
        LIMIT $7`,
      [
        partnershipId,
        options.after?.transactionId ?? null,
        options.after?.globalPosition ?? null,
        options.from?.toISOString() ?? null,
        options.to?.toISOString() ?? null,
        options.types ?? null,
        options.limit,
      ],
    );
    return rows.map(toRecordedEvent);
  }
}
