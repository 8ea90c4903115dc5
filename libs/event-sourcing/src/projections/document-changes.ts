import type { RecordedEvent } from '../core/event';
import type { ColumnValue } from './projection';

/**
 * Any DocumentProjection, whatever its document type, so one list can hold them all. Method
 * syntax keeps the document parameters bivariant: `DocumentProjection<Action>` (and even
 * `DocumentProjection<never>`) is assignable, which a `DocumentProjection<unknown>` would refuse.
 */
export interface AnyDocumentProjection {
  readonly name: string;
  readonly version: number;
  readonly table: string;
  readonly canHandle: readonly string[];
  documentIds(event: RecordedEvent): readonly string[];
  evolve(doc: unknown, event: RecordedEvent, documentId: string): unknown;
  columns(doc: unknown): Readonly<Record<string, ColumnValue>>;
  partnershipIdOf(doc: unknown): string;
}

/** A document as stored: its JSON and the position of the last event it applied. */
export interface StoredDocument<Doc = unknown> {
  readonly doc: Doc;
  readonly lastPosition: string;
}

/** A document after a batch: `doc === null` means delete the row. */
export interface DocumentChange<Doc = unknown> {
  readonly doc: Doc | null;
  readonly lastPosition: string;
}

/** An event the projection handles, with the documents it touches. */
export interface RoutedEvent {
  readonly event: RecordedEvent;
  readonly documentIds: readonly string[];
}

/** Keeps the events the projection handles and asks each which documents it changes. */
export function routeEvents(projection: AnyDocumentProjection, events: readonly RecordedEvent[]): RoutedEvent[] {
  const handled = new Set(projection.canHandle);
  return events
    .filter((event) => handled.has(event.type))
    .map((event) => ({ event, documentIds: [...new Set(projection.documentIds(event))] }));
}

/** Every document id the routed events touch, once each. */
export function touchedDocumentIds(routed: readonly RoutedEvent[]): string[] {
  return [...new Set(routed.flatMap((entry) => entry.documentIds))];
}

/**
 * Documents are stored as JSON (jsonb); every evolved document takes that shape at once so a
 * projection behaves the same whether the next event arrives in this batch or the next one.
 */
export function asStoredJson<Doc>(doc: Doc): Doc {
  return JSON.parse(JSON.stringify(doc)) as Doc;
}

/**
 * Folds routed events into the loaded documents, in order. An event is skipped for a document
 * whose last applied position already covers it (redelivery is harmless); `covers` absent means
 * every event is new (a pure fold from nothing). Returns only the documents that changed.
 */
export function applyRoutedEvents(
  projection: AnyDocumentProjection,
  routed: readonly RoutedEvent[],
  loaded: ReadonlyMap<string, StoredDocument>,
  covers?: (checkpoint: string, position: string) => boolean,
): Map<string, DocumentChange> {
  const working = new Map<string, { doc: unknown; lastPosition: string | null }>();
  const changed = new Map<string, DocumentChange>();
  for (const { event, documentIds } of routed) {
    for (const id of documentIds) {
      const current = working.get(id) ?? loaded.get(id) ?? { doc: null, lastPosition: null };
      if (covers && current.lastPosition !== null && covers(current.lastPosition, event.position)) continue;
      const evolved = projection.evolve(current.doc, event, id);
      const doc = evolved === null || evolved === undefined ? null : asStoredJson(evolved);
      working.set(id, { doc, lastPosition: event.position });
      changed.set(id, { doc, lastPosition: event.position });
    }
  }
  return changed;
}
