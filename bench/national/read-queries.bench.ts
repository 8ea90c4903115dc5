import { runLoad, type PlannedRequest } from '../support/http-load';
import type { LedgerServer } from '../support/ledger-server';
import type { RunFigures } from '../support/stats';

export interface ReadQuery {
  readonly name: string;
  readonly path: string;
  /** p99 target in milliseconds. */
  readonly targetP99Ms: number;
}

export interface ReadQueryFigures {
  readonly name: string;
  readonly path: string;
  readonly targetP99Ms: number;
  readonly query: RunFigures;
  readonly live: RunFigures;
  readonly responseBytes: number;
}

/**
 * Times one read query over HTTP: `requests` sequential requests alternating, request by request,
 * with GET /health/live on one keep-alive connection (so both see the same noise), after a warm-up.
 * Throws if the query does not answer 200.
 */
export async function timeReadQuery(
  server: LedgerServer,
  authorization: string,
  query: ReadQuery,
  requests: number,
): Promise<ReadQueryFigures> {
  const response = await fetch(`http://${server.host}:${server.port}${query.path}`, { headers: { authorization } });
  const body = await response.text();
  if (response.status !== 200) throw new Error(`${query.name}: GET ${query.path} → ${response.status} ${body.slice(0, 300)}`);
  const alternate: PlannedRequest[] = [
    { label: 'live', method: 'GET', path: '/health/live' },
    { label: 'query', method: 'GET', path: query.path, headers: { authorization } },
  ];
  const load = (maxRequests: number) =>
    runLoad({ host: server.host, port: server.port, clients: [alternate], maxRequests, maxDurationMs: 300_000 });
  await load(20);
  const result = await load(requests * 2);
  const measured = result['query']!;
  if (measured.errors > 0) throw new Error(`${query.name}: ${measured.errors} requests failed: ${measured.firstFailure}`);
  return { ...query, query: measured, live: result['live']!, responseBytes: Buffer.byteLength(body) };
}
