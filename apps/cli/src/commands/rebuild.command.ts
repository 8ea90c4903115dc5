import { SingleBar, Presets } from 'cli-progress';
import { loadConfig } from '../../../api/src/config/ledger-config';
import { startRuntime } from '../../../api/src/composition/ledger-runtime';

/** Rebuilds read models from zero under each projection's advisory lock, drawing a progress bar. */
export async function runRebuild(projection?: string): Promise<void> {
  const runtime = await startRuntime(loadConfig(), { runProjections: false });
  try {
    const names = runtime.engine.projectionNames;
    const targets = projection ? [projection] : names;
    const unknown = targets.filter((name) => !names.includes(name));
    if (unknown.length > 0) throw new Error(`unknown projection ${unknown.join(', ')}; known: ${names.join(', ')}`);
    for (const name of targets) {
      const bar = new SingleBar(
        { format: `${name.padEnd(16)} [{bar}] {value}/{total} events | {rate} events/s | ETA {eta}s` },
        Presets.shades_classic,
      );
      bar.start(1, 0, { rate: 0 });
      const { rows } = await runtime.pool.query<{ count: string }>('SELECT count(*) FROM events');
      const total = Number(rows[0]?.count ?? 0);
      bar.setTotal(Math.max(total, 1));
      const result = await runtime.engine.rebuild(name, {
        total,
        onProgress: ({ processed, eventsPerSecond }) => bar.update(processed, { rate: Math.round(eventsPerSecond) }),
      });
      bar.update(result.processed);
      bar.stop();
      console.log(`${name}: ${result.processed} events in ${result.seconds.toFixed(1)} s`);
    }
  } finally {
    await runtime.close();
  }
}
