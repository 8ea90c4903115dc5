import { randomUUID } from 'node:crypto';
import type { Kafka } from 'kafkajs';
import { ledgerEventContracts, toCloudEvent, toKafkaMessage, type PublishedBatch } from '@ledger/messaging';
import { ensureKafka, type TestKafka } from '@ledger/testing';
import { WorkerPages } from '../src/relay/worker-pages';
import { LedgerTraffic } from './support/ledger-traffic';
import { allStoredEvents, idsByStream, relayFixture, type RelayFixture } from './support/relay-fixture';
import { createTopic, deliveredByKey, eventually, freshTopicName, readWholeTopic, testKafka } from './support/topic-reader';

/** What only the worker path does: pages from another thread, its checkpoints, its failures. */
describe('KafkaRelay mapping in a worker thread', () => {
  let kafka: TestKafka;
  let client: Kafka;
  let fixture: RelayFixture;
  const topic = freshTopicName();

  beforeAll(async () => {
    kafka = await ensureKafka();
    client = testKafka(kafka.brokers);
    await createTopic(client, topic, 3);
    fixture = await relayFixture(kafka.brokers, topic, { mapInWorker: true });
  });

  afterAll(async () => {
    await fixture?.close();
    await kafka?.stop();
  });

  const savedCheckpoint = async (name: string): Promise<string | null> => {
    const { rows } = await fixture.database.pool.query<{ checkpoint: string }>('SELECT checkpoint FROM relay_checkpoints WHERE name = $1', [
      name,
    ]);
    return rows[0]?.checkpoint ?? null;
  };

  it('hands over contiguous pages, mapped exactly as on the main thread', async () => {
    const traffic = new LedgerTraffic();
    await traffic.appendSetup(fixture.store);
    await traffic.appendNext(fixture.store, 45);
    const stored = await allStoredEvents(fixture.store);
    const contracts = ledgerEventContracts();
    const pages = new WorkerPages({ databaseUrl: fixture.database.url, batchSize: 10, ahead: 2 });
    try {
      let after = fixture.store.start;
      const taken = [];
      for (let page = await pages.take(after); page.count > 0; page = await pages.take(after)) {
        expect(page.after).toBe(after);
        expect(page.count).toBeLessThanOrEqual(10);
        taken.push(...page.messages);
        after = page.checkpoint;
      }
      expect(taken).toHaveLength(stored.length);
      for (const [i, event] of stored.entries()) {
        const expected = toKafkaMessage(toCloudEvent(event, contracts.map(event)));
        expect({ key: taken[i]!.key, value: taken[i]!.value!.toString(), headers: taken[i]!.headers }).toEqual(expected);
      }
      // After an empty page the worker waits to be asked again; then it sees what was appended since.
      await traffic.appendNext(fixture.store, 3);
      const more = await pages.take(after);
      expect(more.count).toBe(3);
    } finally {
      pages.discard();
    }
  });

  it('saves a checkpoint only after the broker acknowledged its batch, and publishes every event once, in order', async () => {
    const traffic = new LedgerTraffic();
    await traffic.appendSetup(fixture.store);
    await traffic.appendNext(fixture.store, 120);
    const name = 'worker-checkpoints';
    const batches: { batch: PublishedBatch; savedBefore: string | null }[] = [];
    const ownTopic = freshTopicName();
    const relay = fixture.relay({
      name,
      topic: ownTopic,
      batchSize: 40,
      beforeCheckpoint: async (batch) => void batches.push({ batch, savedBefore: await savedCheckpoint(name) }),
    });
    await relay.start();
    await eventually('the relay to catch up', async () => (await relay.status()).eventsBehind === 0);
    await relay.stop();

    expect(batches.length).toBeGreaterThan(1);
    // When a batch is acknowledged, the saved checkpoint is the previous batch's, never its own.
    batches.forEach(({ batch, savedBefore }, i) => {
      expect(savedBefore).toBe(i === 0 ? null : batches[i - 1]!.batch.checkpoint);
      expect(batch.events).toBeGreaterThan(0);
    });
    expect(await savedCheckpoint(name)).toBe(batches.at(-1)!.batch.checkpoint);
    const delivered = deliveredByKey(await readWholeTopic(client, ownTopic));
    expect(delivered.duplicates).toBe(0);
    expect(Object.fromEntries(delivered.byKey)).toEqual(idsByStream(await allStoredEvents(fixture.store)));
  });

  it('stops at an event type no contract maps: the error of the worker reaches the relay, which publishes nothing past it', async () => {
    const traffic = new LedgerTraffic();
    await traffic.appendSetup(fixture.store);
    await traffic.appendNext(fixture.store, 20);
    const before = (await allStoredEvents(fixture.store)).length;
    const stray = randomUUID();
    await fixture.store.appendToStream(`action-${randomUUID()}`, 'no-stream', [
      {
        type: 'ActionTeleported',
        data: { actionId: randomUUID() },
        metadata: {
          eventId: stray,
          partnershipId: traffic.partnershipId,
          actor: { userId: 'user-relay-test', role: 'partnership-admin' },
          correlationId: randomUUID(),
          causationId: randomUUID(),
          occurredAt: new Date().toISOString(),
        },
      },
    ]);
    await traffic.appendNext(fixture.store, 5);
    const ownTopic = freshTopicName();
    const relay = fixture.relay({ name: 'worker-unmapped', topic: ownTopic, batchSize: 500 });
    await relay.start();
    await eventually('the relay to report the unmapped event', async () => /ActionTeleported/.test((await relay.status()).lastError ?? ''));
    const status = await relay.status();
    expect(status.published).toBe(0);
    expect(status.eventsBehind).toBe(before + 6);
    await relay.stop();
    expect((await readWholeTopic(client, ownTopic, 5_000).catch(() => [])).some((m) => m.event.id === stray)).toBe(false);
  });
});
