import type { ClientBase } from 'pg';
import { quoteIdentifier } from './projection-sql';

/** A table name split into its optional schema and its own name. */
interface TableName {
  readonly schema: string | null;
  readonly name: string;
}

const MAX_IDENTIFIER = 63;
const SHADOW_SUFFIX = '__rebuild';

function split(table: string): TableName {
  const dot = table.lastIndexOf('.');
  return dot < 0 ? { schema: null, name: table } : { schema: table.slice(0, dot), name: table.slice(dot + 1) };
}

/** The table a side-by-side rebuild of `table` writes into: `<table>__rebuild`, same schema. */
export function shadowTableOf(table: string): string {
  const { schema, name } = split(table);
  const shadow = `${name}${SHADOW_SUFFIX}`;
  if (shadow.length > MAX_IDENTIFIER) throw new Error(`table name ${name} is too long for a shadow table (${shadow})`);
  return schema === null ? shadow : `${schema}.${shadow}`;
}

/** The key of the lock that lets one rebuild of a projection run at a time (not the daemon's). */
const REBUILD_LOCK_KEY = `hashtext('projection-rebuild:' || $1)`;

export async function tryLockRebuild(client: ClientBase, name: string): Promise<boolean> {
  const result = await client.query<{ locked: boolean }>(`SELECT pg_try_advisory_lock(${REBUILD_LOCK_KEY}) AS locked`, [name]);
  return result.rows[0]?.locked === true;
}

export async function unlockRebuild(client: ClientBase, name: string): Promise<void> {
  await client.query(`SELECT pg_advisory_unlock(${REBUILD_LOCK_KEY})`, [name]);
}

/**
 * Creates an empty shadow table shaped like the live one (columns, defaults, constraints) with
 * only its primary key, dropping what a crashed rebuild may have left, and records the rebuild.
 * It is UNLOGGED while it fills (it is disposable until the switch, and a document rewritten page
 * after page would otherwise be written to the WAL each time); `finishShadow` makes it whole.
 */
export async function createShadow(client: ClientBase, name: string, version: number, live: string, start: string): Promise<string> {
  const shadow = shadowTableOf(live);
  await client.query('BEGIN');
  try {
    await client.query(`DROP TABLE IF EXISTS ${quoteIdentifier(shadow)}`);
    await client.query(`CREATE UNLOGGED TABLE ${quoteIdentifier(shadow)} (LIKE ${quoteIdentifier(live)} INCLUDING ALL EXCLUDING INDEXES)`);
    await client.query(`ALTER TABLE ${quoteIdentifier(shadow)} ADD PRIMARY KEY (id)`);
    await client.query(
      `INSERT INTO projection_rebuilds (name, shadow_table, version, checkpoint) VALUES ($1, $2, $3, $4)
       ON CONFLICT (name) DO UPDATE SET shadow_table = EXCLUDED.shadow_table, version = EXCLUDED.version,
         checkpoint = EXCLUDED.checkpoint, started_at = now(), updated_at = now()`,
      [name, shadow, version, start],
    );
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  }
  return shadow;
}

/** Forgets an abandoned rebuild: its shadow table and its row. */
export async function dropShadow(client: ClientBase, name: string, shadow: string): Promise<void> {
  await client.query(`DROP TABLE IF EXISTS ${quoteIdentifier(shadow)}`);
  await client.query('DELETE FROM projection_rebuilds WHERE name = $1', [name]);
}

/** Saves the shadow checkpoints of several rebuilds (in the caller's transaction, with their rows). */
export async function saveShadowCheckpoints(client: ClientBase, names: readonly string[], checkpoint: string): Promise<void> {
  await client.query('UPDATE projection_rebuilds SET checkpoint = $2, updated_at = now() WHERE name = ANY($1::text[])', [
    names,
    checkpoint,
  ]);
}

export interface LiveCheckpoint {
  readonly checkpoint: string;
  readonly generation: number;
}

/** Reads and locks the live checkpoint row (the daemon's next save waits for the switch). */
export async function lockLiveCheckpoint(client: ClientBase, name: string): Promise<LiveCheckpoint | null> {
  const result = await client.query<LiveCheckpoint>(
    'SELECT checkpoint, generation FROM projection_checkpoints WHERE name = $1 FOR UPDATE',
    [name],
  );
  return result.rows[0] ?? null;
}

