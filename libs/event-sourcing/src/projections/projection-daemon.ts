import type { Pool, PoolClient } from 'pg';
import type { EventStore } from '../core/event-store.port';
import type { AnyDocumentProjection } from './document-changes';
import { applyPage } from './projection-batch';
import type { ProjectionLogger, ProjectionRole, ProjectionStatus } from './projection-daemon.types';
import { ProjectionLocked } from './projection-daemon.types';
import { ProjectionLock } from './projection-lock';
import { announceCheckpoint, readCheckpoint } from './projection-sql';
import { WakeSignal } from './wake-signal';

export interface DaemonSettings {
  readonly batchSize: number;
  readonly pollIntervalMs: number;
  readonly standbyRetryMs: number;
  readonly errorBackoffMs: number;
  readonly logger: ProjectionLogger;
}

const MAX_BACKOFF_MS = 30_000;
/** First re-read when committed events are held back by an older transaction; doubles to the poll interval. */
const HELD_BACK_FIRST_WAIT_MS = 5;
/** A checkpoint that moved over events this projection ignores is saved at most this often. */
const IDLE_CHECKPOINT_EVERY_MS = 1_000;

/**
 * Applies one projection. It holds the projection's session-level advisory lock on a dedicated
 * pooled client and runs every batch transaction on that same session, so nothing is ever applied
 * without the lock: if the connection dies, the lock and the open transaction die with it.
 * Work on the session (loop steps, catch-up) is serialised by `exclusive`. Rebuilds run beside it
 * (side-by-side-rebuild.ts).
 */
export class ProjectionDaemon {
  private lock: ProjectionLock | null = null;
  private checkpoint: string | null = null;
  /** When this projection last wrote its checkpoint (performance.now()). */
  private persistedAt = 0;
  private loopDone: Promise<void> | null = null;
  private stopping = false;
  private wake = new WakeSignal();
  private interrupt = new WakeSignal();
  private queue: Promise<unknown> = Promise.resolve();
  private role: ProjectionRole = 'stopped';
  private lastError: string | null = null;
  private storedVersion: number | null = null;
  /** The NOTIFY of the last checkpoint, on the session (see `step`). */
  private announcing: Promise<void> = Promise.resolve();

  constructor(
    readonly projection: AnyDocumentProjection,
    private readonly pool: Pool,
    private readonly store: EventStore,
    private readonly settings: DaemonSettings,
    private readonly announce: (name: string, checkpoint: string) => void,
  ) {}

  start(): void {
    if (this.loopDone) return;
    this.stopping = false;
    this.wake = new WakeSignal();
    this.interrupt = new WakeSignal();
    this.role = 'standby';
    this.loopDone = this.loop();
  }

  /** Finishes the current batch, releases the lock and the client. */
  async stop(): Promise<void> {
    this.stopping = true;
    this.wake.notify();
    this.interrupt.notify();
    await this.loopDone;
    this.loopDone = null;
    await this.exclusive(() => this.release());
  }

  /** New events may be readable. */
  nudge(): void {
    this.wake.notify();
  }

  /** Applies everything readable now; throws ProjectionLocked if another process applies it. */
  catchUp(): Promise<number> {
    return this.exclusive(async () => {
      if (!(await this.acquire())) throw new ProjectionLocked(this.projection.name, 'catch up');
      return this.withSession(async () => {
        const head = await this.store.head();
        let processed = 0;
        for (;;) {
          const read = await this.step();
          processed += read;
          if (read > 0) continue;
          if (this.covers(head)) return processed;
          // Events up to the head are committed, but an older transaction elsewhere on the server
          // still hides them from the commit-safe cursor: wait for it to end, then read on.
          await new Promise((resolve) => setTimeout(resolve, 20));
        }
      });
    });
  }

  /** A side-by-side rebuild switched this projection's read model to a new generation. */
  switched(version: number): void {
    this.storedVersion = version;
  }

  status(): ProjectionStatus {
    const { name, version } = this.projection;
    return { name, version, storedVersion: this.storedVersion, role: this.role, checkpoint: this.checkpoint, lastError: this.lastError };
  }

