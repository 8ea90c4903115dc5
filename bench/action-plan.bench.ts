import { ActionPlanQueries, AGENCY_DIRECTORY, type AgencyDirectory } from '@ledger/learning';
import { countQueries, cpuTime, perUnit } from './support/diagnostics';
import { runLoad } from './support/http-load';
import type { LedgerServer } from './support/ledger-server';
import { inParallel, seedAction, seedPartnership, type ActionShape } from './support/seed';
import { figures, type RunFigures } from './support/stats';

export const PLAN_ACTIONS = 200;
export const PLAN_REQUESTS = 500;

export interface ActionPlanResult {
  readonly plan: RunFigures;
  readonly live: RunFigures;
  readonly rows: number;
  readonly responseBytes: number;
  readonly ratioP99: number;
  /** The controller's work called in-process (agency directory + ActionPlanQueries.rows), no HTTP. */
  readonly inProcess: RunFigures;
  /** Queries per GET /action-plan, by kind. */
  readonly roundTripsPerRequest: Record<string, number>;
  /** CPU milliseconds of this process per request pair (one GET /health/live + one GET /action-plan). */
  readonly cpuMsPerPair: number;
}

/** The same work as ActionPlanController.rows, called directly and timed: what HTTP adds is the rest. */
async function inProcess(server: LedgerServer, partnershipId: string): Promise<RunFigures> {
  const queries = server.ledger.app.get(ActionPlanQueries, { strict: false });
  const agencies = server.ledger.app.get<symbol, AgencyDirectory>(AGENCY_DIRECTORY, { strict: false });
  const latencies: number[] = [];
  const started = performance.now();
  for (let i = 0; i < PLAN_REQUESTS; i++) {
    const begin = performance.now();
    const rows = await queries.rows(partnershipId, {}, new Date(), await agencies.agencies(partnershipId));
    JSON.stringify(rows);
    latencies.push(performance.now() - begin);
  }
  return figures(latencies, 0, performance.now() - started);
}

const shapeOf = (index: number): ActionShape => (['proposed', 'agreed', 'in-progress', 'in-progress'] as const)[index % 4]!;

/**
 * Benchmark 3: GET /action-plan on a partnership of 10 sources, 20 recommendations and 200
 * actions (a quarter proposed, a quarter agreed, half in progress with an update and evidence),
 * 500 sequential requests alternating with 500 GET /health/live on one keep-alive connection.
 */
export async function benchmarkActionPlan(server: LedgerServer, log: (line: string) => void): Promise<ActionPlanResult> {
  const partnership = await seedPartnership(server, 'Benchmark action-plan partnership', 10, 2);
  const started = performance.now();
  await inParallel(PLAN_ACTIONS, 8, async (i) => {
    await seedAction(partnership, i, partnership.recommendationIds[i % partnership.recommendationIds.length]!, shapeOf(i));
  });
  log(`  seeded ${PLAN_ACTIONS} actions through the API in ${((performance.now() - started) / 1000).toFixed(1)} s`);

  const path = `/api/v1/partnerships/${partnership.partnershipId}/action-plan`;
  const body = await partnership.admin.get<{ rows: unknown[] }>(path);
  if (body.rows.length !== PLAN_ACTIONS) throw new Error(`the action plan has ${body.rows.length} rows, expected ${PLAN_ACTIONS}`);

  const alternate = [
    { label: 'live', method: 'GET', path: '/health/live' },
    { label: 'plan', method: 'GET', path, headers: partnership.admin.headers },
  ] as const;
  const load = (maxRequests: number) =>
    runLoad({ host: server.host, port: server.port, clients: [[...alternate]], maxRequests, maxDurationMs: 120_000 });
  await load(100);
  const [cpu, queries] = [cpuTime(), countQueries()];
  const result = await load(PLAN_REQUESTS * 2);
  const [cpuMs, counted] = [cpu.stop(), queries.stop()];
  const plan = result['plan']!;
  const live = result['live']!;
  if (plan.errors > 0) throw new Error(`action-plan requests failed: ${plan.firstFailure}`);
  const direct = await inProcess(server, partnership.partnershipId);
  log(`  in-process (no HTTP): p50 ${direct.p50Ms.toFixed(1)} ms, p99 ${direct.p99Ms.toFixed(1)} ms`);
  return {
    plan,
    live,
    rows: body.rows.length,
    responseBytes: Buffer.byteLength(JSON.stringify(body)),
    ratioP99: plan.p99Ms / live.p99Ms,
    inProcess: direct,
    roundTripsPerRequest: perUnit(counted, plan.count),
    cpuMsPerPair: Number((cpuMs / plan.count).toFixed(2)),
  };
}
