import type { ClientBase } from 'pg';
import type { AnyDocumentProjection, DocumentChange, StoredDocument } from './document-changes';

/** The channel every checkpoint commit is announced on, payload `<name>|<checkpoint>`. */
export const CHECKPOINT_CHANNEL = 'ledger_checkpoints';

const BASE_COLUMNS = ['id', 'partnership_id', 'doc', 'last_position'];

/** Quotes an identifier, keeping an optional `schema.` prefix. */
export function quoteIdentifier(name: string): string {
  return name
    .split('.')
    .map((part) => `"${part.replace(/"/g, '""')}"`)
    .join('.');
}

/** The key of a projection's session-level advisory lock, as SQL over parameter `$1` (the name). */
const LOCK_KEY = `hashtext('projection:' || $1)`;

export async function tryLockProjection(client: ClientBase, name: string): Promise<boolean> {
  const result = await client.query<{ locked: boolean }>(`SELECT pg_try_advisory_lock(${LOCK_KEY}) AS locked`, [name]);
  return result.rows[0]?.locked === true;
}

export async function unlockProjection(client: ClientBase, name: string): Promise<void> {
  await client.query(`SELECT pg_advisory_unlock(${LOCK_KEY})`, [name]);
}

export interface StoredCheckpoint {
  readonly checkpoint: string;
  /** The projection version the read model was built with. */
  readonly version: number;
}

export async function readCheckpoint(client: ClientBase, name: string): Promise<StoredCheckpoint | null> {
  const result = await client.query<StoredCheckpoint>('SELECT checkpoint, version FROM projection_checkpoints WHERE name = $1', [name]);
  return result.rows[0] ?? null;
}

/**
 * Saves the checkpoint (in the caller's transaction). `version` is written only by a new row or a
 * rebuild (`resetVersion`), so a stale read model keeps showing the version it was built with.
 * No NOTIFY inside the transaction: PostgreSQL serialises the commits of transactions that queue
 * one; `announceCheckpoint` sends it after commit.
 */
export async function saveCheckpoint(
  client: ClientBase,
  name: string,
  version: number,
  checkpoint: string,
  resetVersion = false,
): Promise<void> {
  await client.query(
    `INSERT INTO projection_checkpoints (name, version, checkpoint, updated_at) VALUES ($1, $2, $3, now())
     ON CONFLICT (name) DO UPDATE SET checkpoint = EXCLUDED.checkpoint, updated_at = now()
       ${resetVersion ? ', version = EXCLUDED.version' : ''}`,
    [name, version, checkpoint],
  );
}

/** Tells other processes (read-your-writes waiters) how far a projection has read. */
export async function announceCheckpoint(client: ClientBase, name: string, checkpoint: string): Promise<void> {
  await client.query(`SELECT pg_notify('${CHECKPOINT_CHANNEL}', $1)`, [`${name}|${checkpoint}`]);
}

/** Loads the rows a batch touches, locking them unless the table has one writer (a shadow). */
export async function loadDocuments(
  client: ClientBase,
  table: string,
  ids: readonly string[],
  lock = true,
): Promise<Map<string, StoredDocument>> {
  const documents = new Map<string, StoredDocument>();
  if (ids.length === 0) return documents;
  const result = await client.query<{ id: string; doc: unknown; last_position: string }>(
    `SELECT id, doc, last_position FROM ${quoteIdentifier(table)} WHERE id = ANY($1::text[])${lock ? ' FOR UPDATE' : ''}`,
    [ids],
  );
  for (const row of result.rows) documents.set(row.id, { doc: row.doc, lastPosition: row.last_position });
  return documents;
}

/**
 * Writes a batch's changes in two statements: one bulk upsert (rows typed by the table itself via
 * jsonb_populate_recordset, so columns take their declared types) and one bulk delete.
 */
export async function writeDocuments(
  client: ClientBase,
  projection: AnyDocumentProjection,
  table: string,
  changes: ReadonlyMap<string, DocumentChange>,
): Promise<void> {
  const records: Record<string, unknown>[] = [];
  const deleted: string[] = [];
  const extraColumns = new Set<string>();
  for (const [id, change] of changes) {
    if (change.doc === null) {
      deleted.push(id);
      continue;
    }
    const columns = projection.columns(change.doc);
    for (const column of Object.keys(columns)) extraColumns.add(column);
    records.push({
      ...columns,
      id,
      partnership_id: projection.partnershipIdOf(change.doc),
      doc: change.doc,
      last_position: change.lastPosition,
    });
  }
  const target = quoteIdentifier(table);
  if (records.length > 0) {
    const names = [...BASE_COLUMNS, ...[...extraColumns].filter((column) => !BASE_COLUMNS.includes(column))].map(quoteIdentifier);
    const updates = names.filter((column) => column !== '"id"').map((column) => `${column} = EXCLUDED.${column}`);
    await client.query(
      `INSERT INTO ${target} (${names.join(', ')})
       SELECT ${names.join(', ')} FROM jsonb_populate_recordset(NULL::${target}, $1::jsonb)
       ON CONFLICT (id) DO UPDATE SET ${updates.join(', ')}`,
      [JSON.stringify(records)],
    );
  }
  if (deleted.length > 0) await client.query(`DELETE FROM ${target} WHERE id = ANY($1::text[])`, [deleted]);
}
