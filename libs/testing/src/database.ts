import { randomBytes } from 'node:crypto';
import { Client, type Pool } from 'pg';
import type { DataSource } from 'typeorm';
import { closePool, createPool } from '@ledger/platform';
import { allMigrations, type MigrationClass } from './all-migrations';

export interface TestDatabase {
  readonly name: string;
  readonly url: string;
  readonly pool: Pool;
  readonly dataSource: DataSource;
  /** Closes the pool and data source, ends every other connection and drops the database. */
  drop(): Promise<void>;
}

/** The server the int/e2e global setup started or found (`DATABASE_URL`). */
export function testServerUrl(): string {
  const url = process.env.LEDGER_TEST_SERVER_URL ?? process.env.DATABASE_URL;
  if (!url) throw new Error('no test database server: run through jest --selectProjects int|e2e (its globalSetup starts one)');
  return url;
}

function withDatabase(serverUrl: string, database: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${database}`;
  return url.toString();
}

async function onServer(statement: string): Promise<void> {
  const admin = new Client({ connectionString: testServerUrl() });
  await admin.connect();
  try {
    await admin.query(statement);
  } finally {
    await admin.end();
  }
}

/** A fresh database `ledger_t_<random>` on the test server with `migrations` applied. */
export async function createTestDatabase(migrations: readonly MigrationClass[] = allMigrations): Promise<TestDatabase> {
  const name = `ledger_t_${randomBytes(6).toString('hex')}`;
  await onServer(`CREATE DATABASE ${name}`);
  const url = withDatabase(testServerUrl(), name);
  // typeorm loads at first use, so unit tests importing @ledger/testing don't pay for it.
  const { DataSource } = await import('typeorm');
  const dataSource = new DataSource({
    type: 'postgres',
    url,
    migrations: [...migrations],
    migrationsRun: true,
    synchronize: false,
    logging: false,
  });
  try {
    await dataSource.initialize();
  } catch (error) {
    await onServer(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    throw error;
  }
  const pool = createPool(url);
  return {
    name,
    url,
    pool,
    dataSource,
    async drop() {
      await closePool(pool);
      await dataSource.destroy();
      await onServer(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    },
  };
}