  private async loop(): Promise<void> {
    let backoff = this.settings.errorBackoffMs;
    let heldBackWait = HELD_BACK_FIRST_WAIT_MS;
    while (!this.stopping) {
      try {
        if (!(await this.exclusive(() => this.acquire()))) {
          this.role = 'standby';
          await this.interrupt.wait(this.settings.standbyRetryMs);
          continue;
        }
        const read = await this.exclusive(() => this.withSession(() => this.step()));
        backoff = this.settings.errorBackoffMs;
        if (read > 0) {
          heldBackWait = HELD_BACK_FIRST_WAIT_MS;
          continue;
        }
        // Nothing readable. If committed events exist beyond the checkpoint, an older transaction
        // elsewhere holds them back from the commit-safe cursor, and its commit may wake nobody:
        // look again soon rather than at the next poll.
        const head = await this.store.head();
        if (!this.covers(head)) {
          await this.wake.wait(heldBackWait);
          heldBackWait = Math.min(heldBackWait * 2, this.settings.pollIntervalMs);
        } else {
          await this.wake.wait(this.settings.pollIntervalMs);
        }
      } catch (error) {
        this.settings.logger.error(
          `projection ${this.projection.name} failed; retrying in ${backoff} ms: ${String(error)}`,
          (error as Error).stack,
        );
        await this.interrupt.wait(backoff);
        backoff = Math.min(backoff * 2, MAX_BACKOFF_MS);
      }
    }
  }

  /** Reads one page and applies it; the number of events read (0 = caught up). */
  private async step(): Promise<number> {
    const session = this.lock?.client;
    if (!session) throw new Error(`projection ${this.projection.name} does not hold its lock`);
    const after = this.checkpoint ?? this.store.start;
    const page = await this.store.readAll({ after, limit: this.settings.batchSize });
    if (page.events.length === 0 && page.checkpoint === after) return 0;
    const persistIdle = performance.now() - this.persistedAt > IDLE_CHECKPOINT_EVERY_MS;
    await this.announcing;
    if (await applyPage(session, this.store, this.projection, page, persistIdle)) this.persistedAt = performance.now();
    this.saved(page.checkpoint);
    // Other processes learn the checkpoint by NOTIFY; this process already has (`saved`). The loop
    // reads on meanwhile; the next use of the session waits for it, so at most one is in flight.
    this.announcing = announceCheckpoint(session, this.projection.name, page.checkpoint).catch((error: unknown) =>
      this.settings.logger.warn(`projection ${this.projection.name} could not announce its checkpoint: ${String(error)}`),
    );
    this.lastError = null;
    return page.events.length;
  }

  private saved(checkpoint: string): void {
    this.checkpoint = checkpoint;
    this.announce(this.projection.name, checkpoint);
  }

  /** Whether this projection has read past `position` (null: the log was empty, nothing to read). */
  private covers(position: string | null): boolean {
    return position === null || this.store.covers(this.checkpoint ?? this.store.start, position);
  }

  /** Runs work on the locked session; on failure drops the session (and so the lock). */
  private async withSession<T>(work: (session: PoolClient) => Promise<T>): Promise<T> {
    const session = this.lock?.client;
    if (!session) throw new Error(`projection ${this.projection.name} does not hold its lock`);
    try {
      return await work(session);
    } catch (error) {
      this.lastError = String(error);
      this.discard(error);
      throw error;
    } finally {
      if (!this.loopDone && this.lock) await this.release();
    }
  }

  /** Takes the lock if this process does not hold it yet; false when another session does. */
  private async acquire(): Promise<boolean> {
    if (this.lock) return true;
    const lock = await ProjectionLock.tryAcquire(this.pool, this.projection.name, this.settings.logger);
    if (!lock) return false;
    try {
      const stored = await readCheckpoint(lock.client, this.projection.name);
      this.checkpoint = stored?.checkpoint ?? this.store.start;
      this.storedVersion = stored?.version ?? this.projection.version;
    } catch (error) {
      lock.discard(error);
      throw error;
    }
    this.lock = lock;
    this.role = 'active';
    const { name, version } = this.projection;
    this.settings.logger.log(`projection ${name} is active from ${this.checkpoint}`);
    if (this.storedVersion !== version)
      this.settings.logger.warn(
        `projection ${name} was built by version ${this.storedVersion}, the code is version ${version}: rebuild it`,
      );
    return true;
  }

  private async release(): Promise<void> {
    const lock = this.lock;
    this.lock = null;
    this.role = this.loopDone ? 'standby' : 'stopped';
    await this.announcing;
    await lock?.release();
  }

  private discard(error: unknown): void {
    const lock = this.lock;
    this.lock = null;
    this.role = this.loopDone ? 'standby' : 'stopped';
    lock?.discard(error);
  }

  private exclusive<T>(work: () => Promise<T>): Promise<T> {
    const result = this.queue.then(work);
    this.queue = result.catch(() => undefined);
    return result;
  }
}
