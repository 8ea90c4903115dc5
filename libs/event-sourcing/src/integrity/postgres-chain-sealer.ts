import type { Pool, PoolClient } from 'pg';
import type { EventStore } from '../core/event-store.port';
import type { ProjectionLogger } from '../projections/projection-daemon.types';
import { ProjectionLock } from '../projections/projection-lock';
import { WakeSignal } from '../projections/wake-signal';
import { LEDGER_CHAIN, readHeads } from './chain-sql';
import { headPosition, sealPage } from './seal-page';

export interface ChainSealerConfig {
  readonly pool: Pool;
  readonly store: EventStore;
  /** Events sealed per transaction (default 500). */
  readonly batchSize?: number;
  /** Polling fallback when no notification wakes the sealer (default 1000 ms). */
  readonly pollIntervalMs?: number;
  /** How often a standby sealer retries the lock (default 3000 ms). */
  readonly standbyRetryMs?: number;
  /** First wait after a failed batch; doubles up to 30 s (default 1000 ms). */
  readonly errorBackoffMs?: number;
  readonly logger?: ProjectionLogger;
}

export interface SealResult {
  readonly sealed: number;
  readonly checkpoint: string;
}

export interface SealerStatus {
  readonly role: 'stopped' | 'standby' | 'active';
  readonly checkpoint: string | null;
  readonly lastError: string | null;
}

/** Another session holds the sealer's advisory lock. */
export class SealerLocked extends Error {
  constructor() {
    super('cannot seal: another process holds the chain sealer’s lock (it is sealing)');
    this.name = 'SealerLocked';
  }
}

/** The lock name (advisory key `hashtext('projection:event-chain-sealer')`). */
export const SEALER_LOCK_NAME = 'event-chain-sealer';
const MAX_BACKOFF_MS = 30_000;

/**
 * Seals the log into the hash chain after commit (ADR 7): a checkpointed daemon walking
 * `store.readAll` (commit-safe order) under its own advisory lock, like a projection. Each page's
 * links, heads and checkpoint are written in one transaction on the locked session, so appends
 * stay one round trip and are never serialised. Several processes may run it; one seals.
 */
export class PostgresChainSealer {
  private readonly settings: Required<Omit<ChainSealerConfig, 'pool' | 'store'>>;
  private lock: ProjectionLock | null = null;
  private checkpoint: string | null = null;
  private loopDone: Promise<void> | null = null;
  private unsubscribe: (() => Promise<void>) | null = null;
  private stopping = false;
  private wake = new WakeSignal();
  private interrupt = new WakeSignal();
  private queue: Promise<unknown> = Promise.resolve();
  private role: SealerStatus['role'] = 'stopped';
  private lastError: string | null = null;

  constructor(private readonly config: ChainSealerConfig) {
    this.settings = {
      batchSize: config.batchSize ?? 500,
      pollIntervalMs: config.pollIntervalMs ?? 1000,
      standbyRetryMs: config.standbyRetryMs ?? 3000,
      errorBackoffMs: config.errorBackoffMs ?? 1000,
      logger: config.logger ?? console,
    };
  }

  /** Starts sealing in the background, woken by the store's notifications and by polling. */
  async start(): Promise<void> {
    if (this.loopDone) return;
    this.stopping = false;
    this.wake = new WakeSignal();
    this.interrupt = new WakeSignal();
    this.unsubscribe = await this.config.store.subscribe(() => this.wake.notify());
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
    const unsubscribe = this.unsubscribe;
    this.unsubscribe = null;
    await unsubscribe?.();
    await this.exclusive(() => this.release());
  }

  /**
   * Seals everything committed now (CLI, tests); throws SealerLocked if another process seals.
   * Gives up after `hiddenTimeoutMs` without progress when committed events stay hidden from the
   * commit-safe cursor (an open transaction, or a row forged with a future transaction id).
   */
  sealUntilCaughtUp(hiddenTimeoutMs = 30_000): Promise<SealResult> {
    return this.exclusive(async () => {
      if (!(await this.acquire())) throw new SealerLocked();
      return this.withSession(async (session) => {
        const head = await headPosition(session);
        let sealed = 0;
        let deadline = Date.now() + hiddenTimeoutMs;
        for (;;) {
          const read = await this.step(session);
          sealed += read;
          if (read > 0) {
            deadline = Date.now() + hiddenTimeoutMs;
            continue;
          }
          if (head === null || this.config.store.covers(this.checkpoint ?? this.config.store.start, head)) {
            return { sealed, checkpoint: this.checkpoint ?? this.config.store.start };
          }
          if (Date.now() > deadline)
            throw new Error(
              `events up to ${head} are committed but stayed unreadable for ${hiddenTimeoutMs} ms; sealed through ${this.checkpoint}`,
            );
          // Committed, but an older transaction elsewhere still hides it from the commit-safe cursor.
          await new Promise((resolve) => setTimeout(resolve, 20));
        }
      });
    });
  }

  status(): SealerStatus {
    return { role: this.role, checkpoint: this.checkpoint, lastError: this.lastError };
  }

  private async loop(): Promise<void> {
    let backoff = this.settings.errorBackoffMs;
    while (!this.stopping) {
      try {
        if (!(await this.exclusive(() => this.acquire()))) {
          this.role = 'standby';
          await this.interrupt.wait(this.settings.standbyRetryMs);
          continue;
        }
        const read = await this.exclusive(() => this.withSession((session) => this.step(session)));
        backoff = this.settings.errorBackoffMs;
        if (read === 0) await this.wake.wait(this.settings.pollIntervalMs);
      } catch (error) {
        this.settings.logger.error(`chain sealer failed; retrying in ${backoff} ms: ${String(error)}`, (error as Error).stack);
        await this.interrupt.wait(backoff);
        backoff = Math.min(backoff * 2, MAX_BACKOFF_MS);
      }
    }
  }

  /** Seals one page; the number of events sealed (0 = caught up). */
  private async step(session: PoolClient): Promise<number> {
    const result = await sealPage(session, this.config.store, this.checkpoint ?? this.config.store.start, this.settings.batchSize);
    if (!result) return 0;
    this.checkpoint = result.checkpoint;
    this.lastError = null;
    return result.sealed;
  }

  /** Runs work on the locked session; on failure drops the session (and so the lock). */
  private async withSession<T>(work: (session: PoolClient) => Promise<T>): Promise<T> {
    const session = this.lock?.client;
    if (!session) throw new Error('the chain sealer does not hold its lock');
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

  private async acquire(): Promise<boolean> {
    if (this.lock) return true;
    const lock = await ProjectionLock.tryAcquire(this.config.pool, SEALER_LOCK_NAME, this.settings.logger);
    if (!lock) return false;
    try {
      const heads = await readHeads(lock.client, [LEDGER_CHAIN]);
      this.checkpoint = heads.get(LEDGER_CHAIN)?.checkpoint ?? this.config.store.start;
    } catch (error) {
      lock.discard(error);
      throw error;
    }
    this.lock = lock;
    this.role = 'active';
    this.settings.logger.log(`chain sealer is active from ${this.checkpoint}`);
    return true;
  }

  private async release(): Promise<void> {
    const lock = this.lock;
    this.lock = null;
    this.role = this.loopDone ? 'standby' : 'stopped';
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
