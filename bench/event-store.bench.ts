import { randomUUID } from 'node:crypto';
import type { Pool } from 'pg';
import { PostgresEventStore, type NewEvent } from '@ledger/event-sourcing';
import { createPool } from '@ledger/platform';
import { sampleWaits } from './support/diagnostics';
import { bestThroughput, runConcurrently, type RunFigures } from './support/stats';

export const EVENT_STORE_WRITERS = 16;
export const EVENT_STORE_APPENDS = 5_000;
/** Rows per round of the two diagnostic sides (they only explain the ratio). */
export const DIAGNOSTIC_ROWS = 2_000;
const WARM_UP_ROWS = 500;

/** The baseline table: the events table's columns, defaults, identity and every index. */
const BASELINE_TABLE = 'bench_raw_events';
const INSERT = `INSERT INTO ${BASELINE_TABLE}
  (stream_id, stream_version, event_id, event_type, schema_version, data, metadata, partnership_id, occurred_at, correlation_id, causation_id)
  VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`;

/** One write: writer `writer`'s `index`-th event on its own stream. */
type Write = (stream: string, index: number, event: NewEvent) => Promise<unknown>;

const SIDES = ['store', 'raw', 'rawNotifyInTransaction', 'storeNotifyAfterCommit'] as const;
type Side = (typeof SIDES)[number];

export interface SideResult {
  readonly best: RunFigures;
  readonly runs: readonly RunFigures[];
  /** Share of sampled active backends per wait event, in the best run. */
  readonly waits: Record<string, number>;
}

export interface EventStoreResult {
  readonly sides: Record<Side, SideResult>;
  /** store ÷ raw, best run of each. */
  readonly ratio: number;
  readonly baselineIndexes: readonly string[];
}

/** A progress update as the API writes it (same JSON sizes on every side). */
function progressEvent(partnershipId: string, actionId: string): NewEvent {
  return {
    type: 'ProgressUpdated',
    data: {
      actionId,
      updateId: randomUUID(),
      narrative: 'Training sessions booked for all designated safeguarding leads; two of five delivered.',
      rag: 'amber',
    },
    metadata: {
      eventId: randomUUID(),
      partnershipId,
      actor: { userId: 'partnership-admin@example.org', role: 'partnership-admin' },
      correlationId: randomUUID(),
      causationId: randomUUID(),
      occurredAt: new Date().toISOString(),
    },
  };
}

function insertParams(stream: string, index: number, event: NewEvent): unknown[] {
  const m = event.metadata;
  return [
    stream,
    index + 1,
    m.eventId,
    event.type,
    1,
    JSON.stringify(event.data),
    JSON.stringify(m),
    m.partnershipId,
    m.occurredAt,
    m.correlationId,
    m.causationId,
  ];
}

/** At most one `NOTIFY` in flight; appends committed meanwhile share the next one. */
function coalescedNotifier(pool: Pool): () => void {
  let inFlight = false;
  let pending = false;
  const send = (): void => {
    if (inFlight) {
      pending = true;
      return;
    }
    inFlight = true;
    pool
      .query(`SELECT pg_notify('ledger_events', '')`)
      .catch(() => undefined)
      .finally(() => {
        inFlight = false;
        if (pending) {
          pending = false;
          send();
        }
      });
  };
  return send;
}

/**
 * The store's own ledger_append, read back from the database, minus its in-transaction NOTIFY:
 * the product change the diagnostics point at, measured rather than guessed.
 */
async function createAppendWithoutNotify(pool: Pool): Promise<void> {
  const { rows } = await pool.query<{ def: string }>(`SELECT pg_get_functiondef('ledger_append(text,bigint,jsonb)'::regprocedure) AS def`);
  const definition = rows[0]!.def
    .replace('FUNCTION public.ledger_append(', 'FUNCTION public.bench_append_without_notify(')
    .replace(/PERFORM pg_notify\([^)]*\);/, '');
  if (!definition.includes('bench_append_without_notify') || definition.includes('pg_notify'))
    throw new Error('cannot derive ledger_append without NOTIFY');
  await pool.query(definition);
}

