/*
 * The Kafka relay (issue "Kafka: every event on a real broker"): throughput against a bare kafkajs
 * producer sending the very same messages to the same broker in the same run, and append-to-topic
 * latency under a steady 500 events/s. Registered in bench/run.ts; alone:
 *   npm run build && node -r ./tools/register-paths.js dist/bench/relay.bench.js
 * Broker: KAFKA_BROKERS, else the project's own (infra/kafka/kafka.sh start).
 */
import { execFile } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { resolve, sep } from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import { promisify } from 'node:util';
import { Kafka, Partitioners, logLevel, type Message } from 'kafkajs';
import { DataSource } from 'typeorm';
import { PostgresEventStore, type NewEvent, type RecordedEvent } from '@ledger/event-sourcing';
import { KafkaRelay, ledgerEventContracts, relayMigrations, silentMessagingLogger, toCloudEvent, toKafkaMessage } from '@ledger/messaging';
import type { Pool } from 'pg';
import { createPool } from '@ledger/platform';
import { createBenchDatabase } from './support/bench-database';
import { formatTable, row } from './support/report';
import { bestThroughput, figures, type RunFigures } from './support/stats';

export const RELAY_EVENTS = 20_000;
export const RELAY_BATCH = 500;
export const RELAY_ROUNDS = 3;
export const LATENCY_RATE = 500;
export const LATENCY_SECONDS = 10;
const STREAM_LENGTH = 50;
const PARTITIONS = 6;

export interface RelayBenchResult {
  readonly relay: RunFigures;
  readonly bare: RunFigures;
  /** relay ÷ bare events/s, best run of each. */
  readonly ratio: number;
  readonly latency: RunFigures;
}

type Log = (line: string) => void;

function event(partnershipId: string, actionId: string, index: number): NewEvent {
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

async function newTopic(kafka: Kafka): Promise<string> {
  const topic = `ledger.events.bench.${randomBytes(4).toString('hex')}`;
  const admin = kafka.admin();
  await admin.connect();
  await admin.createTopics({ topics: [{ topic, numPartitions: PARTITIONS }], waitForLeaders: true }).finally(() => admin.disconnect());
  return topic;
}

/** The same messages the relay sends, sent by an idempotent producer alone: no database, no mapping. */
async function bareRun(kafka: Kafka, messages: readonly Message[]): Promise<RunFigures> {
  const topic = await newTopic(kafka);
  const producer = kafka.producer({ idempotent: true, maxInFlightRequests: 1, createPartitioner: Partitioners.DefaultPartitioner });
  await producer.connect();
  const started = performance.now();
  for (let i = 0; i < messages.length; i += RELAY_BATCH)
    await producer.send({ topic, acks: -1, messages: messages.slice(i, i + RELAY_BATCH) });
  const elapsed = performance.now() - started;
  await producer.disconnect();
  return { ...figures([], 0, elapsed), count: messages.length, perSecond: (messages.length * 1000) / elapsed };
}

/** A fresh relay (own name, own topic) publishing the whole store from the start: until its last checkpoint. */
async function relayRun(kafka: Kafka, brokers: readonly string[], store: PostgresEventStore, pool: Pool): Promise<RunFigures> {
  const topic = await newTopic(kafka);
  let published = 0;
  let finished: (at: number) => void = () => undefined;
  const done = new Promise<number>((resolve) => (finished = resolve));
  const relay = new KafkaRelay({
    pool,
    store,
    contracts: ledgerEventContracts(),
    kafka: { brokers, clientId: 'relay-bench' },
    topic,
    name: `bench-${topic}`,
    batchSize: RELAY_BATCH,
    beforeCheckpoint: (batch) => {
      published += batch.events;
      if (published >= RELAY_EVENTS) finished(performance.now());
    },
  });
  const started = performance.now();
  await relay.start();
  const elapsed = (await done) - started;
  await relay.stop();
  return { ...figures([], 0, elapsed), count: published, perSecond: (published * 1000) / elapsed };
}

/**
 * Steady appends (one event, one new stream each) at LATENCY_RATE; latency = consumer receipt −
 * the moment the append returned (committed), so the event store's own append time is not counted.
 */
async function latencyRun(
  kafka: Kafka,
  brokers: readonly string[],
  store: PostgresEventStore,
  pool: Pool,
  writer: PostgresEventStore,
): Promise<RunFigures> {
  const topic = await newTopic(kafka);
  const relay = new KafkaRelay({
    pool,
    store,
    contracts: ledgerEventContracts(),
    kafka: { brokers, clientId: 'relay-bench' },
    topic,
    name: `bench-${topic}`,
    logger: silentMessagingLogger,
  });
  const consumer = kafka.consumer({ groupId: `bench-${topic}`, maxWaitTimeInMs: 20 });
  const planned = new Set<string>();
  const appendedAt = new Map<string, number>();
  const receivedAt = new Map<string, number>();
  const total = LATENCY_RATE * LATENCY_SECONDS;
  let received = 0;
  let allReceived: () => void = () => undefined;
  const everything = new Promise<void>((resolve) => (allReceived = resolve));
  await consumer.connect();
  await consumer.subscribe({ topics: [topic], fromBeginning: true });
  const joined = new Promise<void>((resolve) => consumer.on(consumer.events.GROUP_JOIN, () => resolve()));
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
    const next = event(partnershipId, actionId, 0);
    planned.add(next.metadata.eventId);
    appends.push(
      writer.appendToStream(`action-${actionId}`, 'no-stream', [next]).then(() => appendedAt.set(next.metadata.eventId, performance.now())),
    );
  }
  await Promise.all(appends);
  const elapsed = performance.now() - begin;
  await Promise.race([everything, delay(60_000)]);
  await consumer.disconnect();
  await relay.stop();
  const latencies = [...appendedAt].flatMap(([id, at]) => (receivedAt.has(id) ? [Math.max(0, receivedAt.get(id)! - at)] : []));
  return figures(latencies, total - latencies.length, elapsed);
}

