import type { RecordedEvent } from '../core/event';
import { applyRoutedEvents, routeEvents } from './document-changes';
import type { DocumentProjection } from './projection';

/**
 * Pure: the documents a projection builds from `events`, by id, exactly as the engine would
 * (same canHandle filter, documentIds routing, evolve, JSON shape; null deletes). For unit tests
 * of any projection, no database needed.
 */
export function foldProjection<Doc>(projection: DocumentProjection<Doc>, events: readonly RecordedEvent[]): Map<string, Doc> {
  const changes = applyRoutedEvents(projection, routeEvents(projection, events), new Map());
  const documents = new Map<string, Doc>();
  for (const [id, change] of changes) if (change.doc !== null) documents.set(id, change.doc as Doc);
  return documents;
}
