import { foldProjection } from '@ledger/event-sourcing';
import { actionPlanRecords, actionPlanRows, actionsProjection, recommendationsProjection, sourcesProjection } from '@ledger/learning';
import { agenciesOf, partnershipsProjection } from '@ledger/partnership';
import { EventLog } from '../../apps/api/src/time-travel/event-log';
import type { Instants } from '../../apps/api/src/time-travel/instants';
import { figures, type RunFigures } from '../support/stats';

/**
 * The as-of action plan as it was computed before the log cache (the "before" of the same data):
 * every request reads all of the partnership's events from PostgreSQL and folds them through the
 * projections' shared fold. In-process, no HTTP, so it is a floor for the old HTTP figure.
 */
export async function timeUncachedPlan(
  dataSource: ConstructorParameters<typeof EventLog>[0],
  partnershipId: string,
  at: Instants,
  runs: number,
): Promise<RunFigures> {
  const log = new EventLog(dataSource);
  const now = at.validAt ?? at.asOf ?? new Date();
  const latencies: number[] = [];
  const started = performance.now();
  for (let run = 0; run < runs; run++) {
    const begin = performance.now();
    const events = await log.partnershipEvents(partnershipId, at);
    const actions = foldProjection(actionsProjection, events);
    const records = actionPlanRecords(
      {
        actions: actions.values(),
        recommendations: foldProjection(recommendationsProjection, events),
        sources: foldProjection(sourcesProjection, events),
      },
      {},
      now,
    );
    const rows = actionPlanRows(records, now, agenciesOf(foldProjection(partnershipsProjection, events).get(partnershipId) ?? null));
    JSON.stringify(rows);
    latencies.push(performance.now() - begin);
  }
  return figures(latencies, 0, performance.now() - started);
}
