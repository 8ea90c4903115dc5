import { Partitioners, type Kafka } from 'kafkajs';
import {
  AgencyAccountabilityConsumer,
  AgencyAccountabilityFold,
  AgencyAccountabilityQueries,
  accountabilityChangeOf,
  ledgerEventContracts,
  parseCloudEvent,
  toCloudEvent,
  type AgencyAccountabilityRow,
  type KafkaRelay,
} from '@ledger/messaging';
import { ensureKafka, type TestKafka } from '@ledger/testing';
import { LedgerTraffic } from './support/ledger-traffic';
import { allStoredEvents, quietLogger, relayFixture, type RelayFixture } from './support/relay-fixture';
import { createTopic, eventually, freshTopicName, readWholeTopic, testKafka } from './support/topic-reader';

const TODAY = '2025-06-01';

describe('AgencyAccountabilityConsumer: a consumer group on the topic', () => {
  let kafka: TestKafka;
  let client: Kafka;
  let fixture: RelayFixture;
  let relay: KafkaRelay;
  let queries: AgencyAccountabilityQueries;
  const consumers: AgencyAccountabilityConsumer[] = [];
  const topic = freshTopicName();
  const contracts = ledgerEventContracts();

  beforeAll(async () => {
    kafka = await ensureKafka();
    client = testKafka(kafka.brokers);
    await createTopic(client, topic, 4);
    fixture = await relayFixture(kafka.brokers, topic);
    queries = new AgencyAccountabilityQueries(fixture.database.pool);
    relay = fixture.relay();
    await relay.start();
  });

  afterAll(async () => {
    for (const consumer of consumers) await consumer.stop();
    await fixture?.close();
    await kafka?.stop();
  });

  const member = async (): Promise<AgencyAccountabilityConsumer> => {
    const consumer = new AgencyAccountabilityConsumer({
      pool: fixture.database.pool,
      kafka: { brokers: kafka.brokers },
      topic,
      groupId: `accountability-${topic}`,
      logger: quietLogger,
    });
    consumers.push(consumer);
    await consumer.start();
    return consumer;
  };

  /** Whether the group's committed offsets reached every partition's high-water mark. */
  const groupCaughtUp = async (groupId: string): Promise<boolean> => {
    const admin = client.admin();
    await admin.connect();
    try {
      const ends = await admin.fetchTopicOffsets(topic);
      const [committed] = await admin.fetchOffsets({ groupId, topics: [topic] });
      return ends.every((end) => committed?.partitions.find((p) => p.partition === end.partition)?.offset === end.high);
    } finally {
      await admin.disconnect();
    }
  };

  /** The same model folded straight from the event store, through the same contracts and envelope. */
  const foldedFromStore = async (partnershipId: string): Promise<AgencyAccountabilityRow[]> => {
    const fold = new AgencyAccountabilityFold();
    for (const event of await allStoredEvents(fixture.store)) {
      const change = accountabilityChangeOf(parseCloudEvent(JSON.stringify(toCloudEvent(event, contracts.map(event)))));
      if (change) fold.apply(change);
    }
    return fold.rows(partnershipId, TODAY);
  };

  it('builds, across a rebalance and duplicate deliveries, the model folded straight from the store', async () => {
    const traffic = new LedgerTraffic(60);
    await traffic.appendSetup(fixture.store);
    await traffic.appendNext(fixture.store, 600);
    const first = await member();
    await eventually('the first member to apply events', () => first.processed.applied > 0);

    const second = await member();
    await traffic.appendNext(fixture.store, 600);
    await eventually('the relay to catch up', async () => (await relay.status()).eventsBehind === 0);

    // Re-deliver 150 messages already on the topic, as a relay restarted mid-batch would.
    const again = (await readWholeTopic(client, topic)).slice(0, 150);
    const producer = client.producer({ createPartitioner: Partitioners.DefaultPartitioner });
    await producer.connect();
    await producer.send({
      topic,
      messages: again.map((message) => ({ key: message.key, value: JSON.stringify(message.event), headers: message.headers })),
    });
    await producer.disconnect();

    const expected = await foldedFromStore(traffic.partnershipId);
    await eventually('the group to commit every offset of the topic', () => groupCaughtUp(`accountability-${topic}`), 90_000);
    expect(await queries.forPartnership(traffic.partnershipId, TODAY)).toEqual(expected);

    // The traffic exercises every figure: each agency leads actions and receives challenges.
    expect(expected).toHaveLength(3);
    expect(expected.every((row) => row.openActions > 0 && row.challengesReceived > 0)).toBe(true);
    for (const figure of ['overdueActions', 'completedActions', 'closedActions', 'withdrawnActions', 'openChallenges'] as const) {
      expect({ figure, total: expected.reduce((sum, row) => sum + row[figure], 0) > 0 }).toEqual({ figure, total: true });
    }

    expect(first.processed.applied).toBeGreaterThan(0);
    expect(second.processed.applied).toBeGreaterThan(0);
    const duplicates = first.processed.duplicates + second.processed.duplicates;
    const handled = again.filter((message) => accountabilityChangeOf(parseCloudEvent(JSON.stringify(message.event))) !== null).length;
    expect(duplicates).toBeGreaterThanOrEqual(handled);
    expect(first.processed.rejected + second.processed.rejected).toBe(0);
  });
});
