/*
 * The Kafka relay (issue "Kafka: every event on a real broker"): throughput against a bare kafkajs
 * producer sending the very same messages to the same broker in the same run, and append-to-topic
 * latency under a steady 500 events/s. Registered in bench/run.ts; alone:
 *   npm run build && node -r ./tools/register-paths.js dist/bench/relay.bench.js
 * Broker: KAFKA_BROKERS, else the project's own (infra/kafka/kafka.sh start).
 */
import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { resolve, sep } from 'node:path';
import { promisify } from 'node:util';
import { Kafka, Partitioners, logLevel, type Message } from 'kafkajs';
import { DataSource } from 'typeorm';
import { PostgresEventStore, type RecordedEvent } from '@ledger/event-sourcing';
import { KafkaRelay, ledgerEventContracts, relayMigrations, toCloudEvent, toKafkaMessage } from '@ledger/messaging';
import type { Pool } from 'pg';
import { createPool } from '@ledger/platform';
import { createBenchDatabase } from './support/bench-database';
import { formatTable, row, type ReportRow } from './support/report';
import { bestLatency, bestThroughput, figures, type RunFigures } from './support/stats';
import { LATENCY_RATE, LATENCY_SECONDS, latencyRun, newRelayTopic, relayEvent, type Wake } from './support/relay-latency';

export { LATENCY_RATE, LATENCY_SECONDS };

export const RELAY_EVENTS = 20_000;
/**
 * The relay reads and maps its pages in a worker thread, as `apps/relay` and `npm start` run it
 * from dist; RELAY_BENCH_IN_WORKER=0 measures the single-thread path instead.
 */
export const RELAY_IN_WORKER = process.env.RELAY_BENCH_IN_WORKER !== '0';
/** Events per read and per `send`, the same on both sides (RELAY_BENCH_BATCH overrides). */
export const RELAY_BATCH = Number(process.env.RELAY_BENCH_BATCH ?? 500);
export const RELAY_ROUNDS = 3;
/** Latency rounds per wake-up mode, interleaved; the lowest p99 of each counts. */
export const LATENCY_ROUNDS = 2;
const STREAM_LENGTH = 50;

export interface RelayBenchResult {
  /** Steady state (see ThroughputRun), best run of each side. */
  readonly relay: RunFigures;
  readonly bare: RunFigures;
  /** relay ÷ bare events/s, steady state, best run of each. */
  readonly ratio: number;
  /** Diagnostic: the same runs' whole-run rates (start-up included), best of each, and their ratio. */
  readonly relayWhole: RunFigures;
  readonly bareWhole: RunFigures;
  readonly wholeRatio: number;
  /** Appends wake the relay in-process, as `npm start` (all-in-one) runs it. */
  readonly latency: RunFigures;
  /** Appends wake the relay through PostgreSQL NOTIFY only, as a separate `apps/relay` process. */
  readonly latencyNotify: RunFigures;
  /** Diagnostic: append returned → the broker acknowledged the batch holding it (in-process wake-ups). */
  readonly acknowledged: RunFigures;
}

type Log = (line: string) => void;

/**
 * A throughput run. `steady`: events after the first batch ÷ the time from the first batch's
 * acknowledgement to the last one's, the same on both sides, so neither side's start-up counts
 * (the relay's covers LISTEN, its lock, the checkpoint read, the topic check and the producer's
 * connection; the bare producer's only its first send). `whole`: every event ÷ the whole run, from
 * `relay.start()` on the relay's side and from the connected producer's first send on the bare side.
 */
export interface ThroughputRun {
  readonly steady: RunFigures;
  readonly whole: RunFigures;
}

function throughputRun(events: number, firstBatch: number, started: number, firstAck: number, ended: number): ThroughputRun {
  const rate = (count: number, elapsed: number): RunFigures => ({ ...figures([], 0, elapsed), count, perSecond: (count * 1000) / elapsed });
  return { steady: rate(events - firstBatch, ended - firstAck), whole: rate(events, ended - started) };
}

