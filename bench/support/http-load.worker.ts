/*
 * The load generator's thread (like autocannon, but in a worker so its event loop is not the
 * server's): keep-alive connections, one sequential loop per client, every request timed.
 */
import { Agent, request } from 'node:http';
import { parentPort, workerData } from 'node:worker_threads';
import type { LoadPlan, LoadResult, PlannedRequest } from './http-load';

function send(agent: Agent, plan: LoadPlan, planned: PlannedRequest): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const body = planned.body === undefined ? undefined : JSON.stringify(planned.body);
    const req = request(
      {
        agent,
        host: plan.host,
        port: plan.port,
        method: planned.method,
        path: planned.path,
        headers: { ...planned.headers, ...(body ? { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) } : {}) },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }));
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

async function run(plan: LoadPlan): Promise<LoadResult> {
  const agent = new Agent({ keepAlive: true, maxSockets: plan.clients.length });
  const labels: LoadResult['labels'] = {};
  const entry = (label: string) => (labels[label] ??= { latenciesMs: [], errors: 0, statuses: {}, firstFailure: undefined });
  let issued = 0;
  const started = performance.now();
  const deadline = started + plan.maxDurationMs;
  await Promise.all(
    plan.clients.map(async (requests) => {
      for (let i = 0; issued < plan.maxRequests && performance.now() < deadline; i++) {
        issued++;
        const planned = requests[i % requests.length]!;
        const stats = entry(planned.label);
        const begin = performance.now();
        try {
          const { status, body } = await send(agent, plan, planned);
          stats.statuses[status] = (stats.statuses[status] ?? 0) + 1;
          if (status >= 200 && status < 300) stats.latenciesMs.push(performance.now() - begin);
          else {
            stats.errors++;
            stats.firstFailure ??= `${status} ${body.slice(0, 300)}`;
          }
        } catch (error) {
          stats.errors++;
          stats.firstFailure ??= String(error);
        }
      }
    }),
  );
  const elapsedMs = performance.now() - started;
  agent.destroy();
  return { elapsedMs, labels };
}

run(workerData as LoadPlan).then(
  (result) => parentPort!.postMessage(result),
  (error: unknown) => parentPort!.postMessage({ error: String(error) }),
);
