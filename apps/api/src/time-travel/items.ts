import type { AnyDocumentProjection, DocumentProjection, RecordedEvent } from '@ledger/event-sourcing';
import { actionsProjection, recommendationsProjection, sourcesProjection } from '@ledger/learning';
import { challengesProjection } from '@ledger/challenge';
import { ledgerEventContracts } from '@ledger/messaging';
import { partnershipsProjection } from '@ledger/partnership';
import type { Snapshot } from './snapshot';

/** The collections of the API, each read model's projection, and how to name one of its items. */
export const COLLECTIONS = {
  partnerships: partnershipsProjection,
  sources: sourcesProjection,
  recommendations: recommendationsProjection,
  actions: actionsProjection,
  challenges: challengesProjection,
} as const;
export type Collection = keyof typeof COLLECTIONS;
const NAMES = Object.keys(COLLECTIONS) as Collection[];

/**
 * Every event type the ledger records (the timeline's `types=` filter): each context's published
 * contract types (the relay's list, so a new event type is known once it has its contract) and
 * every type an item's read model handles.
 */
export const KNOWN_EVENT_TYPES: ReadonlySet<string> = new Set([
  ...ledgerEventContracts().eventTypes,
  ...NAMES.flatMap((name) => COLLECTIONS[name].canHandle),
]);

export interface ItemRef {
  readonly collection: Collection;
  readonly id: string;
}

/** The item an event belongs to (its stream's document), or null for an event no read model shows. */
export function itemOf(event: RecordedEvent): ItemRef | null {
  for (const collection of NAMES) {
    const projection: AnyDocumentProjection = COLLECTIONS[collection];
    if (!projection.canHandle.includes(event.type)) continue;
    const id = projection.documentIds(event)[0];
    if (id !== undefined) return { collection, id };
  }
  return null;
}

/** The item's document in the snapshot (what its read model row would hold), or null. */
export function documentOf(snapshot: Snapshot, item: ItemRef): object | null {
  const docs: ReadonlyMap<string, object> = snapshot.fold<object>(
    COLLECTIONS[item.collection] as unknown as DocumentProjection<object>,
  ).docs;
  return docs.get(item.id) ?? null;
}

/** The item as its GET would answer it at the snapshot's instants, or null if it did not exist. */
export function viewOf(snapshot: Snapshot, item: ItemRef): ({ readonly version: number; readonly status?: string } & object) | null {
  switch (item.collection) {
    case 'partnerships':
      return item.id === snapshot.partnershipId ? snapshot.partnership() : null;
    case 'sources':
      return snapshot.source(item.id);
    case 'recommendations':
      return snapshot.recommendation(item.id);
    case 'actions':
      return snapshot.action(item.id);
    case 'challenges':
      return snapshot.challenge(item.id);
    default: {
      const unknown: never = item.collection;
      return unknown;
    }
  }
}

/** A human label for the item: name, title, number and text, description or subject. */
export function titleOf(item: ItemRef, doc: object | null): string | null {
  if (doc === null) return null;
  const d = doc as Record<string, unknown>;
  const text = (key: string): string | null => {
    const value = d[key];
    return typeof value === 'string' ? value : null;
  };
  switch (item.collection) {
    case 'partnerships':
      return text('name');
    case 'sources':
      return text('title');
    case 'recommendations':
      return [text('number'), text('text')].filter((part) => part !== null).join('. ') || null;
    case 'actions':
      return text('description');
    case 'challenges':
      return text('subject');
    default: {
      const unknown: never = item.collection;
      return unknown;
    }
  }
}

/** One event as time-travel responses show it: who, when (both times), on whose authority, why. */
export interface EventEntry {
  readonly position: string;
  readonly type: string;
  readonly version: number;
  readonly occurredAt: string;
  readonly recordedAt: string;
  readonly actor: unknown;
  readonly forum: string | null;
  /** Why: the reason the command gave (cancel, return, revise …), else the back-dating reason. */
  readonly reason: string | null;
  readonly backdated: boolean;
  readonly backdatedReason: string | null;
  readonly eventId: string;
  readonly correlationId: string;
  readonly causationId: string;
  readonly data: unknown;
}

export function eventEntry(event: RecordedEvent): EventEntry {
  const { metadata } = event;
  const dataReason = (event.data as { reason?: unknown }).reason;
  return {
    position: event.position,
    type: event.type,
    version: Number(event.streamVersion),
    occurredAt: metadata.occurredAt,
    recordedAt: event.recordedAt.toISOString(),
    actor: metadata.actor,
    forum: metadata.forum ?? null,
    reason: typeof dataReason === 'string' ? dataReason : (metadata.backdatedReason ?? null),
    backdated: metadata.backdatedReason !== undefined,
    backdatedReason: metadata.backdatedReason ?? null,
    eventId: metadata.eventId,
    correlationId: metadata.correlationId,
    causationId: metadata.causationId,
    data: event.data,
  };
}
