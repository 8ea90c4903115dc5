import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

/**
 * Which jest runs use the project's broker, and which one started it, so the broker is started
 * once per run (by the first suite that needs it) and stopped once at global teardown, after
 * every other jest run sharing it has ended. Files under data/, one directory per broker port.
 */

/** Set by the jest global setup: the id (main process pid) of the jest run a worker belongs to. */
export const TEST_RUN_ENV = 'LEDGER_TEST_RUN';

const STARTER = 'started-by';

export function kafkaRunsDir(): string {
  return resolve(__dirname, '../../../data', `test-kafka-${process.env.KAFKA_PORT ?? '9092'}.runs`);
}

export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Records that jest run `run` uses the broker (and started it, when `started`). */
export function registerKafkaRun(run: string, started: boolean): void {
  const dir = kafkaRunsDir();
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, run), '');
  if (started) writeFileSync(join(dir, STARTER), run);
}

/**
 * At global teardown: forgets run `run`, and answers whether it must stop the broker: it started
 * it (or adopts it from a starter that died without tearing down) and no other live run uses it.
 * Waits, polling, for the other runs to end first.
 */
export async function releaseKafkaRun(run: string, wait: (ms: number) => Promise<void>): Promise<boolean> {
  const dir = kafkaRunsDir();
  if (!existsSync(dir)) return false;
  rmSync(join(dir, run), { force: true });
  const starterFile = join(dir, STARTER);
  const starter = existsSync(starterFile) ? readFileSync(starterFile, 'utf8').trim() : null;
  if (starter === null || (starter !== run && isAlive(Number(starter)))) return false;
  while (otherLiveRuns(dir, run) > 0) await wait(500);
  rmSync(starterFile, { force: true });
  return true;
}

function otherLiveRuns(dir: string, run: string): number {
  let count = 0;
  for (const name of readdirSync(dir)) {
    if (name === STARTER || name === run) continue;
    if (isAlive(Number(name))) count++;
    else rmSync(join(dir, name), { force: true });
  }
  return count;
}
