import type { ClientBase } from 'pg';
import type { EventStore, ReadAllPage } from '../core/event-store.port';
import { applyRoutedEvents, routeEvents, touchedDocumentIds, type AnyDocumentProjection } from './document-changes';
import { loadDocuments, saveCheckpoint, writeDocuments } from './projection-sql';

/**
 * Where a projection is applied. Today the live table under the projection's own name; a
 * side-by-side rebuild will target `<table>_v<version>` under `<name>@v<version>` and then switch.
 */
export interface ProjectionTarget {
  readonly table: string;
  readonly checkpointName: string;
}

export function liveTarget(projection: AnyDocumentProjection): ProjectionTarget {
  return { table: projection.table, checkpointName: projection.name };
}

/**
 * Applies one page of events in ONE transaction on `client` (which holds the projection's lock):
 * load and lock the touched rows, evolve, bulk upsert/delete, save the checkpoint and notify.
 * A handful of round trips per page whatever its size. Throws (after rollback) if evolve does.
 */
export async function applyPage(
  client: ClientBase,
  store: Pick<EventStore, 'covers'>,
  projection: AnyDocumentProjection,
  target: ProjectionTarget,
  page: ReadAllPage,
  persistIdleCheckpoint = true,
): Promise<boolean> {
  const routed = routeEvents(projection, page.events);
  // A page with nothing for this projection changes no row: its checkpoint may wait for the next
  // write (re-reading those events after a restart is harmless), saving a commit per page.
  if (routed.length === 0 && !persistIdleCheckpoint) return false;
  await client.query('BEGIN');
  try {
    if (routed.length > 0) {
      const loaded = await loadDocuments(client, target.table, touchedDocumentIds(routed));
      const changes = applyRoutedEvents(projection, routed, loaded, (checkpoint, position) => store.covers(checkpoint, position));
      await writeDocuments(client, projection, target.table, changes);
    }
    await saveCheckpoint(client, target.checkpointName, projection.version, page.checkpoint);
    await client.query('COMMIT');
    return true;
  } catch (error) {
    // A failed rollback means a broken connection; the caller drops the session either way.
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  }
}
