import { Pool } from 'pg';
import {
  PostgresEventStore,
  PostgresProjectionEngine,
  ProjectionLocked,
  RebuildInProgress,
  eventStoreMigrations,
  projectionMigrations,
  type RebuildProgress,
  type RecordedEvent,
} from '@ledger/event-sourcing';
import { createTestDatabase, type TestDatabase } from '@ledger/testing';
import { counterProjection, totalsId } from './counter.projection';
import { PARTNERSHIP, append, checkpointOf, eventually, increment, newEvent, resetDatabase, rows, silent } from './projection-test-kit';

const TABLE = 'rm_test_counters';
const NAME = 'test-counters';

let db: TestDatabase;
let store: PostgresEventStore;
const engines: PostgresProjectionEngine[] = [];

function engine(onEvolve?: (event: RecordedEvent) => void, pool: Pool = db.pool, version = 1): PostgresProjectionEngine {
  const projection = { ...counterProjection(onEvolve ? { onEvolve } : {}), version };
  const created = new PostgresProjectionEngine({
    pool,
    store,
    projections: [projection],
    standbyRetryMs: 50,
    pollIntervalMs: 100,
    errorBackoffMs: 50,
    logger: silent,
  });
  engines.push(created);
  return created;
}

beforeAll(async () => {
  db = await createTestDatabase([...eventStoreMigrations, ...projectionMigrations]);
  store = new PostgresEventStore(db.pool);
});
beforeEach(() => resetDatabase(db.pool, TABLE));
afterEach(async () => {
  await Promise.all(engines.splice(0).map((running) => running.stop()));
});
afterAll(() => db.drop());

