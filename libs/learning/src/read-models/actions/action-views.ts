import type { ActionDocument } from './action.document';
import type { ActionFilters } from './action-filters';
import { deriveTimeliness, type DerivedTimeliness } from './action-timeliness';

/** An action as queries answer it: the stored document plus timeliness derived from `now`. */
export type ActionView = ActionDocument & DerivedTimeliness;

export function toActionView(doc: ActionDocument, now: Date): ActionView {
  return { ...doc, ...deriveTimeliness(doc, now) };
}

/** In-memory twin of `actionConditions`: true when the document passes every given filter at `now`. */
export function actionMatches(doc: ActionDocument, filters: ActionFilters, now: Date): boolean {
  if (filters.status !== undefined && doc.status !== filters.status) return false;
  if (filters.agencyId !== undefined && doc.leadAgencyId !== filters.agencyId) return false;
  if (filters.recommendationId !== undefined && !doc.recommendationIds.includes(filters.recommendationId)) return false;
  if (filters.overdue !== undefined && deriveTimeliness(doc, now).overdue !== filters.overdue) return false;
  return true;
}

/** List order of the actions query: oldest first (business time of ActionProposed), then id. */
export function compareActions(a: ActionDocument, b: ActionDocument): number {
  return compareText(a.createdAt, b.createdAt) || compareText(a.id, b.id);
}

/**
 * The actions list computed from documents folded in memory (time travel), exactly as
 * `ActionQueries.list` answers it from rm_actions.
 */
export function filterActions(docs: Iterable<ActionDocument>, filters: ActionFilters, now: Date): ActionView[] {
  return [...docs]
    .filter((doc) => actionMatches(doc, filters, now))
    .sort(compareActions)
    .map((doc) => toActionView(doc, now));
}

/** Byte order, as PostgreSQL compares text under the C collation the ledger's ISO strings and ids sort by. */
function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
