import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { registerKafkaRun, TEST_RUN_ENV } from './kafka-test-runs';

/** The project's own broker script (infra/kafka/kafka.sh); see infra/kafka/README.md. */
const KAFKA_SCRIPT = resolve(__dirname, '../../../infra/kafka/kafka.sh');
const REPO_ROOT = resolve(__dirname, '../../..');

export interface TestKafka {
  /** bootstrap servers for kafkajs, e.g. ['127.0.0.1:9092'] */
  readonly brokers: string[];
  /** true when this call started the project's broker (it was not running before) */
  readonly startedHere: boolean;
  /**
   * Outside jest: stops the broker if this call started it. In a jest run it does nothing: the
   * broker lives until the run's global teardown (libs/testing/src/global-teardown.ts).
   */
  stop(): Promise<void>;
}

/** The address the project's broker listens on (KAFKA_HOST / KAFKA_PORT, as kafka.sh reads them). */
export function ownKafkaBrokerAddress(): string {
  return `${process.env.KAFKA_HOST ?? '127.0.0.1'}:${process.env.KAFKA_PORT ?? '9092'}`;
}

function runKafkaScript(command: 'start' | 'stop' | 'status'): { ok: boolean; output: string } {
  const result = spawnSync('bash', [KAFKA_SCRIPT, command], {
    cwd: REPO_ROOT,
    env: process.env,
    encoding: 'utf8',
    // start waits up to KAFKA_START_TIMEOUT (90 s) after a first fetch of the jars.
    timeout: 10 * 60_000,
  });
  const output = `${result.stdout ?? ''}${result.stderr ?? ''}`;
  if (result.error) throw new Error(`kafka.sh ${command} could not run: ${result.error.message}\n${output}`);
  return { ok: result.status === 0, output };
}

function mustRun(command: 'start' | 'stop'): string {
  const { ok, output } = runKafkaScript(command);
  if (!ok) throw new Error(`bash infra/kafka/kafka.sh ${command} failed:\n${output}`);
  return output;
}

/** Starts the project's broker (harmless when it runs); resolves once it takes requests. */
export async function startKafkaBroker(): Promise<{ startedHere: boolean }> {
  const output = mustRun('start');
  return { startedHere: !output.includes('already running') };
}

/** Stops the project's broker cleanly (harmless when it is not running). */
export async function stopKafkaBroker(): Promise<void> {
  mustRun('stop');
}

/** True when the project's broker is running and `brokers` points at it (so tests may stop it). */
export function isOwnKafkaBroker(brokers: readonly string[]): boolean {
  return brokers.includes(ownKafkaBrokerAddress()) && runKafkaScript('status').ok;
}

/**
 * A Kafka broker for tests: `KAFKA_BROKERS` (comma-separated) when set, otherwise the project's
 * single-node KRaft broker, started by infra/kafka/kafka.sh when it is not already running (the
 * first start fetches Apache Kafka's jars from Maven Central). In a jest run the first suite that
 * asks starts it, the others share it, and the global teardown stops it once (so a unit-only run
 * never starts a JVM).
 */
export async function ensureKafka(): Promise<TestKafka> {
  const configured = process.env.KAFKA_BROKERS?.trim();
  if (configured) {
    const brokers = configured
      .split(',')
      .map((broker) => broker.trim())
      .filter((broker) => broker.length > 0);
    return { brokers, startedHere: false, stop: async () => undefined };
  }
  const { startedHere } = await startKafkaBroker();
  const run = process.env[TEST_RUN_ENV];
  if (run) {
    registerKafkaRun(run, startedHere);
    return { brokers: [ownKafkaBrokerAddress()], startedHere, stop: async () => undefined };
  }
  return {
    brokers: [ownKafkaBrokerAddress()],
    startedHere,
    stop: async () => {
      if (startedHere) await stopKafkaBroker();
    },
  };
}
