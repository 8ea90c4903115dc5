/*
 * `npm run bench:national [-- --events 50000]`: builds a national-scale store (131 partnerships,
 * ~1,000,000 events by default) in a fresh database, then measures the rebuild of every read
 * model against a plain sequential read of the events table, and the time-travel, lineage,
 * timeline, changes and export reads of the largest partnership over HTTP against GET
 * /health/live. Writes bench/results/national-latest.json.
 */
import { join } from 'node:path';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { createBenchDatabase } from '../support/bench-database';
import { startLedgerServer } from '../support/ledger-server';
import { formatTable, machine, writeJson } from '../support/report';
import { generateNationalStore } from './national-generator';
import { parseNationalOptions, type NationalOptions } from './national-options';
import { reuseKeptStore, saveKeptStore } from './kept-store';
import { nationalRows } from './national-report';
import { readQueriesOf } from './national-queries';
import { timeReadQuery, type ReadQueryFigures } from './read-queries.bench';
import { rebuildPhase } from './rebuild-phase';
import { timeUncachedPlan } from './uncached-plan';
import { timeCachedPlan } from './cached-plan';
import type { RunFigures } from '../support/stats';

const RESULTS_DIR = join(__dirname, '..', '..', '..', 'bench', 'results');
const RESULTS = join(RESULTS_DIR, 'national-latest.json');
const KEPT = join(RESULTS_DIR, 'national-store.json');
const log = (line: string) => console.log(line);

async function firstSource(databaseUrl: string, partnershipId: string): Promise<string> {
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ stream_id: string }>(
      `SELECT stream_id FROM streams WHERE partnership_id = $1 AND stream_id LIKE 'source-%' ORDER BY stream_id LIMIT 1`,
      [partnershipId],
    );
    return rows[0]!.stream_id.slice('source-'.length);
  } finally {
    await client.end();
  }
}

/** A fresh database with a generated store, or (`--reuse`) the one an earlier `--keep` run left. */
async function prepareStore(options: NationalOptions) {
  if (options.reuse) {
    const reused = await reuseKeptStore(KEPT);
    log(`national benchmark: reusing ${reused.kept.database} (${reused.kept.generation.events} events)`);
    return {
      url: reused.url,
      name: reused.kept.database,
      server: 'reused',
      serverVersion: '',
      generation: reused.kept.generation,
      drop: () => reused.drop(),
      stop: () => reused.stop(),
    };
  }
  const database = await createBenchDatabase();
  log(
    `national benchmark: ${options.events} events, seed ${options.seed}, database ${database.name} (PostgreSQL ${database.serverVersion})`,
  );
  log(`1. generating 131 partnership histories with ${options.writers} concurrent writers`);
  const generation = await generateNationalStore(database.url, { ...options, log });
  log(
    `  ${generation.events} events in ${generation.appends} appends, ${generation.seconds.toFixed(0)} s; largest partnership ${generation.largest.events} events`,
  );
  return { ...database, generation, stop: async () => undefined };
}

async function main(): Promise<void> {
  const options = parseNationalOptions(process.argv.slice(2));
  const startedAt = new Date();
  const before = machine();
  const database = await prepareStore(options);
  const { generation } = database;
  try {
    const rebuilt = options.skipRebuild ? null : await rebuildPhase(database.url, generation.events, log);

    const pid = generation.largest.partnershipId;
    const sourceId = await firstSource(database.url, pid);
    const dataSource = new DataSource({ type: 'postgres', url: database.url });
    await dataSource.initialize();
    const uncached = await timeUncachedPlan(dataSource, pid, { asOf: generation.halfwayAt }, 10);
    await dataSource.destroy();
    log(
      `  before the cache (in-process, read + fold per request): as-of plan p50 ${uncached.p50Ms.toFixed(0)} ms, p99 ${uncached.p99Ms.toFixed(0)} ms`,
    );

    const server = await startLedgerServer(database.url);
    const reads: ReadQueryFigures[] = [];
    let exportNote: string | null = null;
    let cached: RunFigures | null = null;
    try {
      const authorization = await server.bearer(['auditor'], [pid]);
      const { queries, note } = await readQueriesOf(server, { pid, sourceId, halfwayAt: generation.halfwayAt });
      exportNote = note;
      if (note) log(`  ${note}`);
      log(`3. reads of the largest partnership over HTTP, ${options.requests} requests each`);
      cached = await timeCachedPlan(server, pid, { asOf: generation.halfwayAt }, 50);
      log(`  cached as-of plan in-process (no HTTP): p50 ${cached.p50Ms.toFixed(1)} ms, p99 ${cached.p99Ms.toFixed(1)} ms`);
      for (const query of queries) {
        const figures = await timeReadQuery(server, authorization, query, options.requests);
        log(
          `  ${query.name}: p50 ${figures.query.p50Ms.toFixed(1)} ms, p99 ${figures.query.p99Ms.toFixed(1)} ms (${figures.responseBytes} bytes)`,
        );
        reads.push(figures);
      }
    } finally {
      await server.close();
    }

    const rows = nationalRows({ generation, generated: !options.reuse, rebuilt, uncached, reads });
    log('');
    log(formatTable(rows));
    writeJson(RESULTS, {
      startedAt: startedAt.toISOString(),
      finishedAt: new Date().toISOString(),
      machine: { ...before, loadAverage1mAtEnd: machine()['loadAverage1m'] },
      database: { name: database.name, server: database.server, postgres: database.serverVersion },
      options,
      table: rows,
      generation,
      sequentialRead: rebuilt?.reads ?? null,
      rebuild: rebuilt?.rebuild ?? null,
      uncachedAsOfPlan: uncached,
      cachedAsOfPlanInProcess: cached,
      reads,
      exportNote,
    });
    log(`\nwrote ${RESULTS}`);
  } finally {
    if (options.keep) {
      saveKeptStore(KEPT, { database: database.name, generation });
      log(`kept ${database.name}; measure it again with --reuse, drop it with DROP DATABASE ${database.name}`);
      await database.stop();
    } else await database.drop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
