import { execFile } from 'node:child_process';
import { resolve } from 'node:path';
import { promisify } from 'node:util';

const ROOT = resolve(__dirname, '../../..');
const run = promisify(execFile);

/**
 * A separate single-node broker from the project's recipe (infra/kafka/kafka.sh with its own ports
 * and work directory under data/, as its README describes), for a test that stops and starts a
 * broker: the shared one (ensureKafka) stays up for the other suites. The script runs
 * asynchronously, so code under test keeps running in this process meanwhile. The port comes from
 * the caller; an environment variable may move it (e.g. off ports a CI run uses).
 */
export class PrivateKafkaBroker {
  readonly brokers: string[];
  private readonly env: NodeJS.ProcessEnv;

  constructor(port: number) {
    this.brokers = [`127.0.0.1:${port}`];
    this.env = {
      ...process.env,
      KAFKA_HOST: '127.0.0.1',
      KAFKA_PORT: String(port),
      KAFKA_CONTROLLER_PORT: String(port + 1),
      KAFKA_WORK_DIR: resolve(ROOT, 'data', `kafka-private-${port}`),
    };
  }

  start(): Promise<void> {
    return this.script('start');
  }

  stop(): Promise<void> {
    return this.script('stop');
  }

  private async script(command: 'start' | 'stop'): Promise<void> {
    try {
      await run('bash', [resolve(ROOT, 'infra/kafka/kafka.sh'), command], { cwd: ROOT, env: this.env, timeout: 10 * 60_000 });
    } catch (error) {
      const { stdout, stderr } = error as { stdout?: string; stderr?: string };
      throw new Error(`kafka.sh ${command} (port ${this.brokers[0]}) failed: ${String(error)}\n${stdout ?? ''}${stderr ?? ''}`);
    }
  }
}
