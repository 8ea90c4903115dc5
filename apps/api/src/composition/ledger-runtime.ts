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
import { closePool, createPool, startDatabase } from '@ledger/platform';
import { startLedgerRelay, type KafkaRelay } from '@ledger/messaging';
import type { LedgerConfig } from '../config/ledger-config';
import { EvidenceRetentionJob } from '../retention/evidence-retention.job';
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
  /** Evidence retention: scheduled where projections run (LEDGER_RETENTION_INTERVAL_MINUTES); `runOnce(now)` anywhere. */
  readonly retention: EvidenceRetentionJob;
  /** The Kafka relay when this process runs it (`runRelay` and KAFKA_BROKERS set); else undefined. */
  readonly relay: KafkaRelay | undefined;
  close(): Promise<void>;
}

export interface RuntimeOptions {
  /** Run the projection daemons in this process (all-in-one). */
  readonly runProjections: boolean;
  /** Run the Kafka relay in this process when KAFKA_BROKERS is set (all-in-one, apps/relay). */
  readonly runRelay?: boolean;
}

const MIGRATION_LOCK = 7_331_001;

export async function startRuntime(config: LedgerConfig, options: RuntimeOptions): Promise<LedgerRuntime> {
  const logger = new Logger('runtime');
  const database = await startDatabase({
    dataDir: join(config.dataDir, 'postgres'),
    ...(config.databaseUrl ? { url: config.databaseUrl } : {}),
  });
  // Each running projection holds one connection for its advisory lock; leave room for requests.
  const pool = createPool(database.url, { max: 12 + ledgerProjections.length * 2 }, (error) =>
    logger.warn(`database pool: an idle connection failed: ${error.message}`),
  );
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
  const retentionMinutes = config.retention.intervalMinutes;
  const retention = new EvidenceRetentionJob({
    pool,
    dataSource,
    store,
    intervalMs: (retentionMinutes ?? 0) * 60_000,
    logger: new Logger('retention'),
  });
  if (options.runProjections && retentionMinutes !== null) retention.start();
  // After migrations (relay_checkpoints exists); its own small pool; this process's appends wake it.
  const running =
    options.runRelay && config.kafkaBrokers.length > 0
      ? await startLedgerRelay({
          databaseUrl: database.url,
          kafka: { brokers: config.kafkaBrokers, clientId: 'ledger-relay' },
          topic: config.kafkaTopic,
          logger: new Logger('kafka-relay'),
          notifications: store,
        })
      : undefined;
  logger.log(
    `database ready (${database.embedded ? 'embedded PostgreSQL' : 'DATABASE_URL'}), projections ${options.runProjections ? 'running in-process' : 'run elsewhere'}, Kafka relay ${running ? `running in-process (topic ${config.kafkaTopic})` : 'not in this process'}`,
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
    relay: running?.relay,
    retention,
    async close() {
      await retention.stop();
      await running?.close();
      await sealer.stop();
      await engine.stop();
      await progress.stop();
      await dataSource.destroy();
      await closePool(pool);
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
