import type { EventMetadata, RecordedEvent } from '@ledger/event-sourcing';

/**
 * A stored event as time travel keeps it in memory: the RecordedEvent the projections fold, plus
 * its two times as exact microsecond counts, so the asOf/validAt cuts are compared in memory
 * exactly as PostgreSQL compares the columns.
 */
export interface LoggedEvent extends RecordedEvent {
  /** recorded_at, microseconds since the epoch. */
  readonly recordedMicros: number;
  /** occurred_at, microseconds since the epoch. */
  readonly occurredMicros: number;
}

export interface LoggedEventRow {
  readonly transaction_text: string;
  readonly global_position: string;
  readonly stream_id: string;
  readonly stream_version: string;
  readonly event_type: string;
  readonly schema_version: number;
  readonly data: object;
  readonly metadata: EventMetadata;
  readonly recorded_at: Date;
  readonly recorded_micros: string;
  readonly occurred_micros: string;
}

// transaction_id gets a text alias so ORDER BY sorts the xid8 column, not its text.
export const LOGGED_COLUMNS = `transaction_id::text AS transaction_text, global_position, stream_id, stream_version, event_type,
  schema_version, data, metadata, recorded_at,
  (extract(epoch FROM recorded_at) * 1000000)::bigint::text AS recorded_micros,
  (extract(epoch FROM occurred_at) * 1000000)::bigint::text AS occurred_micros`;

export function toLoggedEvent(row: LoggedEventRow): LoggedEvent {
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
    recordedMicros: Number(row.recorded_micros),
    occurredMicros: Number(row.occurred_micros),
  };
}

/** What an as-of cut keeps, in microseconds: recorded below `recordedBefore`, occurred at or before `occurredBy`. */
export interface Cut {
  readonly recordedBefore: number | null;
  readonly occurredBy: number | null;
}

/**
 * The cut of instants, as the SQL of EventLog states it: recorded_at keeps microseconds and the
 * instants only milliseconds, so "recorded at or before asOf" is "before the next millisecond".
 */
export function cutOf(at: { readonly asOf?: Date; readonly validAt?: Date }): Cut {
  return {
    recordedBefore: at.asOf ? (at.asOf.getTime() + 1) * 1000 : null,
    occurredBy: at.validAt ? at.validAt.getTime() * 1000 : null,
  };
}

export function withinCut(event: LoggedEvent, cut: Cut): boolean {
  return (
    (cut.recordedBefore === null || event.recordedMicros < cut.recordedBefore) &&
    (cut.occurredBy === null || event.occurredMicros <= cut.occurredBy)
  );
}
