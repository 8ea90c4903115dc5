import { randomBytes, randomUUID } from 'node:crypto';
import { setTimeout as delay } from 'node:timers/promises';
import type { Kafka } from 'kafkajs';
import type { Pool } from 'pg';
import type { NewEvent, PostgresEventStore } from '@ledger/event-sourcing';
import { KafkaRelay, ledgerEventContracts, silentMessagingLogger, type KafkaRelayOptions } from '@ledger/messaging';
import { figures, type RunFigures } from './stats';

/** The relay benchmark's workload (bench/relay.bench.ts): its events, topics and the latency run. */

export const LATENCY_RATE = 500;
export const LATENCY_SECONDS = 10;
const PARTITIONS = 6;
const JOIN_TIMEOUT_MS = 60_000;

/** How appends wake the relay: a subscription to the writer's store in-process, or NOTIFY alone. */
export type Wake = 'in-process' | 'notify';

export function relayEvent(partnershipId: string, actionId: string, index: number): NewEvent {
  const data =
    index === 0
      ? {
          actionId,
          partnershipId,
          recommendationIds: [randomUUID()],
          description: 'Refresh training',
          leadAgencyId: randomUUID(),
          owner: null,
          targetDate: '2099-06-30',
          successMeasure: 'Audit',
        }
      : { actionId, updateId: randomUUID(), narrative: 'Training sessions booked; two of five delivered.', rag: 'amber' };
  return {
    type: index === 0 ? 'ActionProposed' : 'ProgressUpdated',
    data,
    metadata: {
      eventId: randomUUID(),
      partnershipId,
      actor: { userId: 'bench', role: 'partnership-admin' },
      correlationId: randomUUID(),
      causationId: randomUUID(),
      occurredAt: new Date().toISOString(),
    },
  };
}

export async function newRelayTopic(kafka: Kafka): Promise<string> {
  const topic = `ledger.events.bench.${randomBytes(4).toString('hex')}`;
  const admin = kafka.admin();
  await admin.connect();
  await admin.createTopics({ topics: [{ topic, numPartitions: PARTITIONS }], waitForLeaders: true }).finally(() => admin.disconnect());
  return topic;
}

/**
 * Steady appends (one event, one new stream each) at LATENCY_RATE; latency = consumer receipt −
 * the moment the append returned (committed), so the event store's own append time is not counted.
 */
export async function latencyRun(
  kafka: Kafka,
  brokers: readonly string[],
  store: PostgresEventStore,
  pool: Pool,
  writer: PostgresEventStore,
  wake: Wake,
  tuning: Partial<KafkaRelayOptions> = {},
): Promise<{ received: RunFigures; acknowledged: RunFigures }> {
  const topic = await newRelayTopic(kafka);
  const acks: { checkpoint: string; at: number }[] = [];
  const relay = new KafkaRelay({
    ...tuning,
    pool,
    store,
    contracts: ledgerEventContracts(),
    kafka: { brokers, clientId: 'relay-bench' },
    topic,
    name: `bench-${topic}`,
    logger: silentMessagingLogger,
    ...(wake === 'in-process' ? { notifications: writer } : {}),
    beforeCheckpoint: (batch) => void acks.push({ checkpoint: batch.checkpoint, at: performance.now() }),
  });
  const consumer = kafka.consumer({ groupId: `bench-${topic}`, maxWaitTimeInMs: 20 });
  const planned = new Set<string>();
  const appendedAt = new Map<string, number>();
  const positions = new Map<string, string>();
  const receivedAt = new Map<string, number>();
  const total = LATENCY_RATE * LATENCY_SECONDS;
  let received = 0;
  let allReceived: () => void = () => undefined;
  const everything = new Promise<void>((resolve) => (allReceived = resolve));
  await consumer.connect();
  await consumer.subscribe({ topics: [topic], fromBeginning: true });
  const joined = new Promise<void>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`the latency consumer did not join its group in ${JOIN_TIMEOUT_MS} ms`)),
      JOIN_TIMEOUT_MS,
    );
    consumer.on(consumer.events.GROUP_JOIN, () => {
      clearTimeout(timer);
      resolve();
    });
  });
  await consumer.run({
    eachMessage: async ({ message }) => {
      const id = (JSON.parse(message.value?.toString() ?? '{}') as { id?: string }).id ?? '';
      if (!planned.has(id) || receivedAt.has(id)) return;
      receivedAt.set(id, performance.now());
      if (++received === total) allReceived();
    },
  });
  await joined;
  // Start from a caught-up relay: the store already holds the throughput events.
  await relay.start();
  while ((await relay.status()).eventsBehind > 0) await delay(100);
  const partnershipId = randomUUID();
  const appends: Promise<unknown>[] = [];
  const begin = performance.now();
  for (let i = 0; i < total; i++) {
    const due = begin + (i * 1000) / LATENCY_RATE;
    const wait = due - performance.now();
    if (wait > 1) await delay(wait);
    const actionId = randomUUID();
    const next = relayEvent(partnershipId, actionId, 0);
    planned.add(next.metadata.eventId);
    appends.push(
      writer.appendToStream(`action-${actionId}`, 'no-stream', [next]).then((result) => {
        appendedAt.set(next.metadata.eventId, performance.now());
        positions.set(next.metadata.eventId, result.position);
      }),
    );
  }
  await Promise.all(appends);
  const elapsed = performance.now() - begin;
  await Promise.race([everything, delay(60_000)]);
  await consumer.disconnect();
  await relay.stop();
  const latencies = [...appendedAt].flatMap(([id, at]) => (receivedAt.has(id) ? [Math.max(0, receivedAt.get(id)! - at)] : []));
  // Checkpoints only move forward: the first acknowledgement covering a position, by bisection.
  const firstAckCovering = (position: string) => {
    let [low, high] = [0, acks.length];
    while (low < high) {
      const middle = (low + high) >> 1;
      if (store.covers(acks[middle]!.checkpoint, position)) high = middle;
      else low = middle + 1;
    }
    return acks[low];
  };
  const acknowledged = [...appendedAt].flatMap(([id, at]) => {
    const ack = firstAckCovering(positions.get(id)!);
    return ack ? [Math.max(0, ack.at - at)] : [];
  });
  return { received: figures(latencies, total - latencies.length, elapsed), acknowledged: figures(acknowledged, 0, elapsed) };
}
