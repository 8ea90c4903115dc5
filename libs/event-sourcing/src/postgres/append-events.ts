import type { DatabaseError, Pool, PoolClient } from 'pg';
import { WrongExpectedVersion } from '../core/errors';
import type { NewEvent } from '../core/event';
import type { AppendResult, ExpectedVersion } from '../core/event-store.port';
import { EventIdReused } from './event-id-reused.error';
import { EVENT_ID_REUSED_SQLSTATE, EXPECT_ANY, EXPECT_NO_STREAM, VERSION_CONFLICT_SQLSTATE } from './ledger-append.sql';
import { formatPosition } from './position';

export type Queryable = Pick<Pool | PoolClient, 'query'>;

interface AppendRow {
  readonly new_version: string;
  readonly last_transaction_id: string;
  readonly last_global_position: string;
}

function encodeExpected(expected: ExpectedVersion): string {
  if (expected === 'no-stream') return EXPECT_NO_STREAM.toString();
  if (expected === 'any') return EXPECT_ANY.toString();
  if (expected < 0n) throw new RangeError(`expected version must be >= 0, got ${expected}`);
  return expected.toString();
}

function describeExpected(expected: ExpectedVersion): string {
  return typeof expected === 'bigint' ? expected.toString() : expected;
}

function isDatabaseError(error: unknown): error is DatabaseError {
  return error instanceof Error && typeof (error as Partial<DatabaseError>).code === 'string';
}

/**
 * A failure that a fresh attempt may resolve: a concurrent append with the same event ids (the
 * retry then sees them and answers idempotently) or the transaction-order guard (40001).
 */
export function isRetryableAppendError(error: unknown): boolean {
  if (!isDatabaseError(error)) return false;
  return error.code === '40001' || (error.code === '23505' && error.constraint === 'events_event_id_key');
}

/**
 * One call of `ledger_append` on `db` (a pool, or a client inside the caller's transaction).
 * Throws WrongExpectedVersion / EventIdReused; retryable database errors are rethrown as they are.
 */
export async function appendEvents(
  db: Queryable,
  streamId: string,
  expected: ExpectedVersion,
  events: readonly NewEvent[],
): Promise<AppendResult> {
  const payload = events.map((event) => ({
    type: event.type,
    data: event.data,
    metadata: event.metadata,
    schemaVersion: event.schemaVersion ?? 1,
  }));
  try {
    const { rows } = await db.query<AppendRow>(
      `SELECT new_version::text, last_transaction_id::text, last_global_position::text
         FROM ledger_append($1, $2::bigint, $3::jsonb)`,
      [streamId, encodeExpected(expected), JSON.stringify(payload)],
    );
    const row = rows[0]!;
    return {
      nextExpectedVersion: BigInt(row.new_version),
      position: formatPosition(row.last_transaction_id, row.last_global_position),
    };
  } catch (error) {
    if (!isDatabaseError(error)) throw error;
    if (error.code === VERSION_CONFLICT_SQLSTATE) {
      const actual = error.detail ? BigInt(error.detail) : null;
      throw new WrongExpectedVersion(streamId, describeExpected(expected), actual);
    }
    if (error.code === EVENT_ID_REUSED_SQLSTATE) throw new EventIdReused(streamId);
    if (error.code === '23505' && error.constraint === 'events_stream_version_unique') {
      throw new WrongExpectedVersion(streamId, describeExpected(expected), null);
    }
    throw error;
  }
}
