/*
 * `npm run bench`: the three benchmarks of the performance issue on a fresh database, each figure
 * printed beside a baseline measured in the same run (the machine is shared and noisy, so only
 * ratios and same-run comparisons mean much). Writes bench/results/latest.json.
 */
import { join } from 'node:path';
import { benchmarkActionPlan, PLAN_ACTIONS, PLAN_REQUESTS } from './action-plan.bench';
import { benchmarkEventStore, DIAGNOSTIC_ROWS, EVENT_STORE_APPENDS, EVENT_STORE_WRITERS } from './event-store.bench';
import { benchmarkHttpCommands, COMMAND_CLIENTS, COMMAND_LIMIT, COMMAND_SECONDS } from './http-commands.bench';
import { LATENCY_RATE, RELAY_EVENTS, relayBenchStep } from './relay.bench';
import { createBenchDatabase } from './support/bench-database';
import { startLedgerServer } from './support/ledger-server';
import { formatTable, machine, row, writeJson, type ReportRow } from './support/report';

const RESULTS = join(__dirname, '..', '..', 'bench', 'results', 'latest.json');
const log = (line: string) => console.log(line);

async function main(): Promise<void> {
  const startedAt = new Date();
  const before = machine();
  const database = await createBenchDatabase();
  log(`benchmark database ${database.name} (${database.server}, PostgreSQL ${database.serverVersion})`);
  try {
    log(`1. event-store appends: ${EVENT_STORE_WRITERS} writers, ${EVENT_STORE_APPENDS} single-event appends per round`);
    const store = await benchmarkEventStore(database.url, log);

    const server = await startLedgerServer(database.url);
    log(`all-in-one server on ${server.host}:${server.port} (projections in-process)`);
    try {
      log(`2. HTTP commands: ${COMMAND_CLIENTS} keep-alive clients, up to ${COMMAND_LIMIT} commands or ${COMMAND_SECONDS} s per round`);
      const commands = await benchmarkHttpCommands(server, log);
      log(`3. action-plan query: ${PLAN_ACTIONS} actions, ${PLAN_REQUESTS} sequential requests`);
      const plan = await benchmarkActionPlan(server, log);
      log(`4. Kafka relay: ${RELAY_EVENTS} events vs a bare kafkajs producer, then ${LATENCY_RATE} events/s (own database)`);
      const relay = await relayBenchStep(log);

      const { sides } = store;
      const raw = sides.raw.best.perSecond;
      const rows: ReportRow[] = [
        row({
          benchmark: '1 event store',
          figure: 'appends/s',
          value: sides.store.best.perSecond,
          unit: '/s',
          baselineName: 'raw INSERT',
          baseline: raw,
          target: { text: '>= 0.8x', met: store.ratio >= 0.8 },
        }),
        row({
          benchmark: '1 (diagnostic)',
          figure: 'INSERT+NOTIFY in tx',
          value: sides.rawNotifyInTransaction.best.perSecond,
          unit: '/s',
          baselineName: 'raw INSERT',
          baseline: raw,
        }),
        row({
          benchmark: '1 (diagnostic)',
          figure: 'append, NOTIFY after',
          value: sides.storeNotifyAfterCommit.best.perSecond,
          unit: '/s',
          baselineName: 'raw INSERT',
          baseline: raw,
        }),
        row({
          benchmark: '2 HTTP commands',
          figure: 'commands/s',
          value: commands.commands.perSecond,
          unit: '/s',
          baselineName: 'GET /health/live',
          baseline: commands.live.perSecond,
          target: { text: '>= 1000/s', met: commands.commands.perSecond >= 1000 },
        }),
        row({
          benchmark: '2 HTTP commands',
          figure: 'p50',
          value: commands.commands.p50Ms,
          unit: 'ms',
          baselineName: 'GET /health/live',
          baseline: commands.live.p50Ms,
        }),
        row({
          benchmark: '2 HTTP commands',
          figure: 'p99',
          value: commands.commands.p99Ms,
          unit: 'ms',
          baselineName: 'GET /health/live',
          baseline: commands.live.p99Ms,
          target: { text: '< 50 ms', met: commands.commands.p99Ms < 50 },
        }),
        row({
          benchmark: '3 action plan',
          figure: 'p50',
          value: plan.plan.p50Ms,
          unit: 'ms',
          baselineName: 'GET /health/live',
          baseline: plan.live.p50Ms,
        }),
        row({
          benchmark: '3 action plan',
          figure: 'p99',
          value: plan.plan.p99Ms,
          unit: 'ms',
          baselineName: 'GET /health/live',
          baseline: plan.live.p99Ms,
          target: { text: '< 10 ms', met: plan.plan.p99Ms < 10 },
        }),
        row({
          benchmark: '3 (diagnostic)',
          figure: 'p99 without HTTP',
          value: plan.inProcess.p99Ms,
          unit: 'ms',
          baselineName: 'GET /health/live',
          baseline: plan.live.p99Ms,
        }),
        ...relay.rows,
      ];
      log('');
      log(formatTable(rows));
      writeJson(RESULTS, {
        startedAt: startedAt.toISOString(),
        finishedAt: new Date().toISOString(),
        machine: { ...before, loadAverage1mAtEnd: machine()['loadAverage1m'] },
        database: { server: database.server, postgres: database.serverVersion },
        table: rows,
        eventStore: {
          writers: EVENT_STORE_WRITERS,
          appendsPerRound: EVENT_STORE_APPENDS,
          diagnosticRowsPerRound: DIAGNOSTIC_ROWS,
          streams: 'one stream per writer, fresh each round',
          ...store,
        },
        httpCommands: {
          clients: COMMAND_CLIENTS,
          limit: COMMAND_LIMIT,
          seconds: COMMAND_SECONDS,
          actions: 'one action per client, 16 fresh actions per round',
          ...commands,
        },
        actionPlan: { actions: PLAN_ACTIONS, requests: PLAN_REQUESTS, ...plan },
        relay: relay.result,
      });
      log(`\nwrote ${RESULTS}`);
    } finally {
      await server.close();
    }
  } finally {
    await database.drop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
