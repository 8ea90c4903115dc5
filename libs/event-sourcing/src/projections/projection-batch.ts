import type { ClientBase } from 'pg';
import type { RecordedEvent } from '../core/event';
import type { EventStore, ReadAllPage } from '../core/event-store.port';
import { applyRoutedEvents, routeEvents, touchedDocumentIds, type AnyDocumentProjection } from './document-changes';
import { loadDocuments, saveCheckpoint, writeDocuments } from './projection-sql';

/**
 * Folds `events` into the rows of `table` (in the caller's transaction): loads the touched rows,
 * evolves, bulk upserts/deletes. Rows skip events their `last_position` covers. `lockRows` is off
 * for a shadow or scratch table, which only its builder writes.
 */
export async function foldIntoTable(
  client: ClientBase,
  store: Pick<EventStore, 'covers'>,
  projection: AnyDocumentProjection,
  table: string,
  events: readonly RecordedEvent[],
  lockRows = true,
): Promise<void> {
  const routed = routeEvents(projection, events);
  if (routed.length === 0) return;
  const loaded = await loadDocuments(client, table, touchedDocumentIds(routed), lockRows);
  const changes = applyRoutedEvents(projection, routed, loaded, (checkpoint, position) => store.covers(checkpoint, position));
  await writeDocuments(client, projection, table, changes);
}

/**
 * Applies one page of events to the live read model in ONE transaction on `client` (which holds
 * the projection's lock): fold into the table, save the checkpoint. A handful of round trips per
 * page whatever its size. Throws (after rollback) if evolve does.
 */
export async function applyPage(
  client: ClientBase,
  store: Pick<EventStore, 'covers'>,
  projection: AnyDocumentProjection,
  page: ReadAllPage,
  persistIdleCheckpoint = true,
): Promise<boolean> {
  const handled = new Set(projection.canHandle);
  // A page with nothing for this projection changes no row: its checkpoint may wait for the next
  // write (re-reading those events after a restart is harmless), saving a commit per page.
  if (!persistIdleCheckpoint && !page.events.some((event) => handled.has(event.type))) return false;
  await client.query('BEGIN');
  try {
    await foldIntoTable(client, store, projection, projection.table, page.events);
    await saveCheckpoint(client, projection.name, projection.version, page.checkpoint);
    await client.query('COMMIT');
    return true;
  } catch (error) {
    // A failed rollback means a broken connection; the caller drops the session either way.
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  }
}
