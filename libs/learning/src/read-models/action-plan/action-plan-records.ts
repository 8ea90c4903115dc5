import type { ActionDocument } from '../actions/action.document';
import { actionMatches } from '../actions/action-views';
import type { RecommendationDocument } from '../recommendations/recommendations.projection';
import type { SourceDocument } from '../sources/sources.projection';
import { compareActionPlanRows, toActionPlanRow, type ActionPlanRecord, type ActionPlanRow } from './action-plan.row';

export interface ActionPlanFilters {
  readonly status?: string;
  /** Lead agency. */
  readonly agencyId?: string;
  readonly sourceId?: string;
  /** true: only overdue rows; false: only rows that are not overdue. */
  readonly overdue?: boolean;
}

/** The documents the action plan joins, by id, all of one partnership. */
export interface ActionPlanDocuments {
  readonly actions: Iterable<ActionDocument>;
  readonly recommendations: ReadonlyMap<string, RecommendationDocument>;
  readonly sources: ReadonlyMap<string, SourceDocument>;
}

/**
 * In-memory twin of the action plan's SQL join: one record per (action, recommendation), the
 * recommendation and its source left-joined, filtered as `ActionPlanQueries.rows` filters.
 */
export function actionPlanRecords(documents: ActionPlanDocuments, filters: ActionPlanFilters, now: Date): ActionPlanRecord[] {
  const { sourceId, ...actionFilters } = filters;
  const records: ActionPlanRecord[] = [];
  for (const action of documents.actions) {
    if (!actionMatches(action, actionFilters, now)) continue;
    for (const recommendationId of action.recommendationIds) {
      const recommendation = documents.recommendations.get(recommendationId);
      if (sourceId !== undefined && recommendation?.sourceId !== sourceId) continue;
      const source = recommendation ? documents.sources.get(recommendation.sourceId) : undefined;
      records.push({
        action,
        recommendation_id: recommendationId,
        recommendation_number: recommendation?.number ?? null,
        recommendation_text: recommendation?.text ?? null,
        source_id: source?.id ?? null,
        source_kind: source?.kind ?? null,
        source_title: source?.title ?? null,
      });
    }
  }
  return records;
}

/** Plan order and row shape, shared by the live query (SQL records) and time travel (in-memory records). */
export function actionPlanRows(
  records: readonly ActionPlanRecord[],
  now: Date,
  agencies: ReadonlyMap<string, { readonly name: string }>,
): ActionPlanRow[] {
  return [...records].sort(compareActionPlanRows).map((record) => toActionPlanRow(record, now, agencies));
}
