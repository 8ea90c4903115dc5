import type { Pool } from 'pg';
import type { EventStore } from '../core/event-store.port';
import type { AnyDocumentProjection } from './document-changes';
import { checkProjection } from './projection-check';
import type { CheckOptions, ProjectionCheckResult } from './projection-check.types';
import { ProjectionDaemon } from './projection-daemon';
import type {
  CheckpointListener,
  CheckpointSource,
  ProjectionEngineOptions,
  ProjectionStatus,
  RebuildOptions,
  RebuildResult,
} from './projection-daemon.types';
import { sharedLogReads } from './shared-log-reads';
import { SideBySideRebuild } from './side-by-side-rebuild';

export interface PostgresProjectionEngineConfig extends ProjectionEngineOptions {
  readonly pool: Pool;
  readonly store: EventStore;
  readonly projections: readonly AnyDocumentProjection[];
}

/**
 * Runs async document projections against PostgreSQL: one daemon per projection, each applying
 * pages of `store.readAll` under the projection's advisory lock, rows and checkpoint in one
 * transaction. Several engines (processes) may run the same projections: one applies each, the
 * others stand by and take over when it stops. Each active projection holds one pooled client.
 */
export class PostgresProjectionEngine implements CheckpointSource {
  private readonly daemons = new Map<string, ProjectionDaemon>();
  private readonly listeners = new Set<CheckpointListener>();
  private unsubscribe: (() => Promise<void>) | null = null;

  private readonly store: EventStore;
  private readonly pool: Pool;
  private readonly rebuilds: SideBySideRebuild;
  private readonly rebuildBatchSize: number;
  /** The daemons' view of the store: one page query for the daemons that ask for the same page together. */
  private readonly reads: ReturnType<typeof sharedLogReads>;

  constructor({ pool, store, projections, ...options }: PostgresProjectionEngineConfig) {
    this.store = store;
    this.pool = pool;
    this.rebuildBatchSize = options.rebuildBatchSize ?? 5000;
    const settings = {
      batchSize: options.batchSize ?? 500,
      pollIntervalMs: options.pollIntervalMs ?? 1000,
      standbyRetryMs: options.standbyRetryMs ?? 3000,
      errorBackoffMs: options.errorBackoffMs ?? 1000,
      logger: options.logger ?? console,
    };
    this.reads = sharedLogReads(store);
    const poolSize = pool.options.max ?? 10;
    if (projections.length >= poolSize) {
      settings.logger.warn(`the pool has ${poolSize} connections and ${projections.length} projections each hold one: reads would starve`);
    }
    for (const projection of projections) {
      if (this.daemons.has(projection.name)) throw new Error(`two projections are named ${projection.name}`);
      this.daemons.set(
        projection.name,
        new ProjectionDaemon(projection, pool, this.reads.store, settings, (name, checkpoint) => this.announce(name, checkpoint)),
      );
    }
    this.rebuilds = new SideBySideRebuild({
      pool,
      store,
      logger: settings.logger,
      batchSize: this.rebuildBatchSize,
      onSwitched: ({ name, version, checkpoint }) => {
        this.daemons.get(name)?.switched(version);
        this.announce(name, checkpoint);
      },
    });
  }

  get projectionNames(): readonly string[] {
    return [...this.daemons.keys()];
  }

  /** Starts every daemon, woken by the store's notifications and by polling. */
  async start(): Promise<void> {
    if (this.unsubscribe) return;
    this.unsubscribe = await this.store.subscribe(() => {
      this.reads.newEvents();
      for (const daemon of this.daemons.values()) daemon.nudge();
    });
    for (const daemon of this.daemons.values()) daemon.start();
  }

  /** Graceful: each daemon finishes its current batch and releases its lock. */
  async stop(): Promise<void> {
    const unsubscribe = this.unsubscribe;
    this.unsubscribe = null;
    await Promise.all([...this.daemons.values()].map((daemon) => daemon.stop()));
    await unsubscribe?.();
  }

  /**
   * Applies every projection up to what is readable now (CLI, tests). Throws ProjectionLocked
   * when another process is applying one of them.
   */
  async runUntilCaughtUp(): Promise<void> {
    for (const daemon of this.daemons.values()) await daemon.catchUp();
  }

  /**
   * Rebuilds one projection, several, or (no names) all, side by side (ADR 0008): one pass over
   * the log fills a shadow table per projection while the live tables keep being served and kept
   * current by whichever process runs the daemons; then each switches in one transaction.
   * Throws RebuildInProgress when another rebuild of one of them runs.
   */
  rebuild(names?: string | readonly string[], options: RebuildOptions = {}): Promise<RebuildResult> {
    return this.rebuilds.run(this.projectionsNamed(names), options);
  }

  /**
   * Refolds each named projection (all when none) from the log up to its live checkpoint and
   * compares the result with the live rows, field by field.
   */
  async check(names?: string | readonly string[], options: CheckOptions = {}): Promise<ProjectionCheckResult[]> {
    const results: ProjectionCheckResult[] = [];
    const config = { pool: this.pool, store: this.store, batchSize: this.rebuildBatchSize };
    for (const projection of this.projectionsNamed(names)) results.push(await checkProjection(config, projection, options));
    return results;
  }

  private projectionsNamed(names?: string | readonly string[]): AnyDocumentProjection[] {
    const wanted = names === undefined ? this.projectionNames : typeof names === 'string' ? [names] : names;
    const unknown = wanted.filter((name) => !this.daemons.has(name));
    if (unknown.length > 0) throw new Error(`no projection named ${unknown.join(', ')}; known: ${this.projectionNames.join(', ')}`);
    return wanted.map((name) => this.daemons.get(name)!.projection);
  }

  status(): ProjectionStatus[] {
    return [...this.daemons.values()].map((daemon) => daemon.status());
  }

  /** Called after each committed checkpoint in this process (feeds ProjectionProgress). */
  onCheckpoint(listener: CheckpointListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private announce(name: string, checkpoint: string): void {
    for (const listener of this.listeners) {
      try {
        listener(name, checkpoint);
      } catch {
        // A listener's failure must not fail the batch that has already committed.
      }
    }
  }
}
