import { Pool } from 'pg';
import { PostgresEventStore } from '@ledger/event-sourcing';
import { partnershipHistory } from './partnership-story';
import { SeededRandom } from './seeded-random';

export const PARTNERSHIPS = 131;

export interface GenerationOptions {
  readonly events: number;
  readonly seed: string;
  readonly writers: number;
  readonly log: (line: string) => void;
}

export interface GenerationResult {
  readonly partnerships: number;
  readonly events: number;
  readonly appends: number;
  /** Commands the deciders refused while the histories were written (dropped, never stored). */
  readonly refusedCommands: number;
  readonly seconds: number;
  readonly eventsPerSecond: number;
  /** The partnership given the largest share: the one the read benchmarks ask about. */
  readonly largest: { readonly partnershipId: string; readonly events: number };
  /** A record-time instant when about half the store had been written, for asOf queries. */
  readonly halfwayAt: Date;
}

/**
 * Partnerships differ in size (1 : 4 between the smallest and the largest share); partnership 0
 * is given the largest, so the read benchmarks have a known worst case.
 */
export function budgets(total: number, seed: string): number[] {
  const random = new SeededRandom(seed, 'sizes');
  const weights = Array.from({ length: PARTNERSHIPS }, (_, index) => (index === 0 ? 2.5 : 0.6 + 1.4 * random.next()));
  const sum = weights.reduce((a, b) => a + b, 0);
  return weights.map((weight) => Math.round((total * weight) / sum));
}

/**
 * Builds the national store: 131 partnership histories appended through PostgresEventStore by
 * `writers` concurrent writers, each taking the next partnership and appending its streams'
 * multi-event batches in the order they were typed in. Histories are built one at a time per
 * writer, so memory holds at most `writers` partnerships.
 */
export async function generateNationalStore(databaseUrl: string, options: GenerationOptions): Promise<GenerationResult> {
  const pool = new Pool({ connectionString: databaseUrl, max: options.writers + 1 });
  pool.on('error', (error) => console.warn(`generator pool: an idle connection failed: ${error.message}`));
  const store = new PostgresEventStore(pool);
  const shares = budgets(options.events, options.seed);
  let next = 0;
  let events = 0;
  let appends = 0;
  let refusedCommands = 0;
  let largest = { partnershipId: '', events: 0 };
  let halfwayAt: Date | null = null;
  const started = performance.now();
  const progress = setInterval(() => {
    const seconds = (performance.now() - started) / 1000;
    options.log(
      `  ${events} events, ${Math.min(next, PARTNERSHIPS)}/${PARTNERSHIPS} partnerships started, ${Math.round(events / seconds)} events/s`,
    );
  }, 10_000);
  try {
    await Promise.all(
      Array.from({ length: options.writers }, async () => {
        for (let index = next++; index < PARTNERSHIPS; index = next++) {
          const history = partnershipHistory(options.seed, index, shares[index]!);
          refusedCommands += history.refused;
          if (index === 0) largest = { partnershipId: history.partnershipId, events: history.events };
          for (const append of history.appends) {
            await store.appendToStream(
              append.streamId,
              append.expectedVersion === 0 ? 'no-stream' : BigInt(append.expectedVersion),
              append.events,
            );
            events += append.events.length;
            appends++;
            if (halfwayAt === null && events >= options.events / 2) halfwayAt = new Date();
          }
        }
      }),
    );
  } finally {
    clearInterval(progress);
    await pool.end();
  }
  const seconds = (performance.now() - started) / 1000;
  return {
    partnerships: PARTNERSHIPS,
    events,
    appends,
    refusedCommands,
    seconds,
    eventsPerSecond: events / seconds,
    largest,
    halfwayAt: halfwayAt ?? new Date(),
  };
}
