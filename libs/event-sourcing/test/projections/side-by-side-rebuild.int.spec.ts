import {
  PostgresEventStore,
  PostgresProjectionEngine,
  eventStoreMigrations,
  foldProjection,
  projectionMigrations,
  type DocumentProjection,
  type RecordedEvent,
} from '@ledger/event-sourcing';
import { createTestDatabase, type TestDatabase } from '@ledger/testing';
import { counterProjection, totalsId, type CounterDoc } from './counter.projection';
import { append, checkpointOf, eventually, increment, newEvent, resetDatabase, rows, silent } from './projection-test-kit';

const TABLE = 'rm_test_counters';
const SHADOW = 'rm_test_counters__rebuild';
const NAME = 'test-counters';

type MarkedDoc = CounterDoc & { readonly builtBy?: number };

/** The counter projection at `version`; from version 2 on, every document it touches says so. */
function counters(version: number): DocumentProjection<MarkedDoc> {
  const base = counterProjection();
  return {
    ...base,
    version,
    evolve: (doc, event, id) => {
      const next = base.evolve(doc, event, id);
      return next === null ? null : version >= 2 ? { ...next, builtBy: version } : next;
    },
  };
}

let db: TestDatabase;
let store: PostgresEventStore;
const engines: PostgresProjectionEngine[] = [];

function engine(version: number, options: { rebuildBatchSize?: number } = {}): PostgresProjectionEngine {
  const created = new PostgresProjectionEngine({
    pool: db.pool,
    store,
    projections: [counters(version)],
    pollIntervalMs: 50,
    standbyRetryMs: 50,
    logger: silent,
    ...options,
  });
  engines.push(created);
  return created;
}

async function allEvents(): Promise<RecordedEvent[]> {
  return [...(await store.readAll({ limit: 100_000 })).events];
}

async function tableExists(table: string): Promise<boolean> {
  return (await db.pool.query<{ found: boolean }>('SELECT to_regclass($1) IS NOT NULL AS found', [table])).rows[0]!.found;
}

async function indexNames(): Promise<string[]> {
  const result = await db.pool.query<{ indexname: string }>('SELECT indexname FROM pg_indexes WHERE tablename = $1 ORDER BY 1', [TABLE]);
  return result.rows.map((row) => row.indexname);
}

beforeAll(async () => {
  db = await createTestDatabase([...eventStoreMigrations, ...projectionMigrations]);
  store = new PostgresEventStore(db.pool);
});
beforeEach(async () => {
  await db.pool.query(`DROP TABLE IF EXISTS ${SHADOW}`);
  await resetDatabase(db.pool, TABLE);
  await db.pool.query(`CREATE INDEX ${TABLE}_kind_idx ON ${TABLE} (kind)`);
  await db.pool.query('TRUNCATE projection_rebuilds');
});
afterEach(async () => {
  await Promise.all(engines.splice(0).map((running) => running.stop()));
});
afterAll(() => db.drop());