function writers(pool: Pool): Record<Side, Write> {
  const store = new PostgresEventStore(pool);
  const notify = coalescedNotifier(pool);
  return {
    // ledger_append: replay check, streams row, order guard, insert, NOTIFY, in one round trip.
    store: (stream, index, event) => store.appendToStream(stream, index === 0 ? 'no-stream' : BigInt(index), [event]),
    raw: (stream, index, event) => pool.query(INSERT, insertParams(stream, index, event)),
    rawNotifyInTransaction: (stream, index, event) =>
      pool.query(`WITH row AS (${INSERT} RETURNING 1) SELECT pg_notify('ledger_events', '') FROM row`, insertParams(stream, index, event)),
    storeNotifyAfterCommit: async (stream, index, event) => {
      const payload = [{ type: event.type, data: event.data, metadata: event.metadata, schemaVersion: 1 }];
      await pool.query('SELECT new_version FROM bench_append_without_notify($1, $2::bigint, $3::jsonb)', [
        stream,
        index === 0 ? -1 : index,
        JSON.stringify(payload),
      ]);
      notify();
    },
  };
}

/** `total` writes by 16 writers, each on a stream of its own, fresh for every run. */
async function run(url: string, write: Write, total: number): Promise<{ figures: RunFigures; waits: Record<string, number> }> {
  const partnershipId = randomUUID();
  const actionIds = Array.from({ length: EVENT_STORE_WRITERS }, () => randomUUID());
  const sampler = await sampleWaits(url);
  const figures = await runConcurrently(EVENT_STORE_WRITERS, total, (writer, index) =>
    write(`action-${actionIds[writer]}`, index, progressEvent(partnershipId, actionIds[writer]!)),
  );
  const waits = await sampler.stop();
  if (figures.firstError) throw figures.firstError;
  return { figures, waits };
}

/**
 * Benchmark 1: single-event appends through PostgresEventStore against a raw parameterised INSERT
 * of the same rows into a copy of the events table; 16 writers, each on its own stream; warmed
 * up, then interleaved A B (C D) A B (C D); the best run of each side counts. C and D are
 * diagnostics: the raw INSERT with a NOTIFY inside its transaction (as ledger_append does), and
 * ledger_append without that NOTIFY, followed by one coalesced NOTIFY after commit.
 */
export async function benchmarkEventStore(url: string, log: (line: string) => void): Promise<EventStoreResult> {
  // One connection per writer, plus one for the coalesced NOTIFY.
  const pool = createPool(url, { max: EVENT_STORE_WRITERS + 1 });
  try {
    await pool.query(`CREATE TABLE ${BASELINE_TABLE} (LIKE events INCLUDING ALL)`);
    const { rows } = await pool.query<{ indexdef: string }>('SELECT indexdef FROM pg_indexes WHERE tablename = $1 ORDER BY indexname', [
      BASELINE_TABLE,
    ]);
    await createAppendWithoutNotify(pool);
    const write = writers(pool);
    for (const side of SIDES) await run(url, write[side], WARM_UP_ROWS);
    const runs: Record<Side, { figures: RunFigures; waits: Record<string, number> }[]> = {
      store: [],
      raw: [],
      rawNotifyInTransaction: [],
      storeNotifyAfterCommit: [],
    };
    for (let round = 1; round <= 2; round++) {
      for (const side of SIDES) {
        const total = side === 'store' || side === 'raw' ? EVENT_STORE_APPENDS : DIAGNOSTIC_ROWS;
        const result = await run(url, write[side], total);
        runs[side].push(result);
        const topWait = Object.entries(result.waits)[0];
        log(
          `  ${side.padEnd(22)} round ${round}: ${result.figures.perSecond.toFixed(0).padStart(5)} rows/s (top wait ${topWait ? `${topWait[0]} ${(topWait[1] * 100).toFixed(0)}%` : 'none'})`,
        );
      }
    }
    const sides = {} as Record<Side, SideResult>;
    for (const side of SIDES) {
      const best = bestThroughput(runs[side].map((r) => r.figures));
      sides[side] = { best, runs: runs[side].map((r) => r.figures), waits: runs[side].find((r) => r.figures === best)!.waits };
    }
    return { sides, ratio: sides.store.best.perSecond / sides.raw.best.perSecond, baselineIndexes: rows.map((row) => row.indexdef) };
  } finally {
    // The server starts next on this database: give it an empty ledger, not the benchmark's rows.
    const cleanUp = `DROP TABLE IF EXISTS ${BASELINE_TABLE}; DROP FUNCTION IF EXISTS bench_append_without_notify; TRUNCATE events, streams`;
    await pool.query(cleanUp).catch(() => undefined);
    await pool.end();
  }
}
