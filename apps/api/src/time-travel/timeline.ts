import {
  foldProjection,
  InvalidInput,
  type AnyDocumentProjection,
  type DocumentProjection,
  type RecordedEvent,
} from '@ledger/event-sourcing';
import { COLLECTIONS, eventEntry, itemOf, type Collection, type EventEntry } from './items';

/** One event of the timeline; with `includeState`, the item's document right after it. */
export interface TimelineEntry extends EventEntry {
  readonly collection: Collection | null;
  readonly itemId: string | null;
  readonly streamId: string;
  readonly state?: unknown;
}

const CURSOR = /^t1:(\d{1,20}):(\d{1,20})$/;

/** Cursors are opaque to clients: a versioned position, base64url-encoded. */
export function encodeCursor(position: string): string {
  return Buffer.from(`t1:${position}`, 'utf8').toString('base64url');
}

export function decodeCursor(cursor: string): { transactionId: string; globalPosition: string } {
  const match = CURSOR.exec(Buffer.from(cursor, 'base64url').toString('utf8'));
  if (!match || !/^[A-Za-z0-9_-]+$/.test(cursor)) throw new InvalidInput('cursor', 'is not a cursor this API issued');
  return { transactionId: match[1]!, globalPosition: match[2]! };
}

/**
 * The timeline entries of a page. With `streams` (each touched stream's events up to the page's
 * last event of it, in version order) every entry carries its item's document after the event,
 * folded through the read model's own projection — a client can step through states.
 */
export function timelineEntries(page: readonly RecordedEvent[], streams?: ReadonlyMap<string, readonly RecordedEvent[]>): TimelineEntry[] {
  return page.map((event) => {
    const item = itemOf(event);
    const entry: TimelineEntry = {
      ...eventEntry(event),
      collection: item?.collection ?? null,
      itemId: item?.id ?? null,
      streamId: event.streamId,
    };
    if (!streams) return entry;
    if (item === null) return { ...entry, state: null };
    const prefix = (streams.get(event.streamId) ?? []).filter((other) => other.streamVersion <= event.streamVersion);
    const projection: AnyDocumentProjection = COLLECTIONS[item.collection];
    return { ...entry, state: foldProjection(projection as DocumentProjection<unknown>, prefix).get(item.id) ?? null };
  });
}
