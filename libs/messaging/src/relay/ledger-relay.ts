import { Pool } from 'pg';
import { PostgresEventStore, type EventStore } from '@ledger/event-sourcing';
import { ledgerEventContracts } from '../contracts/ledger-contracts';
import type { KafkaConnection, MessagingLogger } from './kafka-client';
import { KafkaRelay } from './kafka-relay';
import type { KafkaRelayOptions } from './kafka-relay.types';

export interface LedgerRelaySettings {
  readonly databaseUrl: string;
  readonly kafka: KafkaConnection;
  /** KAFKA_TOPIC. */
  readonly topic: string;
  readonly logger: MessagingLogger;
  /** The store this process appends through, so its appends wake the relay at once (in-process). */
  readonly notifications?: Pick<EventStore, 'subscribe'>;
  /** Connections of the relay's own pool (default 3: the lock's session, the page being read, status). */
  readonly poolSize?: number;
  /** Anything else (batch size, intervals, a name). */
  readonly tuning?: Partial<Omit<KafkaRelayOptions, 'pool' | 'store' | 'contracts' | 'kafka' | 'topic' | 'logger' | 'notifications'>>;
}

/** A started relay on a pool of its own; `close` stops it (releasing its lock) and ends the pool. */
export interface RunningRelay {
  readonly relay: KafkaRelay;
  close(): Promise<void>;
}

/**
 * The ledger's relay as `apps/relay` and the all-in-one API run it: every event type through the
 * ledger's contracts, reading on a small pool of its own, so its lock session, its pages and its
 * status queries never queue behind HTTP requests or projections.
 */
export async function startLedgerRelay(settings: LedgerRelaySettings): Promise<RunningRelay> {
  const pool = new Pool({ connectionString: settings.databaseUrl, max: settings.poolSize ?? 3 });
  pool.on('error', (error) => settings.logger.warn(`relay pool: an idle connection failed: ${String(error)}`));
  const relay = new KafkaRelay({
    ...settings.tuning,
    databaseUrl: settings.databaseUrl,
    pool,
    store: new PostgresEventStore(pool),
    contracts: ledgerEventContracts(),
    kafka: settings.kafka,
    topic: settings.topic,
    logger: settings.logger,
    ...(settings.notifications ? { notifications: settings.notifications } : {}),
  });
  try {
    await relay.start();
  } catch (error) {
    await pool.end();
    throw error;
  }
  return {
    relay,
    async close() {
      await relay.stop();
      await pool.end();
    },
  };
}
