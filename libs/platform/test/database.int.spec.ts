import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createPool, startDatabase } from '@ledger/platform';
import { startDatabaseInChild, type ChildDatabase } from './embedded-process';

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

async function databaseAt(url: string): Promise<string> {
  const pool = createPool(url);
  try {
    const { rows } = await pool.query<{ db: string }>('SELECT current_database() AS db');
    return rows[0]!.db;
  } finally {
    await pool.end();
  }
}

describe('startDatabase with an embedded PostgreSQL', () => {
  let root: string;
  let dataDir: string;
  let port: number;
  const running: ChildDatabase[] = [];
  const databaseUrl = process.env.DATABASE_URL;

  beforeAll(async () => {
    delete process.env.DATABASE_URL;
    root = mkdtempSync(join(tmpdir(), 'ledger-platform-'));
    chmodSync(root, 0o755); // the postgres user (when we run as root) must reach its data dir
    dataDir = join(root, 'postgres');
    port = await freePort();
  });
  afterAll(async () => {
    for (const db of running.reverse()) await db.stop();
    if (databaseUrl !== undefined) process.env.DATABASE_URL = databaseUrl;
    rmSync(root, { recursive: true, force: true });
  });

  it('initialises a new data directory, creates the database, and stops', async () => {
    const db = await startDatabaseInChild({ dataDir, port, database: 'ledger' });
    running.push(db);
    expect(db).toMatchObject({ startedHere: true, url: expect.stringContaining(`:${port}/ledger`) });
    expect(await databaseAt(db.url)).toBe('ledger');
    await running.pop()!.stop();
    expect(existsSync(join(dataDir, 'postmaster.pid'))).toBe(false);
  }, 60_000);

  it.each([
    ['has exited', (): number => spawnSync('true').pid],
    ['now belongs to another program', (): number => process.pid],
  ])(
    'starts again past a postmaster.pid from a killed run whose pid %s',
    async (_, stalePid) => {
      writeFileSync(join(dataDir, 'postmaster.pid'), `${stalePid()}\n${dataDir}\n0\n${port}\n`);
      const db = await startDatabaseInChild({ dataDir, port, database: 'ledger' });
      running.push(db);
      expect(db.startedHere).toBe(true);
      expect(await databaseAt(db.url)).toBe('ledger');
      await running.pop()!.stop();
    },
    60_000,
  );

  it('shares a server already running on the directory, and leaves it running', async () => {
    running.push(await startDatabaseInChild({ dataDir, port, database: 'ledger' }));
    const second = await startDatabase({ dataDir, port: port + 1, database: 'ledger_second' });
    expect(second).toMatchObject({ embedded: true, startedHere: false, url: expect.stringContaining(`:${port}/ledger_second`) });
    await second.stop();
    expect(await databaseAt(second.url)).toBe('ledger_second');
  }, 60_000);
});

describe('startDatabase with a server URL', () => {
  it('uses the URL and starts nothing', async () => {
    const db = await startDatabase({ url: 'postgres://someone@db.example:5432/ledger', dataDir: '/nonexistent/ledger' });
    expect(db).toMatchObject({ url: 'postgres://someone@db.example:5432/ledger', embedded: false, startedHere: false });
    await db.stop();
  });
});
