import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { startDatabase } from '@ledger/platform';
import { ledgerMigrations } from '../../apps/api/src/composition/ledger-migrations';

export interface BenchDatabase {
  readonly name: string;
  readonly url: string;
  /** Where the server came from, for the report. */
  readonly server: 'DATABASE_URL' | 'embedded';
  readonly serverVersion: string;
  /** Drops the database (ending its connections) and stops an embedded server started here. */
  drop(): Promise<void>;
}

function withDatabase(serverUrl: string, database: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${database}`;
  return url.toString();
}

async function onServer<T>(serverUrl: string, work: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: serverUrl });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/**
 * A fresh database `ledger_bench_<random>` on DATABASE_URL's server (else the embedded one), with
 * every ledger migration applied, so the event-store benchmark sees the production schema.
 */
export async function createBenchDatabase(): Promise<BenchDatabase> {
  const server = await startDatabase();
  const name = `ledger_bench_${randomBytes(5).toString('hex')}`;
  const serverVersion = await onServer(server.url, async (client) => {
    await client.query(`CREATE DATABASE ${name}`);
    const { rows } = await client.query<{ server_version: string }>('SHOW server_version');
    return rows[0]!.server_version;
  });
  const url = withDatabase(server.url, name);
  const drop = async () => {
    await onServer(server.url, (client) => client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
    await server.stop();
  };
  try {
    const dataSource = new DataSource({ type: 'postgres', url, migrations: [...ledgerMigrations], synchronize: false, logging: false });
    await dataSource.initialize();
    await dataSource.runMigrations({ transaction: 'each' });
    await dataSource.destroy();
  } catch (error) {
    await drop();
    throw error;
  }
  return { name, url, server: server.embedded ? 'embedded' : 'DATABASE_URL', serverVersion, drop };
}
