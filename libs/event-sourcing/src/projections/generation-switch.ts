import type { Pool, PoolClient } from 'pg';
import type { EventStore } from '../core/event-store.port';
import type { AnyDocumentProjection } from './document-changes';
import { lockLiveCheckpoint, recordSwitch, swapInShadow } from './generation-sql';
import { pagesUntil } from './log-pages';
import { foldIntoTable } from './projection-batch';
import type { ProjectionLogger, SwitchedProjection } from './projection-daemon.types';
import { ProjectionLock } from './projection-lock';
import { announceCheckpoint, quoteIdentifier } from './projection-sql';

export interface SwitchContext {
  readonly pool: Pool;
  readonly store: EventStore;
  readonly logger: ProjectionLogger;
  readonly batchSize: number;
  /** How long to wait for a running projector to reach the shadow's checkpoint. */
  readonly timeoutMs: number;
}

/** How long the switch may queue for the live table before it lets readers through and retries. */
const LOCK_TIMEOUT = '1s';
const LOCK_NOT_AVAILABLE = '55P03';

const pause = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Makes a caught-up shadow table the live read model, in ONE transaction on `session`:
 *
 * 1. `LOCK` the live table (readers and the projector's next batch queue behind it) and lock its
 *    checkpoint row, so the live position L is frozen;
 * 2. if a projector is running (it holds the projection's advisory lock), wait — outside the
 *    transaction — until L has reached the shadow's checkpoint S, because that projector carries on
 *    from its own position afterwards; with nobody running, this process takes that lock itself;
 * 3. fold the events in (S, L] into the shadow, so both generations stand at the same position;
 * 4. drop the live table, rename the shadow to its name, record version, checkpoint, generation.
 *
 * The checkpoint never moves back, so read-your-writes waits stay valid across the switch.
 */
export async function switchGeneration(
  context: SwitchContext,
  session: PoolClient,
  projection: AnyDocumentProjection,
  shadow: string,
  shadowCheckpoint: string,
): Promise<SwitchedProjection> {
  const deadline = performance.now() + context.timeoutMs;
  let wait = 10;
  let waitingFor: Wait = 'projector';
  for (;;) {
    // Holding the daemon's lock means no projector has positions in memory: the shadow may go live ahead of L.
    const owned = await ProjectionLock.tryAcquire(context.pool, projection.name, context.logger);
    try {
      const attempt = await trySwitch(context, session, projection, shadow, shadowCheckpoint, owned !== null);
      if (typeof attempt !== 'string') {
        await announceCheckpoint(session, projection.name, attempt.checkpoint);
        return attempt;
      }
      waitingFor = attempt;
    } finally {
      await owned?.release();
    }
    if (performance.now() > deadline)
      throw new Error(
        waitingFor === 'projector'
          ? `projection ${projection.name}: the running projector did not reach the rebuilt position ${shadowCheckpoint} within ${context.timeoutMs} ms (is it failing? see its log)`
          : `projection ${projection.name}: could not lock ${projection.table} to switch within ${context.timeoutMs} ms (a long query or check-projections holds it)`,
      );
    await pause(wait);
    wait = Math.min(wait * 2, 250);
  }
}

/** Why an attempt must be retried: the running projector is behind the shadow, or the table is busy. */
type Wait = 'projector' | 'table';

/** One attempt: the switched projection, or what it must wait for. */
async function trySwitch(
  context: SwitchContext,
  session: PoolClient,
  projection: AnyDocumentProjection,
  shadow: string,
  shadowCheckpoint: string,
  owned: boolean,
): Promise<SwitchedProjection | Wait> {
  const { store } = context;
  await session.query('BEGIN');
  try {
    await session.query(`SET LOCAL lock_timeout = '${LOCK_TIMEOUT}'`);
    await session.query(`LOCK TABLE ${quoteIdentifier(projection.table)} IN ACCESS EXCLUSIVE MODE`);
    const live = (await lockLiveCheckpoint(session, projection.name))?.checkpoint ?? store.start;
    if (!owned && !store.covers(live, shadowCheckpoint)) {
      await session.query('ROLLBACK');
      return 'projector';
    }
    let checkpoint = shadowCheckpoint;
    if (!store.covers(shadowCheckpoint, live)) {
      for await (const page of pagesUntil(store, shadowCheckpoint, live, context.batchSize))
        await foldIntoTable(session, store, projection, shadow, page.events, false);
      checkpoint = live;
    }
    await swapInShadow(session, projection.table, shadow);
    const generation = await recordSwitch(session, projection.name, projection.version, checkpoint);
    await session.query('COMMIT');
    return { name: projection.name, version: projection.version, checkpoint, generation };
  } catch (error) {
    await session.query('ROLLBACK').catch(() => undefined);
    if ((error as { code?: string }).code === LOCK_NOT_AVAILABLE) return 'table';
    throw error;
  }
}
