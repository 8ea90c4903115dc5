import { Pool } from 'pg';
import {
  PostgresEventStore,
  PostgresProjectionEngine,
  PostgresProjectionProgress,
  appendEvents,
  eventStoreMigrations,
  isRetryableAppendError,
  projectionMigrations,
} from '@ledger/event-sourcing';
import { createTestDatabase, type TestDatabase } from '@ledger/testing';
import { counterProjection, totalsId } from './counter.projection';
import { PARTNERSHIP, increment, resetDatabase, rows, silent } from './projection-test-kit';

const TABLE = 'rm_test_counters';
const WRITERS = 8;
const EVENTS = 10_000;
const STREAMS_PER_WRITER = 5;

let db: TestDatabase;

beforeAll(async () => {
  db = await createTestDatabase([...eventStoreMigrations, ...projectionMigrations]);
  await resetDatabase(db.pool, TABLE);
});
afterAll(() => db.drop());

interface WriterResult {
  readonly positions: string[];
  readonly counts: Map<string, number>;
  amount: number;
}

/**
 * One writer on its own connection: transactions of 1–4 events, each held open for a random few
 * milliseconds (pg_sleep) so commits land out of insertion order — the load shape that makes a
 * naive reader skip events.
 */
async function writer(pool: Pool, index: number, quota: number): Promise<WriterResult> {
  const client = await pool.connect();
  const result: WriterResult = { positions: [], counts: new Map(), amount: 0 };
  try {
    // Durability is not under test; visibility at commit is the same without the WAL flush wait.
    await client.query('SET synchronous_commit = off');
    for (let written = 0; written < quota;) {
      const counterId = `w${index}-${written % STREAMS_PER_WRITER}`;
      const size = Math.min(quota - written, 1 + Math.floor(Math.random() * 4));
      const events = Array.from({ length: size }, (_, i) => increment(counterId, written + i));
      try {
        await client.query('BEGIN');
        const appended = await appendEvents(client, `counter-${counterId}`, 'any', events);
        await client.query('SELECT pg_sleep($1)', [Math.random() * 0.005]);
        await client.query('COMMIT');
        result.positions.push(appended.position);
      } catch (error) {
        await client.query('ROLLBACK');
        if (isRetryableAppendError(error)) continue;
        throw error;
      }
      result.counts.set(counterId, (result.counts.get(counterId) ?? 0) + size);
      result.amount += events.reduce((sum, event) => sum + (event.data as { amount: number }).amount, 0);
      written += size;
    }
    return result;
  } finally {
    client.release();
  }
}

describe('PostgresProjectionEngine under concurrent writers', () => {
  it('skips no event: the read model matches what was written exactly', async () => {
    const store = new PostgresEventStore(db.pool);
    const engine = new PostgresProjectionEngine({ pool: db.pool, store, projections: [counterProjection()], logger: silent });
    const progress = new PostgresProjectionProgress({
      pool: db.pool,
      store,
      projections: ['test-counters'],
      engine,
      timeoutMs: 30_000,
      logger: silent,
    });
    const writers = new Pool({ ...db.pool.options, max: WRITERS });
    // end() resolves before its sockets close; the database drop may end them first.
    writers.on('error', () => undefined);
    await engine.start();
    try {
      const results = await Promise.all(Array.from({ length: WRITERS }, (_, index) => writer(writers, index, EVENTS / WRITERS)));
      const positions = results.flatMap((result) => result.positions);
      const last = positions.reduce((latest, position) => (store.covers(latest, position) ? latest : position));

      await progress.waitFor(last);

      const built = await rows(db.pool, TABLE);
      const expected = new Map(results.flatMap((result) => [...result.counts]));
      expect(built).toHaveLength(WRITERS * STREAMS_PER_WRITER + 1);
      for (const row of built.filter((candidate) => candidate.kind === 'counter'))
        expect([row.id, row.count]).toEqual([row.id, expected.get(row.id)]);
      const totals = built.find((row) => row.id === totalsId(PARTNERSHIP));
      expect(totals?.count).toBe(EVENTS);
      expect(totals?.doc.total).toBe(results.reduce((sum, result) => sum + result.amount, 0));
    } finally {
      await engine.stop();
      await progress.stop();
      await writers.end();
    }
  }, 180_000);
});
