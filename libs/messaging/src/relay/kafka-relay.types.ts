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
