import type { ClientBase, Pool } from 'pg';

/** The key of a relay's session-level advisory lock, as SQL over parameter `$1` (the relay name). */
const LOCK_KEY = `hashtext('relay:' || $1)`;

export async function tryLockRelay(client: ClientBase, name: string): Promise<boolean> {
  const { rows } = await client.query<{ locked: boolean }>(`SELECT pg_try_advisory_lock(${LOCK_KEY}) AS locked`, [name]);
  return rows[0]?.locked === true;
}

export async function unlockRelay(client: ClientBase, name: string): Promise<void> {
  await client.query(`SELECT pg_advisory_unlock(${LOCK_KEY})`, [name]);
}

export async function readRelayCheckpoint(client: ClientBase | Pool, name: string): Promise<string | null> {
  const { rows } = await client.query<{ checkpoint: string }>('SELECT checkpoint FROM relay_checkpoints WHERE name = $1', [name]);
  return rows[0]?.checkpoint ?? null;
}

export async function saveRelayCheckpoint(client: ClientBase, name: string, checkpoint: string): Promise<void> {
  await client.query(
    `INSERT INTO relay_checkpoints (name, checkpoint, updated_at) VALUES ($1, $2, now())
     ON CONFLICT (name) DO UPDATE SET checkpoint = EXCLUDED.checkpoint, updated_at = now()`,
    [name, checkpoint],
  );
}

export interface RelayLag {
  readonly eventsBehind: number;
  readonly secondsBehind: number;
}

/**
 * Events after `checkpoint` (committed or not yet visible to the commit-safe cursor) and the age
 * of the oldest. Reads the PostgreSQL store's position format (`<transaction>:<global position>`):
 * the relay is the PostgreSQL outbox's reader, so it may know it.
 */
export async function relayLag(pool: Pool, checkpoint: string): Promise<RelayLag> {
  const { rows } = await pool.query<{ behind: number; seconds: number | null }>(
    `SELECT count(*)::int AS behind, extract(epoch FROM clock_timestamp() - min(recorded_at))::float8 AS seconds
       FROM events
      WHERE (transaction_id, global_position) > (split_part($1, ':', 1)::xid8, split_part($1, ':', 2)::bigint)`,
    [checkpoint],
  );
  const row = rows[0];
  return { eventsBehind: row?.behind ?? 0, secondsBehind: Math.max(0, row?.seconds ?? 0) };
}