describe('PostgresProjectionEngine', () => {
  describe('when events are appended', () => {
    it('builds the rows, their columns and the checkpoint', async () => {
      await append(store, 'a', increment('a', 2, { tag: 'x' }));
      await append(store, 'b', increment('b', 5));
      const last = await append(store, 'a', increment('a', 3, { tag: 'y' }));
      await engine().runUntilCaughtUp();

      expect(await rows(db.pool, TABLE)).toEqual([
        {
          id: 'a',
          partnership_id: PARTNERSHIP,
          doc: { kind: 'counter', partnershipId: PARTNERSHIP, count: 2, total: 5, tags: ['x', 'y'] },
          last_position: last,
          kind: 'counter',
          count: 2,
          tags: ['x', 'y'],
        },
        expect.objectContaining({ id: 'b', count: 1, tags: [] }),
        expect.objectContaining({ id: totalsId(PARTNERSHIP), kind: 'totals', count: 3, last_position: last }),
      ]);
      expect(await checkpointOf(db.pool, NAME)).toEqual({ checkpoint: last, version: 1 });
    });

    it('deletes a row its projection evolves to null', async () => {
      await append(store, 'a', increment('a'));
      await append(store, 'a', newEvent('CounterRemoved', { counterId: 'a' }));
      await engine().runUntilCaughtUp();
      expect((await rows(db.pool, TABLE)).map((row) => row.id)).toEqual([totalsId(PARTNERSHIP)]);
    });

    it('advances the checkpoint past events it does not handle', async () => {
      const last = await append(store, 'n', newEvent('Noise', { counterId: 'n' }));
      await engine().runUntilCaughtUp();
      expect(await rows(db.pool, TABLE)).toEqual([]);
      expect((await checkpointOf(db.pool, NAME))?.checkpoint).toBe(last);
    });
  });

  describe('when evolve throws on an event of a batch', () => {
    it('advances neither the rows nor the checkpoint', async () => {
      const before = await append(store, 'a', increment('a'));
      const projector = engine();
      await projector.runUntilCaughtUp();
      const rowsBefore = await rows(db.pool, TABLE);

      await append(store, 'b', increment('b'));
      await append(store, 'c', increment('c', 1, { poison: true }));
      await append(store, 'a', increment('a'));
      await expect(projector.runUntilCaughtUp()).rejects.toThrow(/poisoned/);

      expect(await rows(db.pool, TABLE)).toEqual(rowsBefore);
      expect((await checkpointOf(db.pool, NAME))?.checkpoint).toBe(before);
    });
  });

  describe('when saving the checkpoint fails', () => {
    it('rolls the rows of the batch back with it', async () => {
      await db.pool.query(`CREATE OR REPLACE FUNCTION refuse_checkpoint() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN RAISE EXCEPTION 'checkpoint refused'; END $$`);
      await db.pool.query(
        'CREATE TRIGGER refuse BEFORE INSERT OR UPDATE ON projection_checkpoints FOR EACH ROW EXECUTE FUNCTION refuse_checkpoint()',
      );
      try {
        await append(store, 'a', increment('a'));
        await expect(engine().runUntilCaughtUp()).rejects.toThrow(/checkpoint refused/);
        expect(await rows(db.pool, TABLE)).toEqual([]);
      } finally {
        await db.pool.query('DROP TRIGGER refuse ON projection_checkpoints');
      }
    });
  });

  describe('when events are delivered again', () => {
    it('skips them for rows that already applied them', async () => {
      const middle = await append(store, 'a', increment('a', 2));
      await append(store, 'b', increment('b', 3));
      await append(store, 'a', increment('a', 4));
      await engine().runUntilCaughtUp();
      const applied = await rows(db.pool, TABLE);

      for (const resetTo of [store.start, middle]) {
        await db.pool.query('UPDATE projection_checkpoints SET checkpoint = $1 WHERE name = $2', [resetTo, NAME]);
        const evolved: RecordedEvent[] = [];
        await engine((event) => evolved.push(event)).runUntilCaughtUp();
        expect(evolved).toEqual([]);
        expect(await rows(db.pool, TABLE)).toEqual(applied);
      }

      const next = await append(store, 'a', increment('a', 1));
      await engine().runUntilCaughtUp();
      expect((await rows(db.pool, TABLE)).find((row) => row.id === 'a')).toMatchObject({
        count: 3,
        last_position: next,
        doc: { total: 7 },
      });
    });
  });

  describe('when two engines run the same projection', () => {
    it('lets one apply, and the other take over when it stops, applying nothing twice', async () => {
      const poolB = new Pool(db.pool.options);
      // end() resolves before its sockets close; the database drop may end them first.
      poolB.on('error', () => undefined);
      try {
        const byA: string[] = [];
        const byB: string[] = [];
        const a = engine((event) => byA.push(event.position));
        const b = engine((event) => byB.push(event.position), poolB);
        await a.start();
        await eventually(() => a.status()[0]?.role === 'active');
        await b.start();
        await eventually(() => b.status()[0]?.role === 'standby');

        for (let i = 0; i < 20; i++) await append(store, `c${i % 4}`, increment(`c${i % 4}`));
        await expect(b.runUntilCaughtUp()).rejects.toBeInstanceOf(ProjectionLocked);
        await eventually(async () => (await rows(db.pool, TABLE)).find((row) => row.kind === 'totals')?.count === 20);
        expect(byA).toHaveLength(40);
        expect(byB).toHaveLength(0);

        await a.stop();
        await eventually(() => b.status()[0]?.role === 'active');
        for (let i = 0; i < 20; i++) await append(store, `c${i % 4}`, increment(`c${i % 4}`));
        await eventually(async () => (await rows(db.pool, TABLE)).find((row) => row.kind === 'totals')?.count === 40);
        expect(byA).toHaveLength(40);
        expect(byB).toHaveLength(40);
        expect(byB.filter((position) => byA.includes(position))).toEqual([]);
        expect((await rows(db.pool, TABLE)).filter((row) => row.kind === 'counter').map((row) => row.count)).toEqual([10, 10, 10, 10]);
      } finally {
        await Promise.all(engines.splice(0).map((running) => running.stop()));
        await poolB.end();
      }
    });
  });

  describe('when rebuilt from zero', () => {
    it('equals the incremental result and reports progress', async () => {
      for (let i = 0; i < 30; i++) await append(store, `r${i % 3}`, increment(`r${i % 3}`, i, { tag: `t${i % 5}` }));
      await append(store, 'r1', newEvent('CounterRemoved', { counterId: 'r1' }));
      await append(store, 'n', newEvent('Noise', {}));
      const incremental = engine();
      await incremental.runUntilCaughtUp();
      const expected = await rows(db.pool, TABLE);
      const checkpoint = await checkpointOf(db.pool, NAME);

      const reports: RebuildProgress[] = [];
      const rebuilder = new PostgresProjectionEngine({
        pool: db.pool,
        store,
        projections: [{ ...counterProjection(), version: 2 }],
        rebuildBatchSize: 10,
        logger: silent,
      });
      const result = await rebuilder.rebuild(NAME, {
        total: 32,
        onProgress: (report) => {
          reports.push(report);
        },
      });

      expect(await rows(db.pool, TABLE)).toEqual(expected);
      expect(await checkpointOf(db.pool, NAME)).toEqual({ checkpoint: checkpoint?.checkpoint, version: 2 });
      expect(result).toMatchObject({ processed: 32, checkpoint: checkpoint?.checkpoint });
      expect(reports.map((report) => report.processed)).toEqual([10, 20, 30, 32]);
      expect(reports.every((report) => report.total === 32 && report.eventsPerSecond > 0)).toBe(true);
    });

    it('refuses while another rebuild of the projection runs', async () => {
      await append(store, 'a', increment('a'));
      const first = new PostgresProjectionEngine({ pool: db.pool, store, projections: [counterProjection()], logger: silent });
      const second = new PostgresProjectionEngine({ pool: db.pool, store, projections: [counterProjection()], logger: silent });
      let release: () => void = () => undefined;
      const paused = new Promise<void>((resolve) => (release = resolve));
      let started: () => void = () => undefined;
      const inside = new Promise<void>((resolve) => (started = resolve));
      const running = first.rebuild(NAME, {
        onProgress: async () => {
          started();
          await paused;
        },
      });
      await inside;
      await expect(second.rebuild(NAME)).rejects.toBeInstanceOf(RebuildInProgress);
      release();
      await expect(running).resolves.toMatchObject({ switched: [{ name: NAME, generation: 2 }] });
    });
  });
});
