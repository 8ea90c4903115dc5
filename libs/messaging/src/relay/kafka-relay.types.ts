import type { Pool } from 'pg';
import type { EventStore } from '@ledger/event-sourcing';
import type { EventContracts } from '../contracts/event-contracts';
import type { KafkaConnection, MessagingLogger } from './kafka-client';

export const DEFAULT_RELAY_NAME = 'ledger-events';
export const DEFAULT_TOPIC = 'ledger.events.v1';

export interface KafkaRelayOptions {
  readonly pool: Pool;
  readonly store: EventStore;
  /**
   * What wakes the relay when events are appended (default: `store`'s notifications). In-process,
   * pass the store the API appends through: its appends then wake the relay at once.
   */
  readonly notifications?: Pick<EventStore, 'subscribe'>;
  readonly contracts: EventContracts;
  readonly kafka: KafkaConnection;
  /** KAFKA_TOPIC (default `ledger.events.v1`). */
  readonly topic?: string;
  /** Partitions when the relay creates the topic (default 6); an existing topic is kept. */
  readonly topicPartitions?: number;
  /** Checkpoint row and advisory-lock name (default `ledger-events`): one active relay per name. */
  readonly name?: string;
  /**
   * Read and map pages in a worker thread (relay-page-worker.ts) on its own connection to
   * `databaseUrl`, so this thread only sends: the worker maps with the ledger's contracts
   * (`contracts` is then not used). Default: on when `databaseUrl` is given and the compiled
   * worker lies next to the relay (the built dist), off otherwise (e.g. under ts-jest).
   */
  readonly mapInWorker?: boolean;
  /** The database the page worker connects to (the one `store` reads). */
  readonly databaseUrl?: string;
  /** Pages the worker reads ahead of the one being sent (default 2). */
  readonly workerAhead?: number;
  /** Events read and sent per batch (default 500). */
  readonly batchSize?: number;
  /** Polling fallback when no notification wakes the relay (default 1000 ms). */
  readonly pollIntervalMs?: number;
  /** How often a standby relay retries the lock (default 3000 ms). */
  readonly standbyRetryMs?: number;
  /** First wait after a failure, doubling up to `maxBackoffMs` (defaults 500 ms and 30 s). */
  readonly errorBackoffMs?: number;
  readonly maxBackoffMs?: number;
  readonly logger?: MessagingLogger;
  /**
   * Test seam: runs after the broker acknowledged a batch and before its checkpoint is saved
   * (where a crash leaves duplicates, never gaps).
   */
  readonly beforeCheckpoint?: (batch: PublishedBatch) => Promise<void> | void;
}

export interface PublishedBatch {
  readonly events: number;
  /** The checkpoint about to be saved. */
  readonly checkpoint: string;
}

export type RelayRole = 'stopped' | 'standby' | 'active';

export interface RelayStatus {
  readonly name: string;
  readonly topic: string;
  /** `active` holds the advisory lock and publishes; `standby` waits for it. */
  readonly role: RelayRole;
  /** The checkpoint the broker has acknowledged (saved at most one batch later); null before any. */
  readonly checkpoint: string | null;
  /** Events appended after the checkpoint: not yet acknowledged by the broker. */
  readonly eventsBehind: number;
  /** Age of the oldest of those (now − its recordedAt); 0 when none. */
  readonly secondsBehind: number;
  /** Events this process published (acknowledged) since it started. */
  readonly published: number;
  readonly lastPublishedAt: string | null;
  readonly lastError: string | null;
}
