import type { DataSource } from 'typeorm';
import type { ActionDocument } from './action.document';
import { actionConditions, type ActionFilters } from './action-filters';
import { toActionView, type ActionView } from './action-views';

export { toActionView, type ActionView } from './action-views';

/** Reads rm_actions, always within one partnership. */
export class ActionQueries {
  constructor(private readonly dataSource: DataSource) {}

  /** One action, or null when it does not exist in this partnership. `now` defaults to the clock. */
  async get(partnershipId: string, actionId: string, now: Date = new Date()): Promise<ActionView | null> {
    const rows: { doc: ActionDocument }[] = await this.dataSource.query(
      'SELECT doc FROM rm_actions WHERE partnership_id = $1 AND id = $2',
      [partnershipId, actionId],
    );
    const row = rows[0];
    return row ? toActionView(row.doc, now) : null;
  }

  /** The partnership's actions, oldest first, filtered by status, lead agency, recommendation, overdue. */
  async list(partnershipId: string, filters: ActionFilters, now: Date): Promise<ActionView[]> {
    const params: unknown[] = [partnershipId];
    const conditions = ['a.partnership_id = $1', ...actionConditions('a', filters, now, params)];
    const rows: { doc: ActionDocument }[] = await this.dataSource.query(
      `SELECT a.doc FROM rm_actions a WHERE ${conditions.join(' AND ')} ORDER BY a.doc->>'createdAt', a.id`,
      params,
    );
    return rows.map((row) => toActionView(row.doc, now));
  }
}
