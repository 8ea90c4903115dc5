import { deterministicUuid } from '@ledger/event-sourcing';

/**
 * A small deterministic random source (mulberry32): the same seed always gives the same national
 * store, so two runs of the benchmark measure the same data.
 */
export class SeededRandom {
  private state: number;
  private ids = 0;

  constructor(
    private readonly seed: string,
    salt: string,
  ) {
    let hash = 2166136261;
    for (const char of `${seed}|${salt}`) hash = Math.imul(hash ^ char.charCodeAt(0), 16777619);
    this.state = hash >>> 0;
  }

  /** A float in [0, 1). */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** An integer in [min, max]. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  chance(probability: number): boolean {
    return this.next() < probability;
  }

  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)]!;
  }

  /** `count` distinct items (or all of them when there are fewer). */
  sample<T>(items: readonly T[], count: number): T[] {
    const pool = [...items];
    const chosen: T[] = [];
    while (chosen.length < count && pool.length > 0) chosen.push(pool.splice(Math.floor(this.next() * pool.length), 1)[0]!);
    return chosen;
  }

  /** A UUID derived from the seed and a running counter: deterministic, never random. */
  uuid(kind: string): string {
    return deterministicUuid(`${this.seed}|${kind}|${this.ids++}|${this.state}`);
  }
}

export const DAY_MS = 86_400_000;

/** `YYYY-MM-DD` of an instant (UTC). */
export const isoDate = (at: number): string => new Date(at).toISOString().slice(0, 10);

/**
 * How long after it happened a command is typed in: mostly at once (under the 5-minute
 * back-dating threshold), sometimes weeks later from a meeting's minutes (back-dated, with a reason).
 */
export function entryLag(random: SeededRandom): number {
  return random.chance(0.12) ? random.int(1, 40) * DAY_MS : random.int(0, 240) * 1000;
}