/** `CREATE INDEX <name> ON <table> …` with the name and table taken out, to pair twin indexes. */
const INDEX_HEAD = /^CREATE (UNIQUE )?INDEX \S+ ON (?:ONLY )?\S+ /;

interface IndexShape {
  readonly name: string;
  /** The definition without its name and table: `CREATE INDEX ON USING btree (…)`. */
  readonly shape: string;
  readonly primary: boolean;
  /** What follows the table: `USING btree (…) [WHERE …]`. */
  readonly body: string | null;
}

async function indexesOf(client: ClientBase, table: string): Promise<IndexShape[]> {
  const result = await client.query<{ name: string; definition: string; primary: boolean }>(
    `SELECT c.relname AS name, pg_get_indexdef(i.indexrelid) AS definition, i.indisprimary AS primary
       FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid
      WHERE i.indrelid = $1::regclass ORDER BY c.relname`,
    [quoteIdentifier(table)],
  );
  return result.rows.map((row) => {
    const head = INDEX_HEAD.exec(row.definition);
    return {
      name: row.name,
      shape: row.definition.replace(INDEX_HEAD, 'CREATE $1INDEX ON '),
      primary: row.primary,
      body: head ? row.definition.slice(head[0].length) : null,
    };
  });
}

/**
 * Once the shadow is filled: logs it (one bulk write to the WAL) and builds the live table's other
 * indexes on it, each in one pass over the finished rows rather than row by row.
 */
export async function finishShadow(client: ClientBase, live: string, shadow: string): Promise<void> {
  await client.query(`ALTER TABLE ${quoteIdentifier(shadow)} SET LOGGED`);
  let n = 0;
  for (const index of await indexesOf(client, live)) {
    if (index.primary) continue;
    if (index.body === null) throw new Error(`cannot copy index ${index.name} of ${live} to its shadow table`);
    const unique = index.shape.startsWith('CREATE UNIQUE') ? 'UNIQUE ' : '';
    const name = `${split(shadow).name.slice(0, 50)}_${++n}_idx`;
    await client.query(`CREATE ${unique}INDEX ${quoteIdentifier(name)} ON ${quoteIdentifier(shadow)} ${index.body}`);
  }
}

/**
 * In the caller's transaction, which must hold ACCESS EXCLUSIVE on `live`: drops the live table,
 * renames the shadow to its name, and gives each shadow index the name of its live twin (so
 * migrations keep finding indexes and constraints by name). Readers blocked on the lock resolve the
 * name again when they get it, and so read the new table.
 */
export async function swapInShadow(client: ClientBase, live: string, shadow: string): Promise<void> {
  const liveIndexes = await indexesOf(client, live);
  const shadowIndexes = await indexesOf(client, shadow);
  const renames: [string, string][] = [];
  for (const index of shadowIndexes) {
    const twin = liveIndexes.findIndex((candidate) => candidate.shape === index.shape);
    if (twin < 0) continue;
    renames.push([index.name, liveIndexes[twin]!.name]);
    liveIndexes.splice(twin, 1);
  }
  const { schema, name } = split(live);
  const qualify = (relation: string): string => quoteIdentifier(schema === null ? relation : `${schema}.${relation}`);
  await client.query(`DROP TABLE ${quoteIdentifier(live)}`);
  await client.query(`ALTER TABLE ${quoteIdentifier(shadow)} RENAME TO ${quoteIdentifier(name)}`);
  for (const [from, to] of renames) await client.query(`ALTER INDEX ${qualify(from)} RENAME TO ${quoteIdentifier(to)}`);
}

/** Makes the new generation live: its version and checkpoint, one more generation, no rebuild row. */
export async function recordSwitch(client: ClientBase, name: string, version: number, checkpoint: string): Promise<number> {
  const result = await client.query<{ generation: number }>(
    `INSERT INTO projection_checkpoints (name, version, checkpoint, generation, updated_at, switched_at)
     VALUES ($1, $2, $3, 2, now(), now())
     ON CONFLICT (name) DO UPDATE SET version = EXCLUDED.version, checkpoint = EXCLUDED.checkpoint,
       generation = projection_checkpoints.generation + 1, updated_at = now(), switched_at = now()
     RETURNING generation`,
    [name, version, checkpoint],
  );
  await client.query('DELETE FROM projection_rebuilds WHERE name = $1', [name]);
  return result.rows[0]!.generation;
}
