import { resolve } from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import { Client, Pool, type PoolClient, type PoolConfig } from 'pg';
import { EMBEDDED_PASSWORD, EMBEDDED_USER, startEmbeddedServer } from './embedded-postgres';
import { withStartupLock } from './startup-lock';

export interface DatabaseOptions {
  /** Server to use; defaults to `DATABASE_URL`. When absent, an embedded PostgreSQL starts. */
  readonly url?: string;
  /** Embedded data directory; defaults to `${LEDGER_DATA_DIR ?? './data'}/postgres`. */
  readonly dataDir?: string;
  /** Embedded port; defaults to `LEDGER_EMBEDDED_PG_PORT`, else 54329. */
  readonly port?: number;
  /** Database created on the embedded server when missing; defaults to `ledger`. */
  readonly database?: string;
  /** The embedded server's log lines (quiet by default; the tail is kept for errors). */
  readonly onLog?: (line: string) => void;
}

export interface StartedDatabase {
  readonly url: string;
  /** True for the embedded server (started here or found running on the data directory). */
  readonly embedded: boolean;
  /** True when this call started the server process, so `stop` stops it (otherwise a no-op). */
  readonly startedHere: boolean;
  stop(): Promise<void>;
}

/**
 * `DATABASE_URL` when set, otherwise an embedded PostgreSQL under the data directory (initialised
 * when new, shared when another process of ours already runs it).
 */
export async function startDatabase(options: DatabaseOptions = {}): Promise<StartedDatabase> {
  const url = options.url ?? process.env.DATABASE_URL;
  if (url) return { url, embedded: false, startedHere: false, stop: async () => undefined };

  const dataDir = resolve(options.dataDir ?? `${process.env.LEDGER_DATA_DIR ?? './data'}/postgres`);
  const port = options.port ?? Number(process.env.LEDGER_EMBEDDED_PG_PORT ?? 54329);
  const database = options.database ?? 'ledger';
  const server = await withStartupLock(`${dataDir}.lock`, () => startEmbeddedServer(dataDir, port, options.onLog));
  try {
    await ensureDatabase(serverUrl(server.port, 'postgres'), database);
  } catch (error) {
    await server.stop();
    throw error;
  }
  return { url: serverUrl(server.port, database), embedded: true, startedHere: server.startedHere, stop: () => server.stop() };
}

/**
 * A pg pool on `url`. An idle connection the server ends (a restart, a failover, `DROP DATABASE …
 * WITH (FORCE)`) makes a pool emit `error`; with no listener that crashes the process, so every
 * pool gets one. `onIdleError` says where the warning goes (stderr unless given).
 */
export function createPool(
  url: string,
  config: Omit<PoolConfig, 'connectionString'> = {},
  onIdleError: (error: Error) => void = (error) => console.warn(`database pool: an idle connection failed: ${error.message}`),
): Pool {
  const pool = new Pool({ max: 10, ...config, connectionString: url });
  pool.on('error', onIdleError);
  return pool;
}

/**
 * Ends `pool` and waits until its connections have really closed. pg-pool's `end()` resolves as soon
 * as it has asked each idle connection to close, so stopping the server (or dropping the database)
 * right after it would terminate sessions still saying goodbye, and each would surface as an error.
 * Waits at most `timeoutMs`.
 */
export async function closePool(pool: Pool, timeoutMs = 5_000): Promise<void> {
  const closing: Promise<void>[] = [];
  const track = (client: PoolClient) => {
    closing.push(new Promise((resolve) => client.once('end', () => resolve())));
  };
  pool.on('remove', track);
  try {
    await pool.end();
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<void>((resolve) => (timer = setTimeout(resolve, timeoutMs)));
    await Promise.race([Promise.all(closing), timeout]);
    clearTimeout(timer);
  } finally {
    pool.off('remove', track);
  }
}

function serverUrl(port: number, database: string): string {
  return `postgres://${EMBEDDED_USER}:${EMBEDDED_PASSWORD}@127.0.0.1:${port}/${database}`;
}

/** Connects, waiting out a server that is still starting (57P03) for up to ~10 s. */
async function connect(url: string): Promise<Client> {
  for (let attempt = 1; ; attempt++) {
    const client = new Client({ connectionString: url });
    try {
      await client.connect();
      return client;
    } catch (error) {
      await client.end().catch(() => undefined);
      const code = (error as { code?: string }).code;
      if (attempt >= 50 || (code !== '57P03' && code !== 'ECONNREFUSED')) throw error;
      await delay(200);
    }
  }
}

async function ensureDatabase(adminUrl: string, database: string): Promise<void> {
  const client = await connect(adminUrl);
  try {
    const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [database]);
    if (!rowCount) await client.query(`CREATE DATABASE ${client.escapeIdentifier(database)}`);
  } catch (error) {
    // Created meanwhile by a concurrent start (42P04, or 23505 when both inserted at once).
    const code = (error as { code?: string }).code;
    if (code !== '42P04' && code !== '23505') throw error;
  } finally {
    await client.end();
  }
}
