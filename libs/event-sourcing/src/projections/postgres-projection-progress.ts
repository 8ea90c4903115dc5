import { Client, type Notification, type Pool } from 'pg';
import type { ProjectionProgress } from '../application/command-context';
import type { EventStore } from '../core/event-store.port';
import { CheckpointTracker } from './checkpoint-tracker';
import type { CheckpointSource, ProjectionLogger } from './projection-daemon.types';
import { CHECKPOINT_CHANNEL } from './projection-sql';

export interface PostgresProjectionProgressConfig {
  readonly pool: Pool;
  readonly store: Pick<EventStore, 'covers' | 'start'>;
  /** Names of the projections a write must reach before `waitFor` resolves. */
  readonly projections: readonly string[];
  /** The engine in this process, if any: its checkpoints arrive without waiting for NOTIFY. */
  readonly engine?: CheckpointSource;
  /** How long `waitFor` waits before rejecting with ProjectionWaitTimeout (default 5000 ms). */
  readonly timeoutMs?: number;
  /** Fallback re-read of projection_checkpoints while anyone waits (default 200 ms). */
  readonly pollIntervalMs?: number;
  readonly logger?: ProjectionLogger;
}

/**
 * Read-your-writes over PostgreSQL: `waitFor(position)` resolves once every named projection's
 * committed checkpoint covers `position`. Checkpoints arrive three ways: from a local engine
 * (`follow`), from LISTEN ledger_checkpoints on a dedicated connection (projector in another process),
 * and from re-reading projection_checkpoints every `pollIntervalMs` while anyone waits.
 */
export class PostgresProjectionProgress implements ProjectionProgress {
  private readonly tracker: CheckpointTracker;
  private readonly timeoutMs: number;
  private readonly pollIntervalMs: number;
  private readonly logger: ProjectionLogger;
  private listener: Client | null = null;
  private connecting: Promise<void> | null = null;
  private poller: NodeJS.Timeout | null = null;
  private readonly unfollows: (() => void)[] = [];
  private stopped = false;

  private readonly pool: Pool;

  constructor(config: PostgresProjectionProgressConfig) {
    this.pool = config.pool;
    this.tracker = new CheckpointTracker(config.projections, config.store);
    this.timeoutMs = config.timeoutMs ?? 5000;
    this.pollIntervalMs = config.pollIntervalMs ?? 200;
    this.logger = config.logger ?? console;
    if (config.engine) this.follow(config.engine);
  }

  /** LISTENs and reads the current checkpoints. Optional: `waitFor` starts it on first use. */
  start(): Promise<void> {
    this.stopped = false;
    if (this.listener) return Promise.resolve();
    this.connecting ??= this.listen().finally(() => (this.connecting = null));
    return this.connecting;
  }

  async stop(): Promise<void> {
    this.stopped = true;
    this.stopPolling();
    for (const unfollow of this.unfollows.splice(0)) unfollow();
    await this.connecting;
    const listener = this.listener;
    this.listener = null;
    if (!listener) return;
    listener.removeAllListeners('notification');
    await listener.end().catch(() => undefined);
  }

  /** Takes checkpoints straight from an engine in this process, without waiting for NOTIFY. */
  follow(source: CheckpointSource): void {
    this.unfollows.push(source.onCheckpoint((name, checkpoint) => this.tracker.observe(name, checkpoint)));
  }

  observe(name: string, checkpoint: string): void {
    this.tracker.observe(name, checkpoint);
  }

  /** Re-reads the committed checkpoints. */
  async refresh(): Promise<void> {
    const result = await this.pool.query<{ name: string; checkpoint: string }>(
      'SELECT name, checkpoint FROM projection_checkpoints WHERE name = ANY($1::text[])',
      [this.tracker.names],
    );
    for (const row of result.rows) this.tracker.observe(row.name, row.checkpoint);
  }

  async waitFor(position: string, timeoutMs = this.timeoutMs): Promise<void> {
    if (this.tracker.covered(position)) return;
    await this.start();
    const waiting = this.tracker.wait(position, timeoutMs);
    this.startPolling();
    try {
      await waiting;
    } finally {
      if (!this.tracker.waiting) this.stopPolling();
    }
  }

  private async listen(): Promise<void> {
    // A connection of its own, not a pooled one: it is held for the process's life.
    const client = new Client({ ...this.pool.options, application_name: 'ledger-progress' });
    client.on('error', (error) => this.dropListener(client, error));
    client.on('notification', (message: Notification) => this.onNotification(message));
    try {
      await client.connect();
      await client.query(`LISTEN ${CHECKPOINT_CHANNEL}`);
      this.listener = client;
    } catch (error) {
      await client.end().catch(() => undefined);
      this.logger.warn(`projection progress cannot LISTEN (polling instead): ${String(error)}`);
    }
    await this.refresh().catch((error: unknown) => this.logger.warn(`projection progress cannot read checkpoints: ${String(error)}`));
  }

  private onNotification(message: Notification): void {
    if (message.channel !== CHECKPOINT_CHANNEL || !message.payload) return;
    const bar = message.payload.indexOf('|');
    if (bar > 0) this.tracker.observe(message.payload.slice(0, bar), message.payload.slice(bar + 1));
  }

  /** Notifications are lost until the next `waitFor` listens again; polling covers the gap. */
  private dropListener(client: Client, error: Error): void {
    this.logger.warn(`projection progress lost its LISTEN connection: ${String(error)}`);
    if (this.listener === client) this.listener = null;
    client.end().catch(() => undefined);
  }

  private startPolling(): void {
    if (this.poller || this.stopped) return;
    this.poller = setInterval(() => {
      this.refresh().catch((error: unknown) => this.logger.warn(`projection progress cannot read checkpoints: ${String(error)}`));
    }, this.pollIntervalMs);
  }

  private stopPolling(): void {
    if (this.poller) clearInterval(this.poller);
    this.poller = null;
  }
}
