import type { Pool, PoolClient } from 'pg';
import type { EventStore } from '../core/event-store.port';
import type { AnyDocumentProjection } from './document-changes';
import { createShadow, dropShadow, finishShadow, saveShadowCheckpoints, tryLockRebuild, unlockRebuild } from './generation-sql';
import { switchGeneration } from './generation-switch';
import { pagesToHead } from './log-pages';
import { foldIntoTable } from './projection-batch';
import type { ProjectionLogger, RebuildOptions, RebuildResult, SwitchedProjection } from './projection-daemon.types';
import { RebuildInProgress } from './projection-daemon.types';

export interface SideBySideRebuildConfig {
  readonly pool: Pool;
  readonly store: EventStore;
  readonly logger: ProjectionLogger;
  readonly batchSize: number;
  /** Called after each projection switches (the engine tells its daemon and its listeners). */
  readonly onSwitched: (switched: SwitchedProjection) => void;
}

interface Shadow {
  readonly projection: AnyDocumentProjection;
  readonly table: string;
}

const DEFAULT_SWITCH_TIMEOUT_MS = 60_000;

/**
 * Rebuilds read models side by side (ADR 0008). For each projection a shadow table
 * `<table>__rebuild` is filled from the start of the log while the live table keeps being served
 * and kept current by whichever process runs the projection; then one transaction per projection
 * switches the shadow in (generation-switch.ts). Several projections share one pass over the log:
 * each page is read once and applied to every shadow in one transaction, with the shadows'
 * checkpoints (projection_rebuilds). One rebuild per projection at a time (an advisory lock of its own).
 */
export class SideBySideRebuild {
  constructor(private readonly config: SideBySideRebuildConfig) {}

  async run(projections: readonly AnyDocumentProjection[], options: RebuildOptions = {}): Promise<RebuildResult> {
    const { pool } = this.config;
    const session = await pool.connect();
    try {
      for (const { name } of projections) if (!(await tryLockRebuild(session, name))) throw new RebuildInProgress(name);
      const result = await this.rebuild(session, projections, options);
      for (const { name } of projections) await unlockRebuild(session, name);
      session.release();
      return result;
    } catch (error) {
      // Destroying the connection releases every rebuild lock it took.
      session.release(error instanceof Error ? error : new Error(String(error)));
      throw error;
    }
  }

  private async rebuild(
    session: PoolClient,
    projections: readonly AnyDocumentProjection[],
    options: RebuildOptions,
  ): Promise<RebuildResult> {
    const { store, batchSize } = this.config;
    const shadows: Shadow[] = [];
    try {
      for (const projection of projections)
        shadows.push({
          projection,
          table: await createShadow(session, projection.name, projection.version, projection.table, store.start),
        });
      const startedAt = performance.now();
      let processed = 0;
      let checkpoint = store.start;
      for await (const page of pagesToHead(store, store.start, batchSize)) {
        await session.query('BEGIN');
        try {
          // The shadow is disposable until it switches: no need to wait for each page's WAL flush.
          await session.query('SET LOCAL synchronous_commit = off');
          for (const shadow of shadows) await foldIntoTable(session, store, shadow.projection, shadow.table, page.events, false);
          await saveShadowCheckpoints(
            session,
            projections.map((projection) => projection.name),
            page.checkpoint,
          );
          await session.query('COMMIT');
        } catch (error) {
          await session.query('ROLLBACK').catch(() => undefined);
          throw error;
        }
        checkpoint = page.checkpoint;
        processed += page.events.length;
        const seconds = (performance.now() - startedAt) / 1000;
        await options.onProgress?.({
          processed,
          ...(options.total !== undefined ? { total: options.total } : {}),
          eventsPerSecond: seconds > 0 ? processed / seconds : 0,
        });
      }
      for (const shadow of shadows) await finishShadow(session, shadow.projection.table, shadow.table);
      const switched: SwitchedProjection[] = [];
      const context = { ...this.config, timeoutMs: options.switchTimeoutMs ?? DEFAULT_SWITCH_TIMEOUT_MS };
      while (shadows.length > 0) {
        const shadow = shadows[0]!;
        const result = await switchGeneration(context, session, shadow.projection, shadow.table, checkpoint);
        shadows.shift();
        switched.push(result);
        this.config.onSwitched(result);
        this.config.logger.log(`projection ${result.name} switched to generation ${result.generation} at ${result.checkpoint}`);
      }
      const last = switched[switched.length - 1];
      return { processed, checkpoint: last?.checkpoint ?? checkpoint, seconds: (performance.now() - startedAt) / 1000, switched };
    } catch (error) {
      // Whatever was not switched is abandoned: the live read models are untouched.
      for (const shadow of shadows) await dropShadow(session, shadow.projection.name, shadow.table).catch(() => undefined);
      throw error;
    }
  }
}
