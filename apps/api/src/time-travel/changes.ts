import type { RecordedEvent } from '@ledger/event-sourcing';
import { documentOf, eventEntry, itemOf, titleOf, viewOf, type Collection, type EventEntry, type ItemRef } from './items';
import type { Snapshot } from './snapshot';

/** Fields every event touches; leaving them out keeps `changedFields` to what the events were about. */
const BOOKKEEPING = new Set(['version', 'updatedAt', 'lastRecordedAt']);

export interface ItemState {
  readonly status: string | null;
  readonly version: number;
}

/** What happened to one item between two instants. */
export interface ItemChanges {
  readonly collection: Collection;
  readonly id: string;
  readonly title: string | null;
  /** The item at `from` (null: it did not exist yet) and at `to`. */
  readonly before: ItemState | null;
  readonly after: ItemState | null;
  /** Top-level fields of the item's document that differ between `from` and `to`. */
  readonly changedFields: readonly string[];
  /** Its events between the instants, in commit order: what, who, when, forum, why. */
  readonly events: readonly EventEntry[];
}

function stateOf(view: { readonly version: number; readonly status?: unknown } | null): ItemState | null {
  return view === null ? null : { status: typeof view.status === 'string' ? view.status : null, version: view.version };
}

function changedFields(before: object | null, after: object | null): string[] {
  const b = (before ?? {}) as Record<string, unknown>;
  const a = (after ?? {}) as Record<string, unknown>;
  return [...new Set([...Object.keys(b), ...Object.keys(a)])]
    .filter((key) => !BOOKKEEPING.has(key) && JSON.stringify(b[key]) !== JSON.stringify(a[key]))
    .sort();
}

/**
 * Per item, the events of `window` (the events after `before`'s instant up to `after`'s) with the
 * item's state on each side. Items come in the commit order of their first change.
 */
export function changesBetween(before: Snapshot, after: Snapshot, window: readonly RecordedEvent[]): ItemChanges[] {
  const groups = new Map<string, { item: ItemRef; events: RecordedEvent[] }>();
  for (const event of window) {
    const item = itemOf(event);
    if (item === null) continue;
    const key = `${item.collection}/${item.id}`;
    const group = groups.get(key) ?? { item, events: [] };
    group.events.push(event);
    groups.set(key, group);
  }
  return [...groups.values()].map(({ item, events }) => {
    const [was, is] = [documentOf(before, item), documentOf(after, item)];
    return {
      collection: item.collection,
      id: item.id,
      title: titleOf(item, is ?? was),
      before: stateOf(viewOf(before, item)),
      after: stateOf(viewOf(after, item)),
      changedFields: changedFields(was, is),
      events: events.map(eventEntry),
    };
  });
}
