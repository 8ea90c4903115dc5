import type { DocumentProjection } from '@ledger/event-sourcing';
import type { Folded } from './fold-documents';
import { withinCut, type Cut, type LoggedEvent } from './logged-event';

/** The events one document was built from (indexes into the partnership's log), and its fold of all of them. */
interface DocumentHistory {
  readonly indexes: number[];
  /** The document folded from its first `count` events, in its stored JSON shape, frozen; null: deleted. */
  full: { readonly count: number; readonly doc: unknown } | null;
  /** Folds of shorter prefixes that cuts asked for (most recent first, at most PREFIXES_KEPT). */
  prefixes: { readonly count: number; readonly doc: unknown }[];
}

/** Prefix folds kept per document: the two instants of a /changes query, or one and the next asked. */
const PREFIXES_KEPT = 2;

const countBackdated = (events: readonly LoggedEvent[]): number =>
  events.filter((event) => event.metadata.backdatedReason !== undefined).length;

function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}

/**
 * One projection over one partnership's cached log: every cached event routed once to the
 * documents it changes, and each document's fold of its whole history kept (ADR 0009). A cut
 * (asOf/validAt) reuses the kept fold of every document whose events all fall inside it, leaves
 * out those with none inside, and folds from scratch only the few that straddle it — exactly
 * what folding the cut's events would give, document by document, in the same order. A
 * straddling document whose events inside the cut are its first ones keeps that prefix fold too
 * (the last two asked for), so the two instants of a /changes query, asked again, fold nothing.
 */
export class DocumentFolds<Doc> {
  private readonly documents = new Map<string, DocumentHistory>();
  private routed = 0;
  private readonly handled: ReadonlySet<string>;

  constructor(private readonly projection: DocumentProjection<Doc>) {
    this.handled = new Set(projection.canHandle);
  }

  /** Routes the log's events not yet routed, up to `upTo` (the log only ever grows). */
  private extend(log: readonly LoggedEvent[], upTo: number): void {
    for (; this.routed < upTo; this.routed++) {
      const event = log[this.routed]!;
      if (!this.handled.has(event.type)) continue;
      for (const id of new Set(this.projection.documentIds(event))) {
        const history = this.documents.get(id) ?? { indexes: [], full: null, prefixes: [] };
        history.indexes.push(this.routed);
        this.documents.set(id, history);
      }
    }
  }

  /**
   * The documents of the events inside `cut` among the first `upTo` events of the cached `log`
   * (what this read saw; the log may have grown since) followed by `tail`: events read for this
   * request only, folded from scratch here.
   */
  fold(log: readonly LoggedEvent[], upTo: number, tail: readonly LoggedEvent[], cut: Cut): Folded<Doc> {
    this.extend(log, upTo);
    // Positions after the cached log, so tail-only documents sort after the others in tail order.
    const tailIds = new Map<string, { first: number; events: LoggedEvent[] }>();
    tail.forEach((event, index) => {
      if (!this.handled.has(event.type) || !withinCut(event, cut)) return;
      for (const id of new Set(this.projection.documentIds(event))) {
        const entry = tailIds.get(id) ?? { first: upTo + index, events: [] };
        entry.events.push(event);
        tailIds.set(id, entry);
      }
    });
    const found: { id: string; first: number; doc: Doc; backdated: number }[] = [];
    for (const [id, history] of this.documents) {
      const inside: LoggedEvent[] = [];
      let first = -1;
      let backdated = 0;
      let known = 0;
      // Whether the events inside are the document's first ones (nothing left out before one kept).
      let prefix = true;
      for (const index of history.indexes) {
        if (index >= upTo) break;
        known++;
        const event = log[index]!;
        if (!withinCut(event, cut)) continue;
        if (inside.length !== known - 1) prefix = false;
        if (first < 0) first = index;
        inside.push(event);
        if (event.metadata.backdatedReason !== undefined) backdated++;
      }
      const extra = tailIds.get(id);
      tailIds.delete(id);
      if (inside.length === 0 && !extra) continue;
      let doc: Doc | null;
      if (inside.length === known && !extra && (history.full?.count ?? 0) <= known) doc = this.fullDoc(log, id, history, known);
      else if (prefix && !extra) doc = this.prefixDoc(id, history, inside);
      else doc = this.foldFresh(id, [...inside, ...(extra?.events ?? [])]);
      backdated += countBackdated(extra?.events ?? []);
      if (doc !== null) found.push({ id, first: first < 0 ? extra!.first : first, doc, backdated });
    }
    for (const [id, { first, events }] of tailIds) {
      const doc = this.foldFresh(id, events);
      if (doc !== null) found.push({ id, first, doc, backdated: countBackdated(events) });
    }
    // foldProjection keeps documents in the order the cut's events first touched them.
    found.sort((a, b) => a.first - b.first);
    const docs = new Map<string, Doc>();
    const backdated = new Map<string, number>();
    for (const entry of found) {
      docs.set(entry.id, entry.doc);
      if (entry.backdated > 0) backdated.set(entry.id, entry.backdated);
    }
    return { docs, backdated };
  }

  /** The document folded from its first `count` cached events: kept, extended from the kept fold when it grew. */
  private fullDoc(log: readonly LoggedEvent[], id: string, history: DocumentHistory, count: number): Doc | null {
    if (history.full?.count !== count) {
      let doc = (history.full?.doc ?? null) as Doc | null;
      for (let at = history.full?.count ?? 0; at < count; at++) {
        doc = this.projection.evolve(doc, log[history.indexes[at]!]!, id) ?? null;
      }
      history.full = { count, doc: doc === null ? null : deepFreeze(JSON.parse(JSON.stringify(doc)) as Doc) };
    }
    return history.full.doc as Doc | null;
  }

  /** The document folded from `inside`, its first events: a kept prefix fold, or folded and kept. */
  private prefixDoc(id: string, history: DocumentHistory, inside: readonly LoggedEvent[]): Doc | null {
    const count = inside.length;
    let kept = history.prefixes.find((prefix) => prefix.count === count);
    if (!kept) {
      const doc = this.foldFresh(id, inside);
      kept = { count, doc: doc === null ? null : deepFreeze(doc) };
    }
    history.prefixes = [kept, ...history.prefixes.filter((prefix) => prefix !== kept)].slice(0, PREFIXES_KEPT);
    return kept.doc as Doc | null;
  }

  private foldFresh(id: string, events: readonly LoggedEvent[]): Doc | null {
    let doc: Doc | null = null;
    for (const event of events) doc = this.projection.evolve(doc, event, id) ?? null;
    return doc === null ? null : (JSON.parse(JSON.stringify(doc)) as Doc);
  }
}
