import { setTimeout as delay } from 'node:timers/promises';
import type { Kafka } from 'kafkajs';
import type { KafkaRelay } from '@ledger/messaging';
import { PrivateKafkaBroker } from '@ledger/testing';
import { LedgerTraffic } from './support/ledger-traffic';
import { allStoredEvents, idsByStream, relayFixture, type RelayFixture } from './support/relay-fixture';
import { deliveredByKey, eventually, freshTopicName, readWholeTopic, testKafka } from './support/topic-reader';

const OUTAGE_MS = 20_000;

/** Appends one event every `intervalMs` until stopped (load, not synchronisation). */
function steadyAppends(traffic: LedgerTraffic, fixture: RelayFixture, intervalMs: number): { stop(): Promise<void> } {
  let running = true;
  const done = (async () => {
    while (running) {
      await traffic.appendOne(fixture.store);
      await delay(intervalMs);
    }
  })();
  return {
    async stop() {
      running = false;
      await done;
    },
  };
}

/** The same outage for both ways of preparing pages: on the relay's thread, and in a worker thread. */
const MODES = [
  { mode: 'on its own thread', name: 'outage-thread', mapInWorker: false },
  { mode: 'in a worker thread', name: 'outage-worker', mapInWorker: true },
] as const;

describe('KafkaRelay through a broker outage', () => {
  const broker = new PrivateKafkaBroker(Number(process.env.RELAY_TEST_KAFKA_PORT ?? 19092));
  let client: Kafka;
  let fixture: RelayFixture;
  const topics = MODES.map(() => freshTopicName());

  beforeAll(async () => {
    await broker.start();
    client = testKafka(broker.brokers);
    fixture = await relayFixture(broker.brokers, topics[0]!);
  }, 300_000);

  afterAll(async () => {
    await fixture?.close();
    await broker.stop();
  }, 120_000);

  it(`recovers by itself after the broker is down for ${OUTAGE_MS / 1000} s during steady appends, mapping on its thread or in a worker: nothing lost, per-key order kept`, async () => {
    const traffic = new LedgerTraffic();
    await traffic.appendSetup(fixture.store);
    const relays: KafkaRelay[] = MODES.map(({ name, mapInWorker }, i) =>
      fixture.relay({ name, mapInWorker, topic: topics[i]!, topicPartitions: 3, batchSize: 50 }),
    );
    expect(relays.map((relay) => relay.mapsInWorker)).toEqual([false, true]);
    for (const relay of relays) await relay.start();
    const appends = steadyAppends(traffic, fixture, 40);
    for (const [i, relay] of relays.entries())
      await eventually(`the relay ${MODES[i]!.mode} to publish during steady appends`, async () => (await relay.status()).published > 50);

    await broker.stop();
    const downAt = Date.now();
    await delay(OUTAGE_MS);
    for (const relay of relays) {
      const during = await relay.status();
      expect(during.role).toBe('active');
      expect(during.lastError).toMatch(/broker did not acknowledge/);
      expect(during.eventsBehind).toBeGreaterThan(0);
      expect(during.secondsBehind).toBeGreaterThan(5);
    }
    await broker.start();
    expect(Date.now() - downAt).toBeGreaterThanOrEqual(OUTAGE_MS);

    for (const [i, relay] of relays.entries())
      await eventually(
        `the relay ${MODES[i]!.mode} to publish again after the outage`,
        async () => (await relay.status()).lastError === null,
        120_000,
      );
    await appends.stop();
    for (const [i, relay] of relays.entries())
      await eventually(`the relay ${MODES[i]!.mode} to catch up`, async () => (await relay.status()).eventsBehind === 0, 120_000);

    const stored = await allStoredEvents(fixture.store);
    expect(stored.length).toBe(traffic.count);
    for (const topic of topics) {
      const delivered = deliveredByKey(await readWholeTopic(client, topic));
      expect(Object.fromEntries(delivered.byKey)).toEqual(idsByStream(stored));
    }
  }, 400_000);
});
