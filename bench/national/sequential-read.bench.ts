import { Client } from 'pg';

export interface SequentialRead {
  readonly events: number;
  readonly seconds: number;
  readonly eventsPerSecond: number;
}

/**
 * The baseline of the rebuild: a plain sequential read of the whole events table in commit order,
 * every column the rebuild reads (jsonb parsed by pg as the store's reader does), through a
 * server-side cursor 1,000 rows at a time — streamed, never the whole table in memory.
 */
export async function sequentialRead(databaseUrl: string): Promise<SequentialRead> {
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const started = performance.now();
    await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
    await client.query(
      `DECLARE everything NO SCROLL CURSOR FOR
         SELECT transaction_id::text AS transaction_text, global_position, stream_id, stream_version, event_type,
                schema_version, data, metadata, recorded_at
           FROM events ORDER BY transaction_id, global_position`,
    );
    let events = 0;
    for (;;) {
      const { rows } = await client.query('FETCH 1000 FROM everything');
      if (rows.length === 0) break;
      events += rows.length;
    }
    await client.query('COMMIT');
    const seconds = (performance.now() - started) / 1000;
    return { events, seconds, eventsPerSecond: events / seconds };
  } finally {
    await client.end();
  }
}
