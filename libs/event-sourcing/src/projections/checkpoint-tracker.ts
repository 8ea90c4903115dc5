import type { EventStore } from '../core/event-store.port';

/** A read-your-writes wait ran out of time. */
export class ProjectionWaitTimeout extends Error {
  constructor(
    readonly position: string,
    readonly lagging: readonly string[],
    timeoutMs: number,
  ) {
    super(`read models did not reach position ${position} within ${timeoutMs} ms (lagging: ${lagging.join(', ')})`);
    this.name = 'ProjectionWaitTimeout';
  }
}

interface Waiter {
  readonly position: string;
  readonly resolve: () => void;
}

/**
 * The latest known checkpoint of each projection, and the waiters for a position. Only ever fed
 * with committed checkpoints, so a resolved wait is never early (it may be late, never wrong).
 */
export class CheckpointTracker {
  private readonly checkpoints = new Map<string, string>();
  private waiters: Waiter[] = [];

  constructor(
    readonly names: readonly string[],
    private readonly store: Pick<EventStore, 'covers' | 'start'>,
  ) {}

  get waiting(): boolean {
    return this.waiters.length > 0;
  }

  has(name: string): boolean {
    return this.checkpoints.has(name);
  }

  checkpointOf(name: string): string | undefined {
    return this.checkpoints.get(name);
  }

  /**
   * Records a committed checkpoint. Checkpoints only move forward — the sources (this process's
   * engine, NOTIFY, the table) report at different times, and the table may lag for a projection
   * that skipped saving over events it ignores — except back to the start, which is a rebuild.
   */
  observe(name: string, checkpoint: string): void {
    if (!this.names.includes(name)) return;
    const known = this.checkpoints.get(name);
    const isRebuild = checkpoint === this.store.start;
    if (known !== undefined && !isRebuild && this.store.covers(known, checkpoint)) return;
    this.checkpoints.set(name, checkpoint);
    if (this.waiters.length === 0) return;
    const still: Waiter[] = [];
    for (const waiter of this.waiters) {
      if (this.covered(waiter.position)) waiter.resolve();
      else still.push(waiter);
    }
    this.waiters = still;
  }

  /** The projections whose checkpoint does not yet cover `position`. */
  lagging(position: string): string[] {
    return this.names.filter((name) => {
      const checkpoint = this.checkpoints.get(name);
      return checkpoint === undefined || !this.store.covers(checkpoint, position);
    });
  }

  covered(position: string): boolean {
    return this.lagging(position).length === 0;
  }

  /** Resolves once every projection covers `position`; rejects with ProjectionWaitTimeout. */
  wait(position: string, timeoutMs: number): Promise<void> {
    if (this.covered(position)) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const waiter: Waiter = {
        position,
        resolve: () => {
          clearTimeout(timer);
          resolve();
        },
      };
      const timer = setTimeout(() => {
        this.waiters = this.waiters.filter((other) => other !== waiter);
        reject(new ProjectionWaitTimeout(position, this.lagging(position), timeoutMs));
      }, timeoutMs);
      this.waiters.push(waiter);
    });
  }
}
