import { loadConfig } from '../../apps/api/src/config/ledger-config';
import { startRuntime } from '../../apps/api/src/composition/ledger-runtime';
import { withPeakRss } from './rss-sampler';

export interface RebuildFigures {
  readonly events: number;
  /** Wall time to rebuild every read model. */
  readonly seconds: number;
  /** Events in the log ÷ wall time: how fast the whole read side is rebuilt. */
  readonly eventsPerSecond: number;
  /** Events the rebuild read (once for all projections). */
  readonly processed: number;
  readonly switched: readonly string[];
  readonly rssStartMb: number;
  readonly rssPeakMb: number;
  /** Sealing the hash chain over the store afterwards (so the server's sealer is idle while reads are timed). */
  readonly sealSeconds: number;
}

/**
 * Rebuilds every read model through the projection engine's public `rebuild()` (all projections
 * side by side, one pass over the log), sampling peak RSS. Then seals the hash chain.
 */
export async function benchmarkRebuild(databaseUrl: string, events: number, log: (line: string) => void): Promise<RebuildFigures> {
  const runtime = await startRuntime(loadConfig({ DATABASE_URL: databaseUrl, LOG_LEVEL: 'error', LEDGER_JWT_SECRET: 'bench' }), {
    runProjections: false,
  });
  try {
    const names = runtime.engine.projectionNames;
    const started = performance.now();
    // No names: every projection, side by side, in one pass over the log.
    const { result, startMb, peakMb } = await withPeakRss(() => runtime.engine.rebuild(undefined, { total: events }));
    const seconds = (performance.now() - started) / 1000;
    log(
      `  rebuilt ${names.join(', ')} in ${seconds.toFixed(1)} s (${result.processed} events read); RSS ${startMb.toFixed(0)} → peak ${peakMb.toFixed(0)} MB`,
    );
    const sealStarted = performance.now();
    await runtime.sealer.sealUntilCaughtUp();
    const sealSeconds = (performance.now() - sealStarted) / 1000;
    log(`  sealed the hash chain in ${sealSeconds.toFixed(1)} s`);
    return {
      events,
      seconds,
      eventsPerSecond: events / seconds,
      processed: result.processed,
      switched: result.switched.map((switched) => switched.name),
      rssStartMb: startMb,
      rssPeakMb: peakMb,
      sealSeconds,
    };
  } finally {
    await runtime.close();
  }
}