async function seed(store: PostgresEventStore): Promise<void> {
  const partnershipId = randomUUID();
  for (let s = 0; s < RELAY_EVENTS / STREAM_LENGTH; s++) {
    const actionId = randomUUID();
    await store.appendToStream(
      `action-${actionId}`,
      'no-stream',
      Array.from({ length: STREAM_LENGTH }, (_, i) => event(partnershipId, actionId, i)),
    );
  }
}

export async function benchmarkRelay(databaseUrl: string, brokers: readonly string[], log: Log): Promise<RelayBenchResult> {
  const schema = new DataSource({ type: 'postgres', url: databaseUrl, migrations: [...relayMigrations], logging: false });
  await schema.initialize();
  await schema.runMigrations({ transaction: 'each' });
  await schema.destroy();
  // The relay reads on its own small pool, as apps/relay does; the writers append through theirs.
  const pool = createPool(databaseUrl, { max: 3 });
  const store = new PostgresEventStore(pool);
  const writerPool = createPool(databaseUrl, { max: 16 });
  const writer = new PostgresEventStore(writerPool);
  const kafka = new Kafka({ clientId: 'relay-bench', brokers: [...brokers], logLevel: logLevel.NOTHING });
  try {
    await seed(writer);
    const events: RecordedEvent[] = [];
    for (
      let page = await store.readAll({ limit: 5000 });
      page.events.length > 0;
      page = await store.readAll({ after: page.checkpoint, limit: 5000 })
    )
      events.push(...page.events);
    const contracts = ledgerEventContracts();
    const messages = events.map((e) => toKafkaMessage(toCloudEvent(e, contracts.map(e))));
    const bare: RunFigures[] = [];
    const relay: RunFigures[] = [];
    // One warm-up round of each side (JIT, connections, broker page cache), not counted.
    await bareRun(kafka, messages);
    await relayRun(kafka, brokers, store, pool);
    for (let round = 1; round <= RELAY_ROUNDS; round++) {
      bare.push(await bareRun(kafka, messages));
      relay.push(await relayRun(kafka, brokers, store, pool));
      log(`   round ${round}: bare producer ${bare.at(-1)!.perSecond.toFixed(0)}/s, relay ${relay.at(-1)!.perSecond.toFixed(0)}/s`);
    }
    const latency = await latencyRun(kafka, brokers, store, pool, writer);
    log(
      `   latency at ${LATENCY_RATE}/s: p50 ${latency.p50Ms.toFixed(1)} ms, p99 ${latency.p99Ms.toFixed(1)} ms (${latency.count} received, ${latency.errors} missing)`,
    );
    const best = { relay: bestThroughput(relay), bare: bestThroughput(bare) };
    return { ...best, ratio: best.relay.perSecond / best.bare.perSecond, latency };
  } finally {
    await pool.end();
    await writerPool.end();
  }
}

/** KAFKA_BROKERS, else the project's broker (started here, and stopped by the returned function if so). */
export async function benchBroker(): Promise<{ brokers: string[]; stop(): Promise<void> }> {
  const configured = (process.env.KAFKA_BROKERS ?? '')
    .split(',')
    .map((b) => b.trim())
    .filter(Boolean);
  if (configured.length > 0) return { brokers: configured, stop: async () => undefined };
  // dist/bench when built, bench/ when run from source.
  const root = __dirname.includes(`${sep}dist${sep}`) ? resolve(__dirname, '..', '..') : resolve(__dirname, '..');
  const script = resolve(root, 'infra', 'kafka', 'kafka.sh');
  const run = promisify(execFile);
  const { stdout } = await run('bash', [script, 'start'], { timeout: 10 * 60_000 });
  const startedHere = !stdout.includes('already running');
  return {
    brokers: [`${process.env.KAFKA_HOST ?? '127.0.0.1'}:${process.env.KAFKA_PORT ?? '9092'}`],
    stop: async () => void (startedHere ? await run('bash', [script, 'stop']) : undefined),
  };
}

export async function runRelayBench(log: Log = (line) => console.log(line)): Promise<RelayBenchResult> {
  const broker = await benchBroker();
  const database = await createBenchDatabase().catch(async (error: unknown) => {
    await broker.stop();
    throw error;
  });
  try {
    log(
      `relay: ${RELAY_EVENTS} events in batches of ${RELAY_BATCH}, ${RELAY_ROUNDS} rounds; then ${LATENCY_RATE} events/s for ${LATENCY_SECONDS} s`,
    );
    const result = await benchmarkRelay(database.url, broker.brokers, log);
    log(
      formatTable([
        row({
          benchmark: '4 Kafka relay',
          figure: 'events/s',
          value: result.relay.perSecond,
          unit: '/s',
          baselineName: 'bare kafkajs producer',
          baseline: result.bare.perSecond,
          target: { text: '>= 0.7x', met: result.ratio >= 0.7 },
        }),
        row({
          benchmark: '4 Kafka relay',
          figure: 'append→topic p50',
          value: result.latency.p50Ms,
          unit: 'ms',
          baselineName: 'target',
          baseline: 250,
        }),
        row({
          benchmark: '4 Kafka relay',
          figure: 'append→topic p99',
          value: result.latency.p99Ms,
          unit: 'ms',
          baselineName: 'target',
          baseline: 250,
          target: { text: '< 250 ms', met: result.latency.p99Ms < 250 },
        }),
      ]),
    );
    return result;
  } finally {
    await broker.stop();
    await database.drop();
  }
}

if (require.main === module) {
  runRelayBench().catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  });
}