/** The same messages the relay sends, sent by an idempotent producer alone: no database, no mapping. */
async function bareRun(kafka: Kafka, messages: readonly Message[]): Promise<ThroughputRun> {
  const topic = await newRelayTopic(kafka);
  const producer = kafka.producer({ idempotent: true, maxInFlightRequests: 1, createPartitioner: Partitioners.DefaultPartitioner });
  await producer.connect();
  const started = performance.now();
  let firstAck = started;
  for (let i = 0; i < messages.length; i += RELAY_BATCH) {
    await producer.send({ topic, acks: -1, messages: messages.slice(i, i + RELAY_BATCH) });
    if (i === 0) firstAck = performance.now();
  }
  const ended = performance.now();
  await producer.disconnect();
  return throughputRun(messages.length, Math.min(RELAY_BATCH, messages.length), started, firstAck, ended);
}

/** A fresh relay (own name, own topic) publishing the whole store from the start: until its last checkpoint. */
async function relayRun(
  kafka: Kafka,
  brokers: readonly string[],
  store: PostgresEventStore,
  pool: Pool,
  databaseUrl: string,
): Promise<ThroughputRun> {
  const topic = await newRelayTopic(kafka);
  let published = 0;
  let firstBatch = 0;
  let firstAck = 0;
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
    databaseUrl,
    mapInWorker: RELAY_IN_WORKER,
    beforeCheckpoint: (batch) => {
      if (published === 0) [firstBatch, firstAck] = [batch.events, performance.now()];
      published += batch.events;
      if (published >= RELAY_EVENTS) finished(performance.now());
    },
  });
  const started = performance.now();
  await relay.start();
  const ended = await done;
  await relay.stop();
  return throughputRun(published, firstBatch, started, firstAck, ended);
}

