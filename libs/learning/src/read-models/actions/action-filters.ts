import { OVERDUE_STATUSES, todayInEngland } from './action-timeliness';

export interface ActionFilters {
  readonly status?: string;
  /** Lead agency. */
  readonly agencyId?: string;
  readonly recommendationId?: string;
  /** true: only overdue actions; false: only actions that are not overdue. */
  readonly overdue?: boolean;
}

/**
 * SQL conditions on an `rm_actions` alias for the filters, pushing their values onto `params`
 * ($n placeholders). The overdue condition is the SQL twin of deriveTimeliness' `overdue`.
 */
export function actionConditions(alias: string, filters: ActionFilters, now: Date, params: unknown[]): string[] {
  const add = (value: unknown): string => {
    params.push(value);
    return `$${params.length}`;
  };
  const conditions: string[] = [];
  if (filters.status !== undefined) conditions.push(`${alias}.status = ${add(filters.status)}`);
  if (filters.agencyId !== undefined) conditions.push(`${alias}.lead_agency_id = ${add(filters.agencyId)}`);
  if (filters.recommendationId !== undefined)
    conditions.push(`${alias}.recommendation_ids @> ARRAY[${add(filters.recommendationId)}]::text[]`);
  if (filters.overdue !== undefined) {
    const overdue = `(${alias}.target_date < ${add(todayInEngland(now))} AND ${alias}.status = ANY(${add([...OVERDUE_STATUSES])}::text[]))`;
    conditions.push(filters.overdue ? overdue : `NOT ${overdue}`);
  }
  return conditions;
}
