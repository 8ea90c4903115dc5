import { randomBytes } from 'node:crypto';
import { Kafka, logLevel } from 'kafkajs';

export interface TopicMessage {
  readonly partition: number;
  readonly offset: bigint;
  readonly key: string;
  readonly headers: Readonly<Record<string, string>>;
  readonly event: Record<string, unknown> & { readonly id: string; readonly subject: string };
}

export function testKafka(brokers: readonly string[]): Kafka {
  return new Kafka({
    clientId: 'relay-test',
    brokers: [...brokers],
    logLevel: logLevel.NOTHING,
    retry: { retries: 8, initialRetryTime: 200 },
  });
}

export function freshTopicName(): string {
  return `ledger.events.test.${randomBytes(5).toString('hex')}`;
}

export async function createTopic(kafka: Kafka, topic: string, partitions: number): Promise<void> {
  const admin = kafka.admin();
  await admin.connect();
  try {
    await admin.createTopics({ topics: [{ topic, numPartitions: partitions }], waitForLeaders: true });
  } finally {
    await admin.disconnect();
  }
}

/** Every message on the topic now (up to each partition's high-water mark), in (partition, offset) order. */
export async function readWholeTopic(kafka: Kafka, topic: string, timeoutMs = 60_000): Promise<TopicMessage[]> {
  const admin = kafka.admin();
  await admin.connect();
  const offsets = await admin.fetchTopicOffsets(topic).finally(() => admin.disconnect());
  const high = new Map(offsets.map((o) => [o.partition, BigInt(o.high)]));
  const messages: TopicMessage[] = [];
  const next = new Map<number, bigint>();
  const done = (): boolean => [...high].every(([partition, mark]) => (next.get(partition) ?? 0n) >= mark);
  if (done()) return messages;
  const consumer = kafka.consumer({ groupId: `relay-test-reader-${randomBytes(4).toString('hex')}`, sessionTimeout: 10_000 });
  await consumer.connect();
  try {
    await consumer.subscribe({ topics: [topic], fromBeginning: true });
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`read ${messages.length} messages of ${topic}; the high-water marks were not reached in ${timeoutMs} ms`)),
        timeoutMs,
      );
      consumer
        .run({
          eachMessage: async ({ partition, message }) => {
            const headers = Object.fromEntries(Object.entries(message.headers ?? {}).map(([name, value]) => [name, String(value)]));
            const event = JSON.parse(message.value?.toString() ?? 'null') as TopicMessage['event'];
            messages.push({ partition, offset: BigInt(message.offset), key: message.key?.toString() ?? '', headers, event });
            next.set(partition, BigInt(message.offset) + 1n);
            if (done()) {
              clearTimeout(timer);
              resolve();
            }
          },
        })
        .catch(reject);
    });
  } finally {
    await consumer.disconnect();
  }
  return messages.sort((a, b) => a.partition - b.partition || (a.offset < b.offset ? -1 : a.offset > b.offset ? 1 : 0));
}

export interface DeliveryReport {
  readonly messages: number;
  readonly duplicates: number;
  /** Event ids per key after dropping repeats (first delivery wins), in topic order. */
  readonly byKey: ReadonlyMap<string, readonly string[]>;
}

/**
 * What a consumer that dedupes by id sees, per key. Also checks what must hold of every message:
 * key = subject, and one partition per key (so Kafka keeps the key's order).
 */
export function deliveredByKey(messages: readonly TopicMessage[]): DeliveryReport {
  const seen = new Set<string>();
  const partitionOf = new Map<string, number>();
  const byKey = new Map<string, string[]>();
  for (const message of messages) {
    if (message.key !== message.event.subject) throw new Error(`message key ${message.key} is not its subject ${message.event.subject}`);
    const partition = partitionOf.get(message.key) ?? message.partition;
    if (partition !== message.partition) throw new Error(`key ${message.key} is on partitions ${partition} and ${message.partition}`);
    partitionOf.set(message.key, partition);
    if (seen.has(message.event.id)) continue;
    seen.add(message.event.id);
    byKey.set(message.key, [...(byKey.get(message.key) ?? []), message.event.id]);
  }
  return { messages: messages.length, duplicates: messages.length - seen.size, byKey };
}

/** Polls `condition` every 100 ms until it holds; rejects with `what` after `timeoutMs`. */
export async function eventually(what: string, condition: () => Promise<boolean> | boolean, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
