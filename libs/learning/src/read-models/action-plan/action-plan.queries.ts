import type { DataSource } from 'typeorm';
import { actionConditions } from '../actions/action-filters';
import { actionPlanRows, type ActionPlanFilters } from './action-plan-records';
import type { ActionPlanRecord, ActionPlanRow } from './action-plan.row';

export type { ActionPlanFilters } from './action-plan-records';

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
    return actionPlanRows(records, now, agencies);
  }
}
