import type { DataSource } from 'typeorm';
import { actionConditions } from '../actions/action-filters';
import { compareActionPlanRows, toActionPlanRow, type ActionPlanRecord, type ActionPlanRow } from './action-plan.row';

export interface ActionPlanFilters {
  readonly status?: string;
  /** Lead agency. */
  readonly agencyId?: string;
  readonly sourceId?: string;
  /** true: only overdue rows; false: only rows that are not overdue. */
  readonly overdue?: boolean;
}

/**
 * The live action plan: one row per (action, recommendation), joined to rm_recommendations and
 * rm_sources (left joins: a row shows before its recommendation or source is projected).
 */
export class ActionPlanQueries {
  constructor(private readonly dataSource: DataSource) {}

  async rows(
    partnershipId: string,
    filters: ActionPlanFilters,
    now: Date,
    agencies: ReadonlyMap<string, { readonly name: string }>,
  ): Promise<ActionPlanRow[]> {
    const params: unknown[] = [partnershipId];
    const { sourceId, ...actionFilters } = filters;
    const conditions = ['a.partnership_id = $1', ...actionConditions('a', actionFilters, now, params)];
    if (sourceId !== undefined) {
      params.push(sourceId);
      conditions.push(`r.source_id = $${params.length}`);
    }
    const records: ActionPlanRecord[] = await this.dataSource.query(
      `SELECT a.doc AS action,
              ar.recommendation_id,
              r.doc->>'number' AS recommendation_number,
              r.doc->>'text' AS recommendation_text,
              s.id AS source_id,
              s.doc->>'kind' AS source_kind,
              s.doc->>'title' AS source_title
         FROM rm_actions a
        CROSS JOIN LATERAL unnest(a.recommendation_ids) AS ar(recommendation_id)
         LEFT JOIN rm_recommendations r ON r.id = ar.recommendation_id AND r.partnership_id = a.partnership_id
         LEFT JOIN rm_sources s ON s.id = r.source_id AND s.partnership_id = a.partnership_id
        WHERE ${conditions.join(' AND ')}`,
      params,
    );
    return [...records].sort(compareActionPlanRows).map((record) => toActionPlanRow(record, now, agencies));
  }
}
