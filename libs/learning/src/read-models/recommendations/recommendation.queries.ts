import type { DataSource } from 'typeorm';
import { toRecommendationView, type RecommendationListFilters, type RecommendationView } from './recommendation-views';
import type { RecommendationDocument } from './recommendations.projection';

export type { RecommendationListFilters, RecommendationView } from './recommendation-views';

interface Row {
  readonly doc: RecommendationDocument;
  readonly action_ids: readonly string[];
  readonly total: number;
  readonly closed: number;
  readonly cancelled: number;
  readonly superseded: number;
}

/** Joins each recommendation to the actions that name it in rm_actions.recommendation_ids. */
const SELECT = `
  SELECT r.doc, COALESCE(a.action_ids, '{}') AS action_ids, a.total, a.closed, a.cancelled, a.superseded
  FROM rm_recommendations r
  CROSS JOIN LATERAL (
    SELECT array_agg(x.id ORDER BY x.id) AS action_ids,
           count(*)::int AS total,
           (count(*) FILTER (WHERE x.status = 'closed'))::int AS closed,
           (count(*) FILTER (WHERE x.status = 'cancelled'))::int AS cancelled,
           (count(*) FILTER (WHERE x.status = 'superseded'))::int AS superseded
    FROM rm_actions x
    WHERE x.partnership_id = r.partnership_id AND r.id = ANY (x.recommendation_ids)
  ) a`;

function toView(row: Row): RecommendationView {
  return toRecommendationView(row.doc, row.action_ids, row);
}

/** Reads rm_recommendations (with rm_actions for the derived status), always within one partnership. */
export class RecommendationQueries {
  constructor(private readonly dataSource: DataSource) {}

  /** The recommendation, or null when it does not exist in this partnership. */
  async get(partnershipId: string, recommendationId: string): Promise<RecommendationView | null> {
    const rows: Row[] = await this.dataSource.query(`${SELECT} WHERE r.partnership_id = $1 AND r.id = $2`, [
      partnershipId,
      recommendationId,
    ]);
    return rows[0] ? toView(rows[0]) : null;
  }

  async list(partnershipId: string, filters: RecommendationListFilters = {}): Promise<RecommendationView[]> {
    const params: unknown[] = [partnershipId];
    const where = ['r.partnership_id = $1'];
    if (filters.sourceId !== undefined) where.push(`r.source_id = $${params.push(filters.sourceId)}`);
    if (filters.agencyId !== undefined) where.push(`r.addressee_agency_ids @> ARRAY[$${params.push(filters.agencyId)}::text]`);
    const rows: Row[] = await this.dataSource.query(
      `${SELECT} WHERE ${where.join(' AND ')}
       ORDER BY r.doc->>'createdAt', r.source_id, NULLIF(substring(r.number from '^[0-9]+'), '')::numeric NULLS LAST, r.number, r.id`,
      params,
    );
    const views = rows.map(toView);
    // Status is derived from the actions at query time, so it filters here rather than in SQL.
    return filters.status === undefined ? views : views.filter((view) => view.status === filters.status);
  }

  /** The next whole number among the source's recommendations ("1" for the first). */
  async nextNumber(partnershipId: string, sourceId: string): Promise<string> {
    const rows: { next: string }[] = await this.dataSource.query(
      `SELECT (COALESCE(MAX(number::numeric), 0) + 1)::text AS next
       FROM rm_recommendations WHERE partnership_id = $1 AND source_id = $2 AND number ~ '^[0-9]{1,18}$'`,
      [partnershipId, sourceId],
    );
    return rows[0]?.next ?? '1';
  }
}
