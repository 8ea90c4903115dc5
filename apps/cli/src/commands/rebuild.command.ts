import { loadConfig, type LedgerConfig } from '../../../api/src/config/ledger-config';
import { startRuntime } from '../../../api/src/composition/ledger-runtime';
import { progressSink, type CommandOutput } from './rebuild-progress';

export interface RebuildCommandOptions {
  /** Defaults to the environment (loadConfig). */
  readonly config?: LedgerConfig;
  readonly out?: CommandOutput;
}

/**
 * `ledger rebuild [projection]`: rebuilds one read model (or all, in one pass over the log) side by
 * side while the API and projectors keep serving and updating the live ones, then switches each in
 * one transaction (ADR 0008). Draws a progress bar (events done/total, events/s, ETA).
 */
export async function runRebuild(projection?: string, options: RebuildCommandOptions = {}): Promise<void> {
  const out = options.out ?? process.stdout;
  const runtime = await startRuntime(options.config ?? loadConfig(), { runProjections: false });
  try {
    const names = projection ? [projection] : [...runtime.engine.projectionNames];
    const unknown = names.filter((name) => !runtime.engine.projectionNames.includes(name));
    if (unknown.length > 0)
      throw new Error(`unknown projection ${unknown.join(', ')}; known: ${runtime.engine.projectionNames.join(', ')}`);
    const { rows } = await runtime.pool.query<{ count: string }>('SELECT count(*) FROM events');
    const total = Number(rows[0]?.count ?? 0);
    const sink = progressSink(projection ?? 'all read models', total, out);
    let result;
    try {
      result = await runtime.engine.rebuild(names, {
        total,
        onProgress: ({ processed, eventsPerSecond }) => sink.update(processed, eventsPerSecond),
      });
    } finally {
      sink.stop();
    }
    for (const switched of result.switched)
      out.write(`${switched.name}: generation ${switched.generation} (version ${switched.version}) is live at ${switched.checkpoint}\n`);
    const rate = result.seconds > 0 ? Math.round(result.processed / result.seconds) : result.processed;
    out.write(
      `rebuilt ${result.switched.length} read model(s) from ${result.processed} events in ${result.seconds.toFixed(1)} s (${rate} events/s)\n`,
    );
  } finally {
    await runtime.close();
  }
}
