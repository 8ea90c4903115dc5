import { join } from 'node:path';
import { Logger } from '@nestjs/common';
import type { Pool } from 'pg';
import { DataSource } from 'typeorm';
import {
  PostgresChainSealer,
  PostgresEventStore,
  PostgresProjectionEngine,
  PostgresProjectionProgress,
  type EventStore,
} from '@ledger/event-sourcing';
import { createPool, startDatabase } from '@ledger/platform';
import type { LedgerConfig } from '../config/ledger-config';
import { ledgerMigrations } from './ledger-migrations';
import { ledgerProjections } from './ledger-projections';

/** The process-wide parts: database, event store, projections. HTTP and the CLI sit on top. */
export interface LedgerRuntime {
  readonly config: LedgerConfig;
  readonly databaseUrl: string;
  readonly embeddedDatabase: boolean;
  readonly pool: Pool;
  readonly dataSource: DataSource;
  readonly store: EventStore;
  readonly engine: PostgresProjectionEngine;
  readonly progress: PostgresProjectionProgress;
  readonly sealer: PostgresChainSealer;
  close(): Promise<void>;
}

export interface RuntimeOptions {
  /** Run the projection daemons in this process (all-in-one). */
  readonly runProjections: boolean;
}

const MIGRATION_LOCK = 7_331_001;

export async function startRuntime(config: LedgerConfig, options: RuntimeOptions): Promise<LedgerRuntime> {
  const logger = new Logger('runtime');
  const database = await startDatabase({
    dataDir: join(config.dataDir, 'postgres'),
    ...(config.databaseUrl ? { url: config.databaseUrl } : {}),
  });
  // Each running projection holds one connection for its advisory lock; leave room for requests.
  const pool = createPool(database.url, { max: 12 + ledgerProjections.length * 2 });
  const dataSource = new DataSource({
    type: 'postgres',
    url: database.url,
    migrations: ledgerMigrations,
    synchronize: false,
    migrationsTransactionMode: 'each',
  });
  await dataSource.initialize();
  await migrate(pool, dataSource);
  const store = new PostgresEventStore(pool);
  const engine = new PostgresProjectionEngine({ pool, store, projections: ledgerProjections, logger: new Logger('projections') });
  const progress = new PostgresProjectionProgress({
    pool,
    store,
    projections: ledgerProjections.map((p) => p.name),
    engine,
    timeoutMs: 10_000,
    logger: new Logger('read-your-writes'),
  });
  await progress.start();
  // The hash-chain sealer runs wherever the projections run; only one process seals at a time.
  const sealer = new PostgresChainSealer({ pool, store, logger: new Logger('sealer') });
  if (options.runProjections) {
    await engine.start();
    await sealer.start();
  }
  logger.log(
    `database ready (${database.embedded ? 'embedded PostgreSQL' : 'DATABASE_URL'}), projections ${options.runProjections ? 'running in-process' : 'run elsewhere'}`,
  );

  return {
    config,
    databaseUrl: database.url,
    embeddedDatabase: database.embedded,
    pool,
    dataSource,
    store,
    engine,
    progress,
    sealer,
    async close() {
      await sealer.stop();
      await engine.stop();
      await progress.stop();
      await dataSource.destroy();
      await pool.end();
      await database.stop();
    },
  };
}

/** Applies pending migrations under an advisory lock, so several processes can start at once. */
async function migrate(pool: Pool, dataSource: DataSource): Promise<void> {
  const client = await pool.connect();
  try {
    await client.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK]);
    await dataSource.runMigrations({ transaction: 'each' });
  } finally {
    await client.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK]).catch(() => undefined);
    client.release();
  }
}