describe('side-by-side rebuild', () => {
  describe('while a projector keeps the live read model current', () => {
    it('serves the old generation during the rebuild, then switches to the new one losing nothing', async () => {
      for (let i = 0; i < 30; i++) await append(store, `old${i % 3}`, increment(`old${i % 3}`, i));
      await engine(1).runUntilCaughtUp();
      const indexesBefore = await indexNames();
      const projector = engine(2);
      await projector.start();

      let resume: () => void = () => undefined;
      const paused = new Promise<void>((resolve) => (resume = resolve));
      let pages = 0;
      const rebuilding = engine(2, { rebuildBatchSize: 10 }).rebuild(NAME, {
        onProgress: async () => {
          if (++pages === 1) await paused;
        },
      });
      await eventually(() => pages === 1);

      // Mid-rebuild: the shadow holds part of the new generation; readers see the whole old one.
      expect((await rows(db.pool, SHADOW)).length).toBeGreaterThan(0);
      const live = await rows(db.pool, TABLE);
      expect(live.find((row) => row.id === totalsId(live[0]!.partnership_id))?.count).toBe(30);
      expect(live.filter((row) => row.id.startsWith('old')).every((row) => !('builtBy' in row.doc))).toBe(true);

      // Writes during the rebuild reach the live table through the projector.
      const writing = (async () => {
        for (let i = 0; i < 40; i++) await append(store, `new${i % 4}`, increment(`new${i % 4}`, 1));
        await append(store, 'old1', newEvent('CounterRemoved', { counterId: 'old1' }));
      })();
      await eventually(async () => (await rows(db.pool, TABLE)).some((row) => row.id === 'new0'));
      resume();
      const [result] = await Promise.all([rebuilding, writing]);

      expect(result.switched).toEqual([{ name: NAME, version: 2, checkpoint: expect.any(String), generation: 2 }]);
      const head = (await store.head())!;
      await eventually(async () => (await checkpointOf(db.pool, NAME))?.checkpoint === head);
      const expected = foldProjection(counters(2), await allEvents());
      const after = await rows(db.pool, TABLE);
      expect(new Map(after.map((row) => [row.id, row.doc]))).toEqual(expected);
      expect(after.find((row) => row.id === 'old0')?.doc).toMatchObject({ builtBy: 2, count: 10 });
      expect(await checkpointOf(db.pool, NAME)).toEqual({ checkpoint: head, version: 2 });
      expect(await tableExists(SHADOW)).toBe(false);
      expect(await indexNames()).toEqual(indexesBefore);
      expect((await db.pool.query('SELECT * FROM projection_rebuilds')).rows).toEqual([]);
      const [check] = await projector.check(NAME);
      expect(check).toMatchObject({ projection: NAME, checkpoint: head, differenceCount: 0 });
    });
  });

  describe('when the projector holding the live read model does not advance', () => {
    it('gives up the switch, leaving the live generation as it was, and switches once nobody holds it', async () => {
      await append(store, 'a', increment('a'));
      await engine(1).runUntilCaughtUp();
      await append(store, 'a', increment('a'));
      const before = await rows(db.pool, TABLE);
      const holder = await db.pool.connect();
      try {
        await holder.query(`SELECT pg_advisory_lock(hashtext('projection:' || $1))`, [NAME]);
        await expect(engine(2).rebuild(NAME, { switchTimeoutMs: 300 })).rejects.toThrow(/did not reach the rebuilt position/);
        expect(await rows(db.pool, TABLE)).toEqual(before);
        expect(await tableExists(SHADOW)).toBe(false);
        await holder.query(`SELECT pg_advisory_unlock(hashtext('projection:' || $1))`, [NAME]);
      } finally {
        holder.release();
      }
      const result = await engine(2).rebuild(NAME, { switchTimeoutMs: 300 });
      expect(result.switched[0]).toMatchObject({ checkpoint: await store.head(), generation: 2 });
      expect((await rows(db.pool, TABLE)).find((row) => row.id === 'a')?.doc).toMatchObject({ count: 2, builtBy: 2 });
    });
  });

  describe('when a crashed rebuild left its shadow behind', () => {
    it('starts the shadow afresh', async () => {
      await append(store, 'a', increment('a', 5));
      await db.pool.query(`CREATE TABLE ${SHADOW} (LIKE ${TABLE} INCLUDING ALL)`);
      await db.pool.query(`INSERT INTO ${SHADOW} (id, partnership_id, doc, last_position, kind, count, tags)
        SELECT 'junk', partnership_id, '{}', '0:0', 'counter', 0, '{}' FROM events LIMIT 1`);
      await db.pool.query(`INSERT INTO projection_rebuilds (name, shadow_table, version, checkpoint) VALUES ($1, $2, 1, '0:0')`, [
        NAME,
        SHADOW,
      ]);
      await engine(1).rebuild();
      expect((await rows(db.pool, TABLE)).map((row) => row.id)).toEqual(['a', expect.stringMatching(/^totals-/)]);
    });
  });
});

describe('check', () => {
  it('compares at the live checkpoint, not the head, and names each tampered field', async () => {
    await append(store, 'a', increment('a', 2, { tag: 'x' }));
    await append(store, 'b', increment('b', 3));
    const projector = engine(1);
    await projector.runUntilCaughtUp();
    const checkpoint = (await checkpointOf(db.pool, NAME))!.checkpoint;
    await append(store, 'a', increment('a', 4));
    await append(store, 'c', increment('c', 1));

    expect(await projector.check()).toEqual([{ projection: NAME, checkpoint, documents: 3, differences: [], differenceCount: 0 }]);

    await db.pool.query(`UPDATE ${TABLE} SET doc = jsonb_set(doc, '{total}', '99'), count = 7 WHERE id = 'a'`);
    await db.pool.query(`DELETE FROM ${TABLE} WHERE id = 'b'`);
    await db.pool.query(
      `INSERT INTO ${TABLE} SELECT 'zz', partnership_id, doc, last_position, kind, count, tags FROM ${TABLE} WHERE id = 'a'`,
    );
    const [result] = await projector.check(NAME);
    expect(result?.differences).toEqual([
      { projection: NAME, documentId: 'a', field: 'count', live: 7, refolded: 1 },
      { projection: NAME, documentId: 'a', field: 'doc.total', live: 99, refolded: 2 },
      { projection: NAME, documentId: 'b', field: '(row)', live: undefined, refolded: 'present' },
      { projection: NAME, documentId: 'zz', field: '(row)', live: 'present', refolded: undefined },
    ]);
    expect(result?.differenceCount).toBe(4);
  });
});
