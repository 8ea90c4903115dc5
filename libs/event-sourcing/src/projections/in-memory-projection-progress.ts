import type { ProjectionProgress } from '../application/command-context';
import type { EventStore } from '../core/event-store.port';
import { CheckpointTracker } from './checkpoint-tracker';
import type { CheckpointListener, CheckpointSource } from './projection-daemon.types';

/** For unit tests that have no read models to wait for: every position is already readable. */
export class ImmediateProjectionProgress implements ProjectionProgress {
  waitFor(): Promise<void> {
    return Promise.resolve();
  }
}

/**
 * Read-your-writes fed in-process only: by `observe(name, checkpoint)` or by a followed
 * CheckpointSource. For tests of code that waits, and for an in-memory projection runner.
 */
export class InMemoryProjectionProgress implements ProjectionProgress, CheckpointSource {
  private readonly tracker: CheckpointTracker;
  private readonly listeners = new Set<CheckpointListener>();

  constructor(
    projectionNames: readonly string[],
    store: Pick<EventStore, 'covers' | 'start'>,
    private readonly timeoutMs = 5000,
  ) {
    this.tracker = new CheckpointTracker(projectionNames, store);
  }

  observe(name: string, checkpoint: string): void {
    this.tracker.observe(name, checkpoint);
    for (const listener of this.listeners) listener(name, checkpoint);
  }

  follow(source: CheckpointSource): () => void {
    return source.onCheckpoint((name, checkpoint) => this.observe(name, checkpoint));
  }

  onCheckpoint(listener: CheckpointListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  waitFor(position: string, timeoutMs = this.timeoutMs): Promise<void> {
    return this.tracker.wait(position, timeoutMs);
  }
}
