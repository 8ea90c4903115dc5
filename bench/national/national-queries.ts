import type { LedgerServer } from '../support/ledger-server';
import type { ReadQuery } from './read-queries.bench';

const EXPORT_ROUTE = '/api/v1/partnerships/{pid}/exports/action-plan.csv';

/**
 * The reads the issue names, for the largest partnership: the action plan as of a record-time
 * instant (halfway through the load) and as valid at a business date, the lineage of one source,
 * a timeline page, the changes between two dates, and the CSV export when that route exists.
 */
export async function readQueriesOf(
  server: LedgerServer,
  at: { readonly pid: string; readonly sourceId: string; readonly halfwayAt: Date },
): Promise<{ queries: ReadQuery[]; note: string | null }> {
  const base = `/api/v1/partnerships/${at.pid}`;
  const queries: ReadQuery[] = [
    { name: 'action plan asOf', path: `${base}/action-plan?asOf=${at.halfwayAt.toISOString()}`, targetP99Ms: 100 },
    { name: 'action plan validAt', path: `${base}/action-plan?validAt=2024-06-30T00:00:00Z`, targetP99Ms: 100 },
    { name: 'lineage of a source', path: `${base}/lineage?sourceId=${at.sourceId}`, targetP99Ms: 50 },
    { name: 'timeline page', path: `${base}/timeline?limit=100&types=ProgressUpdated,TargetDateRevised`, targetP99Ms: 50 },
    {
      name: 'changes between dates',
      path: `${base}/changes?from=2024-01-01T00:00:00Z&to=2024-03-31T00:00:00Z&time=business`,
      targetP99Ms: 50,
    },
  ];
  const docs = (await (await fetch(`http://${server.host}:${server.port}/api/docs-json`)).json()) as { paths?: Record<string, unknown> };
  if (!docs.paths || !(EXPORT_ROUTE in docs.paths)) {
    return { queries, note: `CSV export skipped: ${EXPORT_ROUTE} is not in this build's OpenAPI document` };
  }
  queries.push({ name: 'CSV export', path: `${base}/exports/action-plan.csv`, targetP99Ms: 1000 });
  return { queries, note: null };
}
