import type { PoolClient } from 'pg';
import type { EventStore } from '../core/event-store.port';
import { LEDGER_CHAIN, loadEventsAt, readHeads, writeLinks } from './chain-sql';
import { linkEvents } from './link-events';

/**
 * Seals the page of `store.readAll` after `after` in one transaction on the sealer's locked
 * session: links, heads and checkpoint together. Refuses when the stored checkpoint is not
 * `after` (the head was moved under the sealer). The new checkpoint, or null when caught up.
 */
export async function sealPage(
  session: PoolClient,
  store: EventStore,
  after: string,
  limit: number,
): Promise<{ sealed: number; checkpoint: string } | null> {
  const page = await store.readAll({ after, limit });
  if (page.events.length === 0) return null;
  await session.query('BEGIN');
  try {
    const events = await loadEventsAt(
      session,
      page.events.map((event) => event.globalPosition.toString()),
    );
    if (events.length !== page.events.length) throw new Error(`events of the page after ${after} vanished while sealing`);
    const heads = await readHeads(session, [LEDGER_CHAIN, ...new Set(events.map((event) => event.partnership_id))], true);
    const stored = heads.get(LEDGER_CHAIN)?.checkpoint ?? store.start;
    if (stored !== after) throw new Error(`the chain's checkpoint is ${stored}, this sealer is at ${after}: refusing to seal over it`);
    const linked = linkEvents(events, heads, page.checkpoint);
    await writeLinks(session, linked.links, linked.heads);
    await session.query('COMMIT');
  } catch (error) {
    await session.query('ROLLBACK').catch(() => undefined);
    throw error;
  }
  return { sealed: page.events.length, checkpoint: page.checkpoint };
}

/** The commit-ordered position of the newest event committed now (null when the log is empty). */
export async function headPosition(session: PoolClient): Promise<string | null> {
  const { rows } = await session.query<{ position: string }>(
    `SELECT transaction_id::text || ':' || global_position AS position FROM events ORDER BY transaction_id DESC, global_position DESC LIMIT 1`,
  );
  return rows[0]?.position ?? null;
}
