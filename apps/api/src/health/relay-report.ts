import { DEFAULT_RELAY_NAME, readRelayProgress, type RelayRole } from '@ledger/messaging';
import type { LedgerRuntime } from '../composition/ledger-runtime';

/** The Kafka relay as `/health/ready` and `/metrics` show it. */
export interface RelayReport {
  /** `in-process`: this process runs it (all-in-one); `elsewhere`: apps/relay or another API does. */
  readonly runs: 'in-process' | 'elsewhere';
  /** In-process only: `active` publishes, `standby` waits for the lock another process holds. */
  readonly role: RelayRole | null;
  /** The last checkpoint acknowledged by the broker; null before the first batch. */
  readonly checkpoint: string | null;
  /** Events appended after that checkpoint, and the age of the oldest (0 when none). */
  readonly eventsBehind: number;
  readonly secondsBehind: number;
  /** In-process only: events this process published since it started. */
  readonly published: number | null;
  readonly lastPublishedAt: string | null;
  readonly lastError: string | null;
}

/** Null without Kafka (KAFKA_BROKERS unset). Lag is read from the database, so it is right wherever the relay runs. */
export async function relayReport(runtime: LedgerRuntime): Promise<RelayReport | null> {
  if (runtime.config.kafkaBrokers.length === 0) return null;
  if (runtime.relay) {
    const status = await runtime.relay.status();
    return {
      runs: 'in-process',
      role: status.role,
      checkpoint: status.checkpoint,
      eventsBehind: status.eventsBehind,
      secondsBehind: status.secondsBehind,
      published: status.published,
      lastPublishedAt: status.lastPublishedAt,
      lastError: status.lastError,
    };
  }
  const progress = await readRelayProgress(runtime.pool, DEFAULT_RELAY_NAME, runtime.store.start);
  return { runs: 'elsewhere', role: null, published: null, lastPublishedAt: null, lastError: null, ...progress };
}
