import type { DocumentProjection, RecordedEvent } from '@ledger/event-sourcing';
import {
  actionPlanRecords,
  actionPlanRows,
  actionsProjection,
  filterActions,
  filterRecommendations,
  filterSources,
  recommendationViewWith,
  recommendationsProjection,
  sourcesProjection,
  toActionView,
  toSourceView,
  type ActionFilters,
  type ActionPlanFilters,
  type RecommendationListFilters,
  type SourceListFilters,
} from '@ledger/learning';
import { challengesProjection, challengeView, filterChallenges, type ChallengeFilters } from '@ledger/challenge';
import { agenciesOf, partnershipsProjection, type PartnershipDocument } from '@ledger/partnership';
import { foldDocuments, type Folded } from './fold-documents';
import type { Cut } from './logged-event';
import type { PartnershipLog } from './partnership-log-cache';

export type { Folded } from './fold-documents';

/** What an as-of view adds to an item: whether any event folded into it was back-dated, and how many. */
export interface BackdatedMark {
  readonly backdated: boolean;
  readonly backdatedEvents: number;
}
export type Marked<T> = T & BackdatedMark;

/** Folds `events` through the same projection the engine runs, and counts back-dated events per document. */
export function foldMarkingBackdated<Doc>(projection: DocumentProjection<Doc>, events: readonly RecordedEvent[]): Folded<Doc> {
  return foldDocuments(projection, events);
}

function mark<T extends object>(view: T, count: number | undefined): Marked<T> {
  return { ...view, backdated: (count ?? 0) > 0, backdatedEvents: count ?? 0 };
}

/**
 * One partnership as its events say at some instants: each read model is folded (once, on first
 * use) through its projection, then answered with the live queries' own filters, order and
 * derivations, judged at `now` (the instant asked for).
 */
export class Snapshot {
  private readonly folded = new Map<string, Folded<unknown>>();

  constructor(
    readonly partnershipId: string,
    readonly events: readonly RecordedEvent[],
    readonly now: Date,
    /** Where `events` were cut from: folds then reuse the log's kept per-document folds (ADR 0009). */
    private readonly origin?: { readonly log: PartnershipLog; readonly cut: Cut },
  ) {}

  fold<Doc>(projection: DocumentProjection<Doc>): Folded<Doc> {
    let folded = this.folded.get(projection.name) as Folded<Doc> | undefined;
    if (!folded) {
      const { origin } = this;
      folded = origin
        ? origin.log.folds(projection).fold(origin.log.cached, origin.log.cachedCount, origin.log.tail, origin.cut)
        : foldMarkingBackdated(projection, this.events);
      this.folded.set(projection.name, folded);
    }
    return folded;
  }

  partnership(): Marked<PartnershipDocument> | null {
    const { docs, backdated } = this.fold(partnershipsProjection);
    const doc = docs.get(this.partnershipId);
    return doc ? mark(doc, backdated.get(doc.id)) : null;
  }

  agencies() {
    return agenciesOf(this.fold(partnershipsProjection).docs.get(this.partnershipId) ?? null);
  }

  actionPlan(filters: ActionPlanFilters) {
    const actions = this.fold(actionsProjection);
    const records = actionPlanRecords(
      {
        actions: actions.docs.values(),
        recommendations: this.fold(recommendationsProjection).docs,
        sources: this.fold(sourcesProjection).docs,
      },
      filters,
      this.now,
    );
    return actionPlanRows(records, this.now, this.agencies()).map((row) => mark(row, actions.backdated.get(row.action.id)));
  }

  actions(filters: ActionFilters) {
    const { docs, backdated } = this.fold(actionsProjection);
    return filterActions(docs.values(), filters, this.now).map((view) => mark(view, backdated.get(view.id)));
  }

  action(id: string) {
    const { docs, backdated } = this.fold(actionsProjection);
    const doc = docs.get(id);
    return doc ? mark(toActionView(doc, this.now), backdated.get(id)) : null;
  }

  recommendations(filters: RecommendationListFilters) {
    const { docs, backdated } = this.fold(recommendationsProjection);
    return filterRecommendations(docs.values(), this.fold(actionsProjection).docs.values(), filters).map((view) =>
      mark(view, backdated.get(view.id)),
    );
  }

  recommendation(id: string) {
    const { docs, backdated } = this.fold(recommendationsProjection);
    const doc = docs.get(id);
    return doc ? mark(recommendationViewWith(doc, this.fold(actionsProjection).docs.values()), backdated.get(id)) : null;
  }

  sources(filters: SourceListFilters) {
    const { docs, backdated } = this.fold(sourcesProjection);
    return filterSources(docs.values(), filters).map((item) => mark(item, backdated.get(item.id)));
  }

  source(id: string) {
    const { docs, backdated } = this.fold(sourcesProjection);
    const doc = docs.get(id);
    return doc ? mark(toSourceView(doc), backdated.get(id)) : null;
  }

  challenges(filters: ChallengeFilters) {
    const { docs, backdated } = this.fold(challengesProjection);
    return filterChallenges(docs.values(), filters, this.now).map((view) => mark(view, backdated.get(view.id)));
  }

  challenge(id: string) {
    const { docs, backdated } = this.fold(challengesProjection);
    const doc = docs.get(id);
    return doc ? mark(challengeView(doc, this.now), backdated.get(id)) : null;
  }
}
