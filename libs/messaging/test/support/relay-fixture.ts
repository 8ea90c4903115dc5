import { PostgresEventStore, type EventStore, type RecordedEvent } from '@ledger/event-sourcing';
import {
  KafkaRelay,
  consumerMigrations,
  ledgerEventContracts,
  relayMigrations,
  type KafkaRelayOptions,
  type MessagingLogger,
} from '@ledger/messaging';
import { allMigrations, createTestDatabase, type TestDatabase } from '@ledger/testing';

export interface RelayFixture {
  readonly database: TestDatabase;
  readonly store: PostgresEventStore;
  relay(options?: Partial<KafkaRelayOptions>): KafkaRelay;
  /** Stops every relay it made, then drops the database. */
  close(): Promise<void>;
}

/** Failures are the tests' business (they assert on status); keep Jest's output to errors that matter. */
export const quietLogger: MessagingLogger = { log: () => undefined, warn: () => undefined, error: () => undefined };

/**
 * A fresh database with the relay's and consumers' tables, and relays on `topic`, fast to retry;
 * `defaults` (e.g. `{ mapInWorker: true }`) apply to every relay it makes.
 */
export async function relayFixture(
  brokers: readonly string[],
  topic: string,
  defaults: Partial<KafkaRelayOptions> = {},
): Promise<RelayFixture> {
  const database = await createTestDatabase([...allMigrations, ...relayMigrations, ...consumerMigrations]);
  const store = new PostgresEventStore(database.pool);
  const contracts = ledgerEventContracts();
  const relays: KafkaRelay[] = [];
  return {
    database,
    store,
    relay(options = {}) {
      const relay = new KafkaRelay({
        pool: database.pool,
        store,
        contracts,
        kafka: { brokers, clientId: 'relay-test' },
        topic,
        pollIntervalMs: 200,
        standbyRetryMs: 200,
        errorBackoffMs: 200,
        maxBackoffMs: 2000,
        logger: quietLogger,
        databaseUrl: database.url,
        ...defaults,
        ...options,
      });
      relays.push(relay);
      return relay;
    },
    async close() {
      for (const relay of relays) await relay.stop();
      await database.drop();
    },
  };
}

/** Every event in the store, paging the commit-safe cursor to its end. */
export async function allStoredEvents(store: EventStore): Promise<RecordedEvent[]> {
  const events: RecordedEvent[] = [];
  let after = store.start;
  for (;;) {
    const page = await store.readAll({ after, limit: 1000 });
    if (page.events.length === 0) return events;
    events.push(...page.events);
    after = page.checkpoint;
  }
}

/** Event ids per stream, in stream order: what the topic must hold per key after dedupe. */
export function idsByStream(events: readonly RecordedEvent[]): Record<string, string[]> {
  const byStream: Record<string, string[]> = {};
  for (const event of [...events].sort((a, b) => (a.streamVersion < b.streamVersion ? -1 : 1)))
    (byStream[event.streamId] ??= []).push(event.metadata.eventId);
  return byStream;
}
