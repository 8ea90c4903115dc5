import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
// Jest loads global setup outside its module registry, so the @ledger/* moduleNameMapper does not
// apply here: the one relative import across libs, on purpose.
import { startDatabase, type StartedDatabase } from '../../platform/src/database';
import { TEST_RUN_ENV } from './kafka-test-runs';

export const TEST_SERVER_KEY = '__LEDGER_TEST_SERVER__';

export interface TestServer {
  readonly server: StartedDatabase;
  /** One file per jest run using the embedded server; its starter stops it when the last one ends. */
  readonly runsDir: string;
}

/**
 * Jest global setup (int and e2e): `DATABASE_URL` when set, otherwise an embedded PostgreSQL under
 * data/test-postgres (port `LEDGER_TEST_PG_PORT`, default 54330), shared by concurrent jest runs.
 * Workers find the server in `LEDGER_TEST_SERVER_URL` and create a fresh database per test file
 * (createTestDatabase). Kafka: `KAFKA_BROKERS` when set; otherwise the first suite that needs a
 * broker starts the project's (ensureKafka) and the global teardown stops it: `LEDGER_TEST_RUN`
 * tells the workers which run they belong to.
 */
export default async function globalSetup(): Promise<void> {
  const globals = globalThis as Record<string, unknown>;
  if (globals[TEST_SERVER_KEY]) return;
  process.env[TEST_RUN_ENV] ??= String(process.pid);
  const dataDir = resolve(__dirname, '../../../data/test-postgres');
  const server = await startDatabase({
    dataDir,
    port: Number(process.env.LEDGER_TEST_PG_PORT ?? 54330),
    database: 'postgres',
  });
  const runsDir = `${dataDir}.runs`;
  if (server.embedded) {
    mkdirSync(runsDir, { recursive: true });
    writeFileSync(join(runsDir, String(process.pid)), '');
  }
  globals[TEST_SERVER_KEY] = { server, runsDir } satisfies TestServer;
  process.env.LEDGER_TEST_SERVER_URL = server.url;
}
