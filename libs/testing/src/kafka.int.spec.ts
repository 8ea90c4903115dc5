import { randomBytes } from 'node:crypto';
import { Kafka, logLevel, Partitioners, type Admin, type Producer } from 'kafkajs';
import { ensureKafka, type TestKafka } from './kafka';
import { PrivateKafkaBroker } from './private-kafka-broker';

/** Reads `count` messages of `topic` from the beginning with a fresh consumer group. */
async function consumeFromStart(client: Kafka, topic: string, count: number): Promise<string[]> {
  const consumer = client.consumer({ groupId: `kafka-int-${randomBytes(4).toString('hex')}` });
  await consumer.connect();
  try {
    await consumer.subscribe({ topic, fromBeginning: true });
    const values: string[] = [];
    await new Promise<void>((done, failed) => {
      consumer
        .run({
          eachMessage: async ({ message }) => {
            values.push(message.value?.toString() ?? '');
            if (values.length === count) done();
          },
        })
        .catch(failed);
    });
    return values.sort();
  } finally {
    await consumer.disconnect();
  }
}

/** One connection attempt, no retries: rejects when no broker listens. */
async function connectOnce(brokers: string[]): Promise<void> {
  const probe = new Kafka({ brokers, connectionTimeout: 1_000, retry: { retries: 0 }, logLevel: logLevel.NOTHING }).admin();
  await probe.connect();
  await probe.disconnect();
}

describe('the Kafka broker for tests', () => {
  const topic = `ledger.events.test-${randomBytes(4).toString('hex')}`;
  let kafka: TestKafka;
  let client: Kafka;
  let admin: Admin;
  let producer: Producer;

  beforeAll(async () => {
    kafka = await ensureKafka();
    client = new Kafka({ clientId: 'kafka-int-spec', brokers: kafka.brokers, logLevel: logLevel.NOTHING });
    admin = client.admin();
    await admin.connect();
    producer = client.producer({ createPartitioner: Partitioners.DefaultPartitioner });
    await producer.connect();
  });

  afterAll(async () => {
    await producer?.disconnect();
    await admin?.disconnect();
    await kafka?.stop();
  });

  it('creates a topic with three partitions', async () => {
    await admin.createTopics({ topics: [{ topic, numPartitions: 3 }], waitForLeaders: true });

    const { topics } = await admin.fetchTopicMetadata({ topics: [topic] });

    expect(topics[0]?.partitions).toHaveLength(3);
  });

  it('delivers a produced message to a consumer', async () => {
    await producer.send({ topic, messages: [{ key: 'stream-1', value: 'first' }] });

    await expect(consumeFromStart(client, topic, 1)).resolves.toEqual(['first']);
  });
});

describe('a broker of the project (infra/kafka/kafka.sh), stopped and started', () => {
  // Its own ports and data: the shared broker stays up for the suites running alongside.
  const broker = new PrivateKafkaBroker(Number(process.env.KAFKA_RESTART_TEST_PORT ?? 19094));
  const topic = `ledger.events.restart-${randomBytes(4).toString('hex')}`;
  let client: Kafka;
  let producer: Producer | undefined;

  beforeAll(async () => {
    await broker.start();
    client = new Kafka({ clientId: 'kafka-restart-spec', brokers: broker.brokers, logLevel: logLevel.NOTHING });
  }, 300_000);

  afterAll(async () => {
    await producer?.disconnect();
    await broker.stop();
  }, 120_000);

  it('keeps its messages and takes new ones after a stop and a start', async () => {
    producer = client.producer({ createPartitioner: Partitioners.DefaultPartitioner });
    await producer.connect();
    await producer.send({ topic, messages: [{ key: 'stream-1', value: 'first' }] });

    await broker.stop();
    await expect(connectOnce(broker.brokers)).rejects.toThrow();
    await broker.start();
    await producer.send({ topic, messages: [{ key: 'stream-1', value: 'second' }] });

    await expect(consumeFromStart(client, topic, 2)).resolves.toEqual(['first', 'second']);
  }, 300_000);
});
