import type { Pool } from 'pg';

export interface ProjectionLag {
  readonly name: string;
  readonly eventsBehind: number;
  readonly secondsBehind: number;
}

/**
 * Per projection: events after its committed checkpoint and the age of the oldest. Reads the
 * PostgreSQL store's position format (`<transaction>:<global position>`), as the relay's lag does;
 * the count walks the (transaction_id, global_position) index from the checkpoint, so it costs what
 * the lag is.
 */
export async function readProjectionLag(pool: Pool): Promise<ProjectionLag[]> {
  const { rows } = await pool.query<{ name: string; behind: number; seconds: number | null }>(
    `SELECT c.name, lag.behind, lag.seconds
       FROM projection_checkpoints c
       CROSS JOIN LATERAL (
         SELECT count(*)::int AS behind, extract(epoch FROM clock_timestamp() - min(e.recorded_at))::float8 AS seconds
           FROM events e
          WHERE (e.transaction_id, e.global_position)
                > (split_part(c.checkpoint, ':', 1)::xid8, split_part(c.checkpoint, ':', 2)::bigint)
       ) lag
      ORDER BY c.name`,
  );
  return rows.map((row) => ({ name: row.name, eventsBehind: row.behind, secondsBehind: Math.max(0, row.seconds ?? 0) }));
}
