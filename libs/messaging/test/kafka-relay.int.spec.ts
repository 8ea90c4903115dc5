import type { Kafka } from 'kafkajs';
import { ledgerEventContracts, type KafkaRelay } from '@ledger/messaging';
import { ensureKafka, type TestKafka } from '@ledger/testing';
import { LedgerTraffic } from './support/ledger-traffic';
import { allStoredEvents, idsByStream, relayFixture, type RelayFixture } from './support/relay-fixture';
import { createTopic, deliveredByKey, eventually, freshTopicName, readWholeTopic, testKafka } from './support/topic-reader';

describe.each([
  ['reading and mapping on its own thread', false],
  ['reading and mapping in a worker thread', true],
])('KafkaRelay on a real broker, %s', (_mode, mapInWorker) => {
  let kafka: TestKafka;
  let client: Kafka;
  let fixture: RelayFixture;
  const topic = freshTopicName();
  const contracts = ledgerEventContracts();

  beforeAll(async () => {
    kafka = await ensureKafka();
    client = testKafka(kafka.brokers);
    await createTopic(client, topic, 4);
    fixture = await relayFixture(kafka.brokers, topic, { mapInWorker });
  });

  afterAll(async () => {
    await fixture?.close();
    await kafka?.stop();
  });

  const caughtUp = (relay: KafkaRelay) => async () => (await relay.status()).eventsBehind === 0;

  it('puts every appended event on the topic: once per id, in stream order per key, as CloudEvents 1.0', async () => {
    const traffic = new LedgerTraffic();
    await traffic.appendSetup(fixture.store);
    await traffic.appendNext(fixture.store, 300);
    const relay = fixture.relay({ batchSize: 100 });
    expect(relay.mapsInWorker).toBe(mapInWorker);
    await relay.start();
    await traffic.appendNext(fixture.store, 300);
    await eventually('the relay to catch up', caughtUp(relay));

    const stored = await allStoredEvents(fixture.store);
    const delivered = deliveredByKey(await readWholeTopic(client, topic));
    expect(stored).toHaveLength(traffic.count);
    expect(Object.fromEntries(delivered.byKey)).toEqual(idsByStream(stored));
    expect(delivered.duplicates).toBe(0);

    const messages = new Map((await readWholeTopic(client, topic)).map((message) => [message.event.id, message]));
    for (const event of stored) {
      const contract = contracts.map(event);
      const message = messages.get(event.metadata.eventId)!;
      expect(message.headers['content-type']).toBe('application/cloudevents+json; charset=utf-8');
      expect(message.event).toEqual({
        specversion: '1.0',
        id: event.metadata.eventId,
        type: `uk.learning-ledger.${event.type}.v${contract.version}`,
        source: `/partnerships/${traffic.partnershipId}`,
        subject: event.streamId,
        time: event.recordedAt.toISOString(),
        datacontenttype: 'application/json',
        data: contract.data,
        partitionkey: event.streamId,
        streamversion: Number(event.streamVersion),
        occurredat: event.metadata.occurredAt,
        partnershipid: traffic.partnershipId,
      });
    }
  });

  it('reports its lag: events behind and seconds behind the oldest unpublished event', async () => {
    const traffic = new LedgerTraffic();
    await traffic.appendNext(fixture.store, 50);
    const relay = fixture.relay({ name: 'lag-check', topic: freshTopicName(), topicPartitions: 2 });
    const before = await relay.status();
    const total = (await allStoredEvents(fixture.store)).length;
    expect(before).toMatchObject({ role: 'stopped', checkpoint: null, eventsBehind: total, published: 0 });
    expect(before.secondsBehind).toBeGreaterThan(0);

    await relay.start();
    await eventually('the lag-check relay to catch up', caughtUp(relay));
    const after = await relay.status();
    expect(after).toMatchObject({ role: 'active', eventsBehind: 0, secondsBehind: 0, published: total, lastError: null });
    expect(after.checkpoint).not.toBeNull();
  });

  it('keeps a second instance on standby, publishing nothing, until the first stops', async () => {
    const standbyTopic = freshTopicName();
    await createTopic(client, standbyTopic, 3);
    const traffic = new LedgerTraffic();
    const first = fixture.relay({ name: 'standby-check', topic: standbyTopic });
    const second = fixture.relay({ name: 'standby-check', topic: standbyTopic });
    await first.start();
    await eventually('the first relay to take the lock', async () => (await first.status()).role === 'active');
    await second.start();
    await traffic.appendNext(fixture.store, 200);
    await eventually('the first relay to publish everything', caughtUp(first));
    expect(await second.status()).toMatchObject({ role: 'standby', published: 0 });

    await first.stop();
    await traffic.appendNext(fixture.store, 100);
    await eventually('the second relay to take over and catch up', async () => {
      const status = await second.status();
      return status.role === 'active' && status.eventsBehind === 0;
    });
    expect((await second.status()).published).toBeGreaterThanOrEqual(100);
    const delivered = deliveredByKey(await readWholeTopic(client, standbyTopic));
    expect(Object.fromEntries(delivered.byKey)).toEqual(idsByStream(await allStoredEvents(fixture.store)));
  });
});
