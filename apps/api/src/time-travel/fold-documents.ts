import type { DocumentProjection, RecordedEvent } from '@ledger/event-sourcing';

/** Documents folded from events in memory, and per document how many of its events were back-dated. */
export interface Folded<Doc> {
  readonly docs: ReadonlyMap<string, Doc>;
  readonly backdated: ReadonlyMap<string, number>;
}

const handledBy = new WeakMap<object, ReadonlySet<string>>();

function handled(projection: DocumentProjection<unknown>): ReadonlySet<string> {
  let types = handledBy.get(projection);
  if (!types) {
    types = new Set(projection.canHandle);
    handledBy.set(projection, types);
  }
  return types;
}

/**
 * The documents `foldProjection` builds from `events` (same canHandle filter, documentIds routing,
 * evolve, and JSON shape), counting back-dated events per document as it goes — in one pass, and
 * taking each document's stored JSON shape once at the end rather than after every event: for
 * as-of reads over a large partnership that per-event copy was most of the fold. Evolve is pure,
 * so the documents in between never leak; a test holds the result equal to `foldProjection`'s.
 */
export function foldDocuments<Doc>(projection: DocumentProjection<Doc>, events: readonly RecordedEvent[]): Folded<Doc> {
  const types = handled(projection as DocumentProjection<unknown>);
  const working = new Map<string, Doc | null>();
  const backdatedEvents = new Map<string, number>();
  for (const event of events) {
    if (!types.has(event.type)) continue;
    const ids = projection.documentIds(event);
    const backdated = event.metadata.backdatedReason !== undefined;
    for (const id of ids.length > 1 ? new Set(ids) : ids) {
      const evolved = projection.evolve(working.get(id) ?? null, event, id);
      working.set(id, evolved ?? null);
      if (backdated) backdatedEvents.set(id, (backdatedEvents.get(id) ?? 0) + 1);
    }
  }
  const docs = new Map<string, Doc>();
  const backdated = new Map<string, number>();
  for (const [id, doc] of working) {
    if (doc === null) continue;
    docs.set(id, JSON.parse(JSON.stringify(doc)) as Doc);
    const count = backdatedEvents.get(id);
    if (count !== undefined) backdated.set(id, count);
  }
  return { docs, backdated };
}
