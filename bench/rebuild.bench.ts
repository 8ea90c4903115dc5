/*
 * Rebuild throughput: a realistic log (one partnership seeded through the API, then cloned with
 * fresh ids until the log holds REBUILD_EVENTS events), rebuilt side by side into every read model
 * in one pass. Prints events/s; the target is >= 20,000 events/s over all read models.
 *
 *   npm run build && node -r ./tools/register-paths.js dist/bench/rebuild.bench.js
 *
 * Also prints where the time goes: reading the log, node CPU, and the CPU of the PostgreSQL
 * backends serving the benchmark database (read from /proc, so only with a local server).
 */
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { Pool } from 'pg';
import { PostgresEventStore, PostgresProjectionEngine, silentProjectionLogger } from '@ledger/event-sourcing';
import { createPool } from '@ledger/platform';
import { ledgerProjections } from '../apps/api/src/composition/ledger-projections';
import { createBenchDatabase } from './support/bench-database';
import { startLedgerServer } from './support/ledger-server';
import { inParallel, seedAction, seedPartnership, type ActionShape } from './support/seed';

export const REBUILD_EVENTS = Number(process.env.REBUILD_EVENTS ?? 100_000);
const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi;
const COLUMNS =
  'stream_id, stream_version, event_id, event_type, schema_version, data, metadata, partnership_id, occurred_at, correlation_id, causation_id';

/** Copies every event `copies` times, each copy with its own ids (same shape, same order). */
async function cloneLog(url: string, copies: number): Promise<number> {
  const pool = createPool(url);
  try {
    const { rows } = await pool.query<Record<string, unknown>>(`SELECT ${COLUMNS} FROM events ORDER BY transaction_id, global_position`);
    const template = JSON.stringify(rows);
    for (let copy = 0; copy < copies; copy++) {
      const ids = new Map<string, string>();
      const cloned = template.replace(UUID, (id) => {
        let fresh = ids.get(id.toLowerCase());
        if (!fresh) ids.set(id.toLowerCase(), (fresh = randomUUID()));
        return fresh;
      });
      await pool.query(`INSERT INTO events (${COLUMNS}) SELECT ${COLUMNS} FROM jsonb_populate_recordset(NULL::events, $1::jsonb)`, [
        cloned,
      ]);
    }
    return rows.length * (copies + 1);
  } finally {
    await pool.end();
  }
}

/** CPU seconds used so far by the server processes serving `database` (same machine only). */
async function backendCpuSeconds(pool: Pool, database: string): Promise<number> {
  const { rows } = await pool.query<{ pid: number }>('SELECT pid FROM pg_stat_activity WHERE datname = $1', [database]);
  let ticks = 0;
  for (const { pid } of rows) {
    try {
      const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
      ticks += Number(fields[11]) + Number(fields[12]);
    } catch {
      // another machine, or the process ended
    }
  }
  return ticks / 100;
}

export async function benchmarkRebuild(log: (line: string) => void): Promise<{ events: number; seconds: number; perSecond: number }> {
  const database = await createBenchDatabase();
  try {
    const server = await startLedgerServer(database.url);
    let seeded: number;
    try {
      const partnership = await seedPartnership(server, 'Rebuild benchmark partnership', 10, 2);
      const shapes: ActionShape[] = ['proposed', 'agreed', 'in-progress', 'in-progress'];
      await inParallel(100, 8, async (i) => {
        await seedAction(partnership, i, partnership.recommendationIds[i % partnership.recommendationIds.length]!, shapes[i % 4]!);
      });
      seeded = Number((await server.ledger.runtime.pool.query<{ n: string }>('SELECT count(*) AS n FROM events')).rows[0]!.n);
    } finally {
      await server.close();
    }
    const events = await cloneLog(database.url, Math.max(0, Math.ceil(REBUILD_EVENTS / seeded) - 1));
    log(`log: ${seeded} events seeded through the API, cloned to ${events}`);
    const vacuum = createPool(database.url, { max: 1 });
    await vacuum.query('VACUUM ANALYZE events');
    await vacuum.end();
    const pool = createPool(database.url, { max: 4 });
    try {
      const store = new PostgresEventStore(pool);
      let readMs = 0;
      const readAll = store.readAll.bind(store);
      store.readAll = async (options) => {
        const begin = performance.now();
        try {
          return await readAll(options);
        } finally {
          readMs += performance.now() - begin;
        }
      };
      const engine = new PostgresProjectionEngine({
        pool,
        store,
        projections: ledgerProjections,
        logger: silentProjectionLogger,
      });
      const cpuBefore = process.cpuUsage();
      const began = performance.now();
      let filled = 0;
      const result = await engine.rebuild(undefined, { onProgress: () => void (filled = performance.now() - began) });
      log(
        `  filling the shadows: ${(filled / 1000).toFixed(2)} s; finishing and switching: ${((performance.now() - began - filled) / 1000).toFixed(2)} s`,
      );
      const cpu = process.cpuUsage(cpuBefore);
      const perSecond = result.processed / result.seconds;
      log(
        `  reading the log: ${(readMs / 1000).toFixed(2)} s; PostgreSQL CPU: ${(await backendCpuSeconds(pool, database.name)).toFixed(2)} s`,
      );
      log(`  node CPU during the rebuild: ${((cpu.user + cpu.system) / 1e6).toFixed(2)} s of ${result.seconds.toFixed(2)} s`);
      log(
        `rebuilt ${result.switched.length} read models from ${result.processed} events in ${result.seconds.toFixed(2)} s: ${Math.round(perSecond)} events/s`,
      );
      return { events: result.processed, seconds: result.seconds, perSecond };
    } finally {
      await pool.end();
    }
  } finally {
    await database.drop();
  }
}

if (require.main === module) {
  benchmarkRebuild((line) => console.log(line)).catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
