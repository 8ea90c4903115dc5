import { runLoad, sameRequestClients, type PlannedRequest } from './support/http-load';
import type { LedgerServer } from './support/ledger-server';
import { inParallel, seedAction, seedPartnership, type SeededPartnership } from './support/seed';
import { countQueries, cpuTime, perUnit, sampleWaits, timeStages } from './support/diagnostics';
import { bestThroughput, type RunFigures } from './support/stats';

export const COMMAND_CLIENTS = 16;
export const COMMAND_LIMIT = 5_000;
export const COMMAND_SECONDS = 10;

/** Where a command round's time went (see support/diagnostics.ts). */
export interface CommandDiagnostics {
  /** CPU milliseconds of this process (server, projections, load worker) per successful command. */
  readonly cpuMsPerCommand: number;
  /** Mean wall time per call inside the event store and the read-your-writes wait. */
  readonly stages: Record<string, { calls: number; meanMs: number }>;
  /** Queries sent by the server per successful command, by kind. */
  readonly roundTripsPerCommand: Record<string, number>;
  /** Share of sampled active database backends per wait event. */
  readonly waits: Record<string, number>;
  /** Events in each action stream at the end of the round (each command loads its whole stream). */
  readonly streamLength: number;
}

export interface HttpCommandsResult {
  readonly commands: RunFigures;
  readonly live: RunFigures;
  readonly runs: { readonly commands: readonly RunFigures[]; readonly live: readonly RunFigures[] };
  readonly ratio: number;
  readonly statuses: string;
  /** CPU milliseconds of this process per GET /health/live, in the best live round. */
  readonly liveCpuMsPerRequest: number;
  /** Of the best command round. */
  readonly diagnostics: CommandDiagnostics;
}

/** 16 fresh in-progress actions: one per client, so clients never race for a stream version. */
async function freshActions(partnership: SeededPartnership): Promise<string[]> {
  const ids: string[] = [];
  await inParallel(COMMAND_CLIENTS, 4, async (i) => {
    ids[i] = await seedAction(partnership, i, partnership.recommendationIds[0]!, 'in-progress');
  });
  return ids;
}

function commandClients(partnership: SeededPartnership, actionIds: readonly string[]): PlannedRequest[][] {
  return sameRequestClients(COMMAND_CLIENTS, (client) => ({
    label: 'command',
    method: 'POST',
    path: `/api/v1/partnerships/${partnership.partnershipId}/actions/${actionIds[client]}/progress-updates`,
    headers: partnership.admin.headers,
    body: { narrative: 'Two of five training sessions delivered; the rest are booked for next month.', rag: 'amber' },
  }));
}

const liveClients = (): PlannedRequest[][] =>
  sameRequestClients(COMMAND_CLIENTS, () => ({ label: 'live', method: 'GET', path: '/health/live' }));

/**
 * Benchmark 2: POST progress-updates from 16 keep-alive clients, each on its own action, until
 * 5,000 commands or 10 s; baseline GET /health/live at the same concurrency. Warmed up, then
 * interleaved (live, commands) twice, each command round on 16 fresh actions; best round counts.
 */
export async function benchmarkHttpCommands(server: LedgerServer, log: (line: string) => void): Promise<HttpCommandsResult> {
  const partnership = await seedPartnership(server, 'Benchmark commands partnership', 1, 1);
  const load = (clients: PlannedRequest[][], maxRequests = COMMAND_LIMIT) =>
    runLoad({ host: server.host, port: server.port, clients, maxRequests, maxDurationMs: COMMAND_SECONDS * 1000 });

  await load(liveClients(), 2_000);
  const warm = await load(commandClients(partnership, await freshActions(partnership)), 500);
  if (warm['command']?.firstFailure) throw new Error(`warm-up command failed: ${warm['command'].firstFailure}`);

  const runs: { commands: RunFigures[]; live: RunFigures[] } = { commands: [], live: [] };
  const statuses: string[] = [];
  const diagnostics = new Map<RunFigures, CommandDiagnostics>();
  const liveCpu = new Map<RunFigures, number>();
  for (let round = 1; round <= 2; round++) {
    const cpu = cpuTime();
    const live = (await load(liveClients()))['live']!;
    liveCpu.set(live, Number((cpu.stop() / live.count).toFixed(2)));
    runs.live.push(live);
    const liveFigures = `${live.perSecond.toFixed(0)} req/s, p50 ${live.p50Ms.toFixed(1)} ms, p99 ${live.p99Ms.toFixed(1)} ms`;
    log(`  GET /health/live, round ${round}: ${liveFigures}, ${liveCpu.get(live)} ms CPU per request`);

    const actionIds = await freshActions(partnership);
    const [commandCpu, queries, stages, waits] = [
      cpuTime(),
      countQueries(),
      timeStages(),
      await sampleWaits(server.ledger.runtime.databaseUrl),
    ];
    const command = (await load(commandClients(partnership, actionIds)))['command']!;
    diagnostics.set(command, {
      cpuMsPerCommand: Number((commandCpu.stop() / command.count).toFixed(2)),
      stages: stages.stop(),
      roundTripsPerCommand: perUnit(queries.stop(), command.count),
      waits: await waits.stop(),
      streamLength: Math.round(command.count / COMMAND_CLIENTS) + 5,
    });
    runs.commands.push(command);
    if (command.errors > 0) statuses.push(`round ${round}: ${command.errors} failed, first: ${command.firstFailure}`);
    const commandFigures = `${command.perSecond.toFixed(0)} commands/s, p50 ${command.p50Ms.toFixed(1)} ms, p99 ${command.p99Ms.toFixed(1)} ms`;
    log(`  POST progress-updates, round ${round}: ${commandFigures} (${command.count} ok, ${command.errors} failed)`);
  }
  const best = { commands: bestThroughput(runs.commands), live: bestThroughput(runs.live) };
  return {
    ...best,
    runs,
    ratio: best.commands.perSecond / best.live.perSecond,
    statuses: statuses.join('; ') || 'all 2xx',
    liveCpuMsPerRequest: liveCpu.get(best.live)!,
    diagnostics: diagnostics.get(best.commands)!,
  };
}
