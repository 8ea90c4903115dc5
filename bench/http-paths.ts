/*
 * Benchmarks 2 and 3 only (HTTP commands, action-plan query) on a fresh database, for profiling the
 * HTTP path without the event-store and relay steps. Prints the figures and the command diagnostics.
 * `npm run build && node -r ./tools/register-paths.js dist/bench/http-paths.js`
 */
import { benchmarkActionPlan } from './action-plan.bench';
import { benchmarkHttpCommands } from './http-commands.bench';
import { createBenchDatabase } from './support/bench-database';
import { startLedgerServer } from './support/ledger-server';
import { machine } from './support/report';

const log = (line: string) => console.log(line);

async function main(): Promise<void> {
  log(`machine: ${JSON.stringify(machine())}`);
  const database = await createBenchDatabase();
  try {
    const server = await startLedgerServer(database.url);
    try {
      const commands = await benchmarkHttpCommands(server, log);
      log(`commands best: ${JSON.stringify(commands.commands)}`);
      log(`live best: ${JSON.stringify(commands.live)}`);
      log(`diagnostics: ${JSON.stringify(commands.diagnostics, null, 1)}`);
      if (process.env['SKIP_PLAN'] !== '1') {
        const plan = await benchmarkActionPlan(server, log);
        log(`plan: ${JSON.stringify({ plan: plan.plan, live: plan.live, inProcess: plan.inProcess })}`);
      }
    } finally {
      await server.close();
    }
  } finally {
    await database.drop();
    log(`load at end: ${JSON.stringify(machine())}`);
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