async function seed(store: PostgresEventStore): Promise<void> {
  const partnershipId = randomUUID();
  for (let s = 0; s < RELAY_EVENTS / STREAM_LENGTH; s++) {
    const actionId = randomUUID();
    await store.appendToStream(
      `action-${actionId}`,
      'no-stream',
      Array.from({ length: STREAM_LENGTH }, (_, i) => relayEvent(partnershipId, actionId, i)),
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
  // pool.end() does not wait for idle connections to close; dropping the database may then kill one.
  for (const each of [pool, writerPool]) each.on('error', () => undefined);
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
    const bare: ThroughputRun[] = [];
    const relay: ThroughputRun[] = [];
    // One warm-up round of each side (JIT, connections, broker page cache), not counted.
    await bareRun(kafka, messages);
    await relayRun(kafka, brokers, store, pool, databaseUrl);
    for (let round = 1; round <= RELAY_ROUNDS; round++) {
      bare.push(await bareRun(kafka, messages));
      relay.push(await relayRun(kafka, brokers, store, pool, databaseUrl));
      const [b, r] = [bare.at(-1)!, relay.at(-1)!];
      log(
        `   round ${round}: steady bare producer ${b.steady.perSecond.toFixed(0)}/s, relay ${r.steady.perSecond.toFixed(0)}/s; ` +
          `whole run ${b.whole.perSecond.toFixed(0)}/s, ${r.whole.perSecond.toFixed(0)}/s`,
      );
    }
    const rounds: Record<Wake, { received: RunFigures; acknowledged: RunFigures }[]> = { 'in-process': [], notify: [] };
    for (let round = 1; round <= LATENCY_ROUNDS; round++) {
      for (const wake of ['in-process', 'notify'] as const) {
        const run = await latencyRun(kafka, brokers, store, pool, writer, wake, { databaseUrl, mapInWorker: RELAY_IN_WORKER });
        rounds[wake].push(run);
        log(
          `   latency round ${round}, ${wake} wake-ups: p50 ${run.received.p50Ms.toFixed(1)} ms, p99 ${run.received.p99Ms.toFixed(1)} ms`,
        );
      }
    }
    const best = (wake: Wake) => rounds[wake].find((run) => run.received === bestLatency(rounds[wake].map((r) => r.received)))!;
    const latency = best('in-process').received;
    const latencyNotify = best('notify').received;
    const acknowledged = best('in-process').acknowledged;
    log(`   append→acknowledged (in-process): p50 ${acknowledged.p50Ms.toFixed(1)} ms, p99 ${acknowledged.p99Ms.toFixed(1)} ms`);
    for (const [name, run] of [
      ['in-process wake-ups', latency],
      ['NOTIFY wake-ups', latencyNotify],
    ] as const)
      log(
        `   latency at ${LATENCY_RATE}/s, ${name}: p50 ${run.p50Ms.toFixed(1)} ms, p99 ${run.p99Ms.toFixed(1)} ms (${run.count} received, ${run.errors} missing)`,
      );
    const fastest = { relay: bestThroughput(relay.map((r) => r.steady)), bare: bestThroughput(bare.map((r) => r.steady)) };
    const whole = { relayWhole: bestThroughput(relay.map((r) => r.whole)), bareWhole: bestThroughput(bare.map((r) => r.whole)) };
    return {
      ...fastest,
      ratio: fastest.relay.perSecond / fastest.bare.perSecond,
      ...whole,
      wholeRatio: whole.relayWhole.perSecond / whole.bareWhole.perSecond,
      latency,
      latencyNotify,
      acknowledged,
    };
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

/** The relay's rows of the benchmark table. */
export function relayRows(result: RelayBenchResult): ReportRow[] {
  return [
    row({
      benchmark: '4 Kafka relay',
      figure: 'events/s, steady',
      value: result.relay.perSecond,
      unit: '/s',
      baselineName: 'bare kafkajs producer',
      baseline: result.bare.perSecond,
      target: { text: '>= 0.7x', met: result.ratio >= 0.7 },
    }),
    row({
      benchmark: '4 (diagnostic)',
      figure: 'events/s, whole run',
      value: result.relayWhole.perSecond,
      unit: '/s',
      baselineName: 'bare kafkajs producer',
      baseline: result.bareWhole.perSecond,
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
    row({
      benchmark: '4 (diagnostic)',
      figure: 'append→broker ack p99',
      value: result.acknowledged.p99Ms,
      unit: 'ms',
      baselineName: 'target',
      baseline: 250,
    }),
    row({
      benchmark: '4 (diagnostic)',
      figure: 'p99, NOTIFY wake-ups',
      value: result.latencyNotify.p99Ms,
      unit: 'ms',
      baselineName: 'target',
      baseline: 250,
    }),
  ];
}

/**
 * Benchmark 4 inside `npm run bench`: its own fresh database (so the all-in-one server of the
 * other benchmarks projects none of its events) and the broker of benchBroker. Without a broker
 * (no KAFKA_BROKERS, and no Java or Maven for infra/kafka) it is skipped, and says why.
 */
export async function relayBenchStep(log: Log): Promise<{ rows: ReportRow[]; result: RelayBenchResult | { skipped: string } }> {
  let broker: Awaited<ReturnType<typeof benchBroker>>;
  try {
    broker = await benchBroker();
  } catch (error) {
    const skipped = `no Kafka broker: ${String(error).split('\n')[0]}`;
    log(`   skipped (${skipped})`);
    return { rows: [], result: { skipped } };
  }
  try {
    const database = await createBenchDatabase();
    try {
      const result = await benchmarkRelay(database.url, broker.brokers, log);
      return { rows: relayRows(result), result };
    } finally {
      await database.drop();
    }
  } finally {
    await broker.stop();
  }
}

export async function runRelayBench(log: Log = (line) => console.log(line)): Promise<RelayBenchResult | { skipped: string }> {
  log(
    `relay (${RELAY_IN_WORKER ? 'mapping in a worker thread' : 'single thread'}): ${RELAY_EVENTS} events in batches of ${RELAY_BATCH}, ${RELAY_ROUNDS} rounds; then ${LATENCY_RATE} events/s for ${LATENCY_SECONDS} s, twice`,
  );
  const { rows, result } = await relayBenchStep(log);
  if (rows.length > 0) log(formatTable(rows));
  return result;
}

if (require.main === module) {
  runRelayBench().catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  });
}
