import { closePool, createPool } from '@ledger/platform';
import { createTestDatabase, type TestDatabase } from '@ledger/testing';

describe('createPool', () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase([]);
  });
  afterAll(async () => {
    await db.drop();
  });

  it('reports an idle connection the server ends instead of crashing the process', async () => {
    let reported!: (error: Error) => void;
    const idleError = new Promise<Error>((resolve) => (reported = resolve));
    const pool = createPool(db.url, { max: 1 }, (error) => reported(error));
    try {
      const { rows } = await pool.query<{ pid: number }>('SELECT pg_backend_pid() AS pid');
      await db.pool.query('SELECT pg_terminate_backend($1)', [rows[0]!.pid]);
      expect((await idleError).message).toMatch(/terminating connection/);
      // The pool replaces the lost connection on the next query.
      expect((await pool.query<{ one: number }>('SELECT 1 AS one')).rows).toEqual([{ one: 1 }]);
    } finally {
      await pool.end();
    }
  });

  it('has a listener by default, so an unhandled pool error cannot be thrown', () => {
    const pool = createPool(db.url);
    try {
      expect(pool.listenerCount('error')).toBe(1);
    } finally {
      void pool.end();
    }
  });

  it('closePool returns only once the server has no session of the pool left', async () => {
    const pool = createPool(db.url, { max: 4, application_name: 'ledger-close-pool-test' });
    await Promise.all(Array.from({ length: 4 }, () => pool.query('SELECT pg_sleep(0.01)')));
    await closePool(pool);
    const { rows } = await db.pool.query<{ count: string }>(
      "SELECT count(*) FROM pg_stat_activity WHERE application_name = 'ledger-close-pool-test'",
    );
    expect(Number(rows[0]!.count)).toBe(0);
  });
});
