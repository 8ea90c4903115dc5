import type { ClientBase, Pool } from 'pg';

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

export interface RelayProgress extends RelayLag {
  readonly checkpoint: string | null;
}

/** A relay's saved checkpoint and lag, read from the database (for a relay in another process). */
export async function readRelayProgress(pool: Pool, name: string, start: string): Promise<RelayProgress> {
  const checkpoint = await readRelayCheckpoint(pool, name);
  return { checkpoint, ...(await relayLag(pool, checkpoint ?? start)) };
}
