import { TimeTravelReader } from '../../apps/api/src/time-travel/time-travel.reader';
import type { Instants } from '../../apps/api/src/time-travel/instants';
import type { LedgerServer } from '../support/ledger-server';
import { figures, type RunFigures } from '../support/stats';

/**
 * The as-of action plan through the server's own TimeTravelReader (log cache, kept folds), called
 * in-process with no HTTP: what the controller computes, so HTTP and serialisation are the rest.
 */
export async function timeCachedPlan(server: LedgerServer, partnershipId: string, at: Instants, runs: number): Promise<RunFigures> {
  const reader = server.ledger.app.get(TimeTravelReader, { strict: false });
  const latencies: number[] = [];
  const started = performance.now();
  for (let run = 0; run < runs; run++) {
    const begin = performance.now();
    JSON.stringify((await reader.snapshot(partnershipId, at)).actionPlan({}));
    latencies.push(performance.now() - begin);
  }
  return figures(latencies, 0, performance.now() - started);
}
