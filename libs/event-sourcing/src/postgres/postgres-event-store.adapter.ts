import type { Pool } from 'pg';
import type { EventMetadata, NewEvent, RecordedEvent } from '../core/event';
import type { AppendResult, EventStore, ExpectedVersion, ReadAllOptions, ReadAllPage, ReadStreamOptions } from '../core/event-store.port';
import { appendEvents, isRetryableAppendError } from './append-events';
import { EventIdReused } from './event-id-reused.error';
import { NotificationListener, type NotificationListenerOptions } from './notification-listener';
import { START_POSITION, formatPosition, parsePosition, positionCovers } from './position';

export const EVENTS_CHANNEL = 'ledger_events';

export interface PostgresEventStoreOptions {
  /** Page size of readAll when the caller gives none. */
  readonly defaultPageSize?: number;
  /** Attempts for appends that fail retryably (concurrent same ids, transaction-order guard). */
  readonly appendAttempts?: number;
  readonly listener?: NotificationListenerOptions;
}

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

// The text of transaction_id gets its own name: ORDER BY transaction_id must sort the xid8 column,
// not its text (where "1000" < "999").
const COLUMNS = `transaction_id::text AS transaction_text, global_position, stream_id, stream_version, event_type,
  schema_version, data, metadata, recorded_at`;

function toRecorded(row: EventRow): RecordedEvent {
  return {
    type: row.event_type,
    data: row.data,
    metadata: row.metadata,
    schemaVersion: row.schema_version,
    streamId: row.stream_id,
    streamVersion: BigInt(row.stream_version),
    globalPosition: BigInt(row.global_position),
    position: formatPosition(row.transaction_text, row.global_position),
    recordedAt: row.recorded_at,
  };
}

/**
 * The PostgreSQL event store (DESIGN §4): one round trip per append through `ledger_append`,
 * commit-safe paging by `(transaction_id, global_position)` below the oldest running
 * transaction, and LISTEN/NOTIFY wake-ups.
 */
export class PostgresEventStore implements EventStore {
  private readonly localSubscribers = new Set<() => void>();
  private notifying = false;
  private notifyAgain = false;
  readonly start = START_POSITION;

  constructor(
    private readonly pool: Pool,
    private readonly options: PostgresEventStoreOptions = {},
  ) {}

  async appendToStream(streamId: string, expected: ExpectedVersion, events: readonly NewEvent[]): Promise<AppendResult> {
    const attempts = this.options.appendAttempts ?? 5;
    for (let attempt = 1; ; attempt++) {
      try {
        const result = await appendEvents(this.pool, streamId, expected, events);
        this.announce();
        return result;
      } catch (error) {
        if (!isRetryableAppendError(error)) throw error;
        if (attempt >= attempts) {
          if ((error as { code?: string }).code === '23505') throw new EventIdReused(streamId);
          throw error;
        }
      }
    }
  }

  async readStream(streamId: string, options: ReadStreamOptions = {}): Promise<readonly RecordedEvent[]> {
    // recorded_at keeps microseconds and a Date only milliseconds: "at or before" an instant read
    // back from recordedAt must include that event, so compare below the next millisecond.
    const { rows } = await this.pool.query<EventRow>(
      `SELECT ${COLUMNS} FROM events
        WHERE stream_id = $1
          AND ($2::bigint IS NULL OR stream_version <= $2::bigint)
          AND ($3::timestamptz IS NULL OR recorded_at < $3::timestamptz + interval '1 millisecond')
        ORDER BY stream_version`,
      [streamId, options.toVersion?.toString() ?? null, options.recordedUntil ?? null],
    );
    return rows.map(toRecorded);
  }

  async readAll(options: ReadAllOptions = {}): Promise<ReadAllPage> {
    const after = parsePosition(options.after ?? this.start);
    const { rows } = await this.pool.query<EventRow>(
      `SELECT ${COLUMNS} FROM events
        WHERE (transaction_id, global_position) > ($1::text::xid8, $2::bigint)
          AND transaction_id < pg_snapshot_xmin(pg_current_snapshot())
        ORDER BY transaction_id, global_position
        LIMIT $3`,
      [after.transactionId.toString(), after.globalPosition.toString(), options.limit ?? this.options.defaultPageSize ?? 1000],
    );
    const events = rows.map(toRecorded);
    const last = events[events.length - 1];
    return { events, checkpoint: last ? last.position : (options.after ?? this.start) };
  }

  async readCommand(causationId: string): Promise<readonly RecordedEvent[]> {
    if (!UUID.test(causationId)) return [];
    const { rows } = await this.pool.query<EventRow>(
      `SELECT ${COLUMNS} FROM events WHERE causation_id = $1::uuid ORDER BY transaction_id, global_position`,
      [causationId],
    );
    return rows.map(toRecorded);
  }

  async subscribe(onWake: () => void): Promise<() => Promise<void>> {
    const listener = new NotificationListener(this.pool.options, EVENTS_CHANNEL, onWake, this.options.listener);
    await listener.start();
    this.localSubscribers.add(onWake);
    return async () => {
      this.localSubscribers.delete(onWake);
      await listener.stop();
    };
  }

  /**
   * Tells subscribers that new events are committed: at once in this process, and through one
   * NOTIFY on its own (outside the append's transaction) for other processes. Appends that land
   * while a NOTIFY is in flight share the next one.
   */
  private announce(): void {
    for (const wake of this.localSubscribers) wake();
    if (this.notifying) {
      this.notifyAgain = true;
      return;
    }
    this.notifying = true;
    const send = (): void => {
      this.notifyAgain = false;
      this.pool
        .query(`SELECT pg_notify('${EVENTS_CHANNEL}', '')`)
        .catch(() => undefined) // subscribers also poll; a lost wake-up only delays them
        .finally(() => {
          if (this.notifyAgain) send();
          else this.notifying = false;
        });
    };
    send();
  }

  async head(): Promise<string | null> {
    const { rows } = await this.pool.query<{ position: string }>(
      `SELECT transaction_id::text || ':' || global_position AS position FROM events ORDER BY transaction_id DESC, global_position DESC LIMIT 1`,
    );
    return rows[0]?.position ?? null;
  }

  covers(checkpoint: string, position: string): boolean {
    return positionCovers(checkpoint, position);
  }
}
