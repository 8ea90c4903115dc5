import type { Pool } from 'pg';
import type { DataSource } from 'typeorm';
import { CommandExecutor, WakeSignal, type EventStore, type ProjectionLogger } from '@ledger/event-sourcing';
import { EvidenceRetention, EvidenceRetentionQueries, type RetentionRunOptions, type RetentionRunReport } from '@ledger/learning';

/** The job's advisory lock: one process in the whole deployment runs retention at a time. */
export const RETENTION_LOCK_NAME = 'ledger:evidence-retention';

export interface EvidenceRetentionJobConfig {
  readonly pool: Pool;
  readonly dataSource: DataSource;
  readonly store: EventStore;
  /** Milliseconds between scheduled runs; the first run comes after min(interval, 1 minute). */
  readonly intervalMs: number;
  readonly logger: ProjectionLogger;
  /** The clock of scheduled runs (the real time); `runOnce` takes `now` from its caller. */
  readonly clock?: () => Date;
}

/**
 * Runs evidence retention on a schedule wherever projections run (all-in-one and apps/projector),
 * and on demand (`ledger retention --run`). Each run holds a session-level advisory lock, so
 * instances take turns; a run that finds the lock taken skips. Disposals do not wait for the read
 * models (no read-your-writes: nobody is waiting on the answer).
 */
export class EvidenceRetentionJob {
  private readonly retention: EvidenceRetention;
  private readonly clock: () => Date;
  private stopping = false;
  private wake = new WakeSignal();
  private loopDone: Promise<void> | null = null;

  constructor(private readonly config: EvidenceRetentionJobConfig) {
    const executor = new CommandExecutor(config.store, { waitFor: () => Promise.resolve() });
    this.retention = new EvidenceRetention(executor, new EvidenceRetentionQueries(config.dataSource));
    this.clock = config.clock ?? (() => new Date());
  }

  /** One run at `now`, under the lock; null when another process holds it (it is running). */
  async runOnce(now: Date, options: RetentionRunOptions = {}): Promise<RetentionRunReport | null> {
    const client = await this.config.pool.connect();
    let locked = false;
    try {
      const { rows } = await client.query<{ locked: boolean }>('SELECT pg_try_advisory_lock(hashtext($1)) AS locked', [
        RETENTION_LOCK_NAME,
      ]);
      locked = rows[0]?.locked === true;
      if (!locked) return null;
      return await this.retention.run(now, options);
    } finally {
      if (locked) await client.query('SELECT pg_advisory_unlock(hashtext($1))', [RETENTION_LOCK_NAME]).catch(() => undefined);
      client.release();
    }
  }

  /** Starts the schedule in the background. */
  start(): void {
    if (this.loopDone) return;
    this.stopping = false;
    this.wake = new WakeSignal();
    this.loopDone = this.loop();
  }

  /** Lets a run in progress finish, then stops the schedule. */
  async stop(): Promise<void> {
    this.stopping = true;
    this.wake.notify();
    await this.loopDone;
    this.loopDone = null;
  }

  private async loop(): Promise<void> {
    await this.wake.wait(Math.min(this.config.intervalMs, 60_000));
    while (!this.stopping) {
      try {
        const report = await this.runOnce(this.clock());
        if (report && (report.disposed.length > 0 || report.refused.length > 0)) {
          this.config.logger.log(
            `evidence retention on ${report.today}: ${report.disposed.length} disposed, ${report.refused.length} refused`,
          );
        }
      } catch (error) {
        this.config.logger.error(`evidence retention run failed: ${String(error)}`, (error as Error).stack);
      }
      if (!this.stopping) await this.wake.wait(this.config.intervalMs);
    }
  }
}
