import type { ActionStatus } from '../../domain/action/action.state';
import type { RecommendationStatus } from '../../domain/recommendation/recommendation.values';
import { deriveRecommendationStatus, type LinkedActionCounts } from './recommendation-status';
import type { RecommendationDocument } from './recommendations.projection';

export interface RecommendationListFilters {
  readonly sourceId?: string;
  /** An addressee agency. */
  readonly agencyId?: string;
  readonly status?: RecommendationStatus;
}

/** A recommendation with its status derived from the actions linked to it now. */
export interface RecommendationView extends RecommendationDocument {
  readonly status: RecommendationStatus;
  readonly actionIds: readonly string[];
  readonly actionCounts: LinkedActionCounts;
}

/** What the view needs of an action linked to a recommendation. */
export interface LinkedAction {
  readonly id: string;
  readonly status: ActionStatus;
  readonly recommendationIds: readonly string[];
}

/** The view from the document, the linked action ids (sorted) and their counts by outcome. */
export function toRecommendationView(
  doc: RecommendationDocument,
  actionIds: readonly string[],
  counts: Omit<LinkedActionCounts, 'open'>,
): RecommendationView {
  const { total, closed, cancelled, superseded } = counts;
  const actionCounts = { total, open: total - closed - cancelled - superseded, closed, cancelled, superseded };
  return { ...doc, status: deriveRecommendationStatus(doc.response?.decision ?? null, actionCounts), actionIds, actionCounts };
}

/** In-memory twin of the SQL lateral join: the view of `doc` given the partnership's actions. */
export function recommendationViewWith(doc: RecommendationDocument, actions: Iterable<LinkedAction>): RecommendationView {
  const linked = [...actions].filter((action) => action.recommendationIds.includes(doc.id));
  const count = (status: ActionStatus) => linked.filter((action) => action.status === status).length;
  const actionIds = linked.map((action) => action.id).sort(compareText);
  return toRecommendationView(doc, actionIds, {
    total: linked.length,
    closed: count('closed'),
    cancelled: count('cancelled'),
    superseded: count('superseded'),
  });
}

/**
 * The recommendations list from documents folded in memory (time travel), filtered and ordered
 * exactly as `RecommendationQueries.list` answers it.
 */
export function filterRecommendations(
  docs: Iterable<RecommendationDocument>,
  actions: Iterable<LinkedAction>,
  filters: RecommendationListFilters,
): RecommendationView[] {
  const linkable = [...actions];
  return [...docs]
    .filter((doc) => filters.sourceId === undefined || doc.sourceId === filters.sourceId)
    .filter((doc) => filters.agencyId === undefined || doc.addresseeAgencyIds.includes(filters.agencyId))
    .sort(compareRecommendations)
    .map((doc) => recommendationViewWith(doc, linkable))
    .filter((view) => filters.status === undefined || view.status === filters.status);
}

/** List order: made first, then source, number by its leading digits (2 before 10, none last), number, id. */
export function compareRecommendations(a: RecommendationDocument, b: RecommendationDocument): number {
  return (
    compareText(a.createdAt, b.createdAt) ||
    compareText(a.sourceId, b.sourceId) ||
    compareLeadingNumber(a.number, b.number) ||
    compareText(a.number, b.number) ||
    compareText(a.id, b.id)
  );
}

/** `NULLIF(substring(number from '^[0-9]+'), '')::numeric NULLS LAST`, without float rounding. */
function compareLeadingNumber(a: string, b: string): number {
  const x = /^[0-9]+/.exec(a)?.[0];
  const y = /^[0-9]+/.exec(b)?.[0];
  if (x === undefined || y === undefined) return x === y ? 0 : x === undefined ? 1 : -1;
  const [p, q] = [x.replace(/^0+(?=.)/, ''), y.replace(/^0+(?=.)/, '')];
  return p.length - q.length || compareText(p, q);
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
