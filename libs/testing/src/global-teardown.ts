import { readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import { TEST_SERVER_KEY, type TestServer } from './global-setup';
import { stopKafkaBroker } from './kafka';
import { isAlive, releaseKafkaRun, TEST_RUN_ENV } from './kafka-test-runs';

/** Other jest runs still using the embedded server (files of exited runs are pruned). */
function otherRuns(runsDir: string): number {
  let count = 0;
  for (const name of readdirSync(runsDir)) {
    if (Number(name) === process.pid) continue;
    if (isAlive(Number(name))) count++;
    else rmSync(join(runsDir, name), { force: true });
  }
  return count;
}

/**
 * Jest global teardown: the run that started the embedded server stops it once no other jest run
 * is using it (it waits for them: they share the server rather than start their own). The same
 * for the project's Kafka broker, when a suite of this run started it (KAFKA_BROKERS unset).
 */
export default async function globalTeardown(): Promise<void> {
  const run = process.env[TEST_RUN_ENV];
  if (run && (await releaseKafkaRun(run, delay))) await stopKafkaBroker();
  const globals = globalThis as Record<string, unknown>;
  const test = globals[TEST_SERVER_KEY] as TestServer | undefined;
  delete globals[TEST_SERVER_KEY];
  if (!test?.server.embedded) return;
  rmSync(join(test.runsDir, String(process.pid)), { force: true });
  if (!test.server.startedHere) return;
  while (otherRuns(test.runsDir) > 0) await delay(500);
  await test.server.stop();
}
