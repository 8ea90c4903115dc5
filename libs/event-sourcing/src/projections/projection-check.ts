import type { Pool, PoolClient } from 'pg';
import type { EventStore } from '../core/event-store.port';
import type { AnyDocumentProjection } from './document-changes';
import { rowDifferences } from './document-diff';
import { pagesUntil } from './log-pages';
import { foldIntoTable } from './projection-batch';
import type { CheckOptions, ProjectionCheckResult, ProjectionDifference } from './projection-check.types';
import { quoteIdentifier, readCheckpoint } from './projection-sql';

export interface ProjectionCheckConfig {
  readonly pool: Pool;
  readonly store: EventStore;
  readonly batchSize: number;
}

interface RowJson {
  readonly id: string;
  readonly row: Record<string, unknown>;
}

const FETCH = 500;

/** Ids ordered as `ORDER BY id COLLATE "C"` orders them: by UTF-8 bytes. */
const compareIds = (a: string, b: string): number => Buffer.compare(Buffer.from(a), Buffer.from(b));

async function* cursorRows(client: PoolClient, cursor: string, table: string): AsyncGenerator<RowJson> {
  await client.query(`DECLARE ${cursor} NO SCROLL CURSOR FOR
    SELECT t.id, to_jsonb(t) - 'id' AS row FROM ${quoteIdentifier(table)} t ORDER BY t.id COLLATE "C"`);
  for (;;) {
    const { rows } = await client.query<RowJson>(`FETCH ${FETCH} FROM ${cursor}`);
    if (rows.length === 0) return;
    yield* rows;
  }
}

/**
 * Refolds one projection from the log into a scratch table (a temporary table of this session,
 * so nothing is left behind) up to the live checkpoint, and compares it row by row and field by
 * field with the live read model. Both sides stand at the same position: the live rows and their
 * checkpoint are read in one REPEATABLE READ snapshot (read-only: it holds no reader of the log
 * back), and the scratch is folded to exactly that checkpoint. Memory holds one page of events and
 * one window of rows at a time.
 */
export async function checkProjection(
  config: ProjectionCheckConfig,
  projection: AnyDocumentProjection,
  options: CheckOptions = {},
): Promise<ProjectionCheckResult> {
  const { pool, store, batchSize } = config;
  const maxDifferences = options.maxDifferences ?? 1000;
  const baseName = projection.table.slice(projection.table.lastIndexOf('.') + 1);
  const scratchName = `${baseName.slice(0, 50)}__check`;
  const scratchTable = `pg_temp.${scratchName}`;
  const live = await pool.connect();
  const scratch = await pool.connect();
  try {
    await scratch.query(`DROP TABLE IF EXISTS ${quoteIdentifier(scratchTable)}`);
    await scratch.query(
      `CREATE TEMP TABLE ${quoteIdentifier(scratchName)} (LIKE ${quoteIdentifier(projection.table)} INCLUDING DEFAULTS INCLUDING CONSTRAINTS, PRIMARY KEY (id))`,
    );
    const fold = async (from: string, to: string): Promise<void> => {
      for await (const page of pagesUntil(store, from, to, batchSize))
        await foldIntoTable(scratch, store, projection, scratchTable, page.events, false);
    };
    // Most of the log first, without a snapshot held open; then the rest up to the snapshot's checkpoint.
    const early = (await readCheckpoint(live, projection.name))?.checkpoint ?? store.start;
    await fold(store.start, early);

    await live.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
    // Before the snapshot: a switch of generations cannot swap the table under this comparison.
    await live.query(`LOCK TABLE ${quoteIdentifier(projection.table)} IN ACCESS SHARE MODE`);
    const checkpoint = (await readCheckpoint(live, projection.name))?.checkpoint ?? store.start;
    if (store.covers(checkpoint, early)) await fold(early, checkpoint);
    else {
      await scratch.query(`TRUNCATE ${quoteIdentifier(scratchTable)}`);
      await fold(store.start, checkpoint);
    }

    await scratch.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
    const differences: ProjectionDifference[] = [];
    let differenceCount = 0;
    let documents = 0;
    const liveRows = cursorRows(live, 'live_rows', projection.table);
    const refoldedRows = cursorRows(scratch, 'refolded_rows', scratchTable);
    const next = async (rows: AsyncGenerator<RowJson>): Promise<RowJson | undefined> => {
      const result = await rows.next();
      return result.done ? undefined : result.value;
    };
    let a = await next(liveRows);
    let b = await next(refoldedRows);
    while (a !== undefined || b !== undefined) {
      const order = a === undefined ? 1 : b === undefined ? -1 : compareIds(a.id, b.id);
      const current = order <= 0 ? a : b;
      const found = rowDifferences(order <= 0 ? a?.row : undefined, order >= 0 ? b?.row : undefined);
      documents++;
      differenceCount += found.length;
      for (const difference of found)
        if (differences.length < maxDifferences) differences.push({ projection: projection.name, documentId: current!.id, ...difference });
      if (order <= 0) a = await next(liveRows);
      if (order >= 0) b = await next(refoldedRows);
    }
    return { projection: projection.name, checkpoint, documents, differences, differenceCount };
  } finally {
    await live.query('ROLLBACK').catch(() => undefined);
    await scratch.query('ROLLBACK').catch(() => undefined);
    await scratch.query(`DROP TABLE IF EXISTS ${quoteIdentifier(scratchTable)}`).catch(() => undefined);
    live.release();
    scratch.release();
  }
}
