import { benchmarkRebuild, type RebuildFigures } from './rebuild.bench';
import { sequentialRead, type SequentialRead } from './sequential-read.bench';

export interface RebuildPhase {
  readonly rebuild: RebuildFigures;
  /** The better of the two sequential reads, before and after the rebuild (noise only slows). */
  readonly read: SequentialRead;
  readonly reads: { readonly before: SequentialRead; readonly after: SequentialRead };
}

/** The rebuild of every read model, between two plain sequential reads of the events table. */
export async function rebuildPhase(databaseUrl: string, events: number, log: (line: string) => void): Promise<RebuildPhase> {
  log('2. rebuild of every read model vs a sequential read of the events table');
  const before = await sequentialRead(databaseUrl);
  const rebuild = await benchmarkRebuild(databaseUrl, events, log);
  const after = await sequentialRead(databaseUrl);
  log(`  sequential read: ${Math.round(before.eventsPerSecond)} and ${Math.round(after.eventsPerSecond)} events/s (best counts)`);
  return { rebuild, read: before.eventsPerSecond >= after.eventsPerSecond ? before : after, reads: { before, after } };
}
