import type { Pool } from 'pg';
import {
  PostgresEventStore,
  PostgresProjectionEngine,
  PostgresProjectionProgress,
  ProjectionWaitTimeout,
  eventStoreMigrations,
  projectionMigrations,
} from '@ledger/event-sourcing';
import { createTestDatabase, type TestDatabase } from '@ledger/testing';
import { counterProjection } from './counter.projection';
import { append, increment, resetDatabase, rows, silent } from './projection-test-kit';

const TABLE = 'rm_test_counters';
const NAME = 'test-counters';

let db: TestDatabase;
let store: PostgresEventStore;
let engine: PostgresProjectionEngine;
const progresses: PostgresProjectionProgress[] = [];

function progress(options: { follow?: boolean; pool?: Pool; timeoutMs?: number } = {}): PostgresProjectionProgress {
  const created = new PostgresProjectionProgress({
    pool: options.pool ?? db.pool,
    store,
    projections: [NAME],
    ...(options.follow ? { engine } : {}),
    timeoutMs: options.timeoutMs ?? 10_000,
    pollIntervalMs: 50,
    logger: silent,
  });
  progresses.push(created);
  return created;
}

async function countOf(counterId: string): Promise<number | undefined> {
  return (await rows(db.pool, TABLE)).find((row) => row.id === counterId)?.count;
}

beforeAll(async () => {
  db = await createTestDatabase([...eventStoreMigrations, ...projectionMigrations]);
  store = new PostgresEventStore(db.pool);
});
beforeEach(async () => {
  await resetDatabase(db.pool, TABLE);
  engine = new PostgresProjectionEngine({ pool: db.pool, store, projections: [counterProjection()], pollIntervalMs: 5000, logger: silent });
});
afterEach(async () => {
  await engine.stop();
  await Promise.all(progresses.splice(0).map((created) => created.stop()));
});
afterAll(() => db.drop());

describe('PostgresProjectionProgress', () => {
  describe('when the projection has not reached a position', () => {
    it('resolves waitFor only once the read model contains it', async () => {
      const waiter = progress();
      const position = await append(store, 'a', increment('a'));
      let resolved = false;
      const waiting = waiter.waitFor(position).then(() => (resolved = true));
      await waiter.refresh();
      expect(resolved).toBe(false);

      await engine.runUntilCaughtUp();
      await waiting;
      expect(await countOf('a')).toBe(1);
    });

    it('rejects with ProjectionWaitTimeout when it does not get there in time', async () => {
      const position = await append(store, 'a', increment('a'));
      await expect(progress({ timeoutMs: 100 }).waitFor(position)).rejects.toThrow(ProjectionWaitTimeout);
    });
  });

  describe.each([
    ['from the engine in this process', { follow: true }],
    ['by LISTEN, from a projector in another process', { follow: false }],
  ])('when checkpoints arrive %s', (_how, options) => {
    it('gives read-your-writes after every append', async () => {
      const waiter = progress(options);
      await waiter.start();
      await engine.start();
      for (let i = 1; i <= 15; i++) {
        await waiter.waitFor(await append(store, 'a', increment('a')));
        expect(await countOf('a')).toBe(i);
      }
    });
  });

  describe('when LISTEN is unavailable', () => {
    it('falls back to re-reading the checkpoints', async () => {
      const noListen = { options: { ...db.pool.options, port: 1 }, query: db.pool.query.bind(db.pool) } as unknown as Pool;
      const waiter = progress({ pool: noListen });
      await engine.start();
      for (let i = 1; i <= 3; i++) {
        await waiter.waitFor(await append(store, 'a', increment('a')));
        expect(await countOf('a')).toBe(i);
      }
    });
  });

  describe('when a projection is rebuilt', () => {
    it('waits again until the rebuild passes the position', async () => {
      const waiter = progress({ follow: true });
      const position = await append(store, 'a', increment('a'));
      await engine.runUntilCaughtUp();
      await waiter.waitFor(position);

      await db.pool.query(`TRUNCATE ${TABLE}`);
      await db.pool.query('UPDATE projection_checkpoints SET checkpoint = $1', [store.start]);
      await waiter.refresh();
      await expect(waiter.waitFor(position, 100)).rejects.toThrow(ProjectionWaitTimeout);
      await engine.rebuild(NAME);
      await waiter.waitFor(position);
      expect(await countOf('a')).toBe(1);
    });
  });
});
