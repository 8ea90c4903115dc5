import type { DataSource } from 'typeorm';
import type { ChallengeStatus } from '../../domain/challenge-values';
import type { ChallengeDocument } from './challenge.document';
import { daysBetween, londonDateOf } from './london-calendar';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A challenge with the values derived at query time from `now` (never stored). */
export interface ChallengeView extends ChallengeDocument {
  /** Never responded, still open, and the response due date is before today (UK time). */
  readonly responseOverdue: boolean;
  /** Whole days from the day it was raised to the day it closed, or to today while not closed. */
  readonly ageDays: number;
}

export interface ChallengeFilters {
  readonly status?: ChallengeStatus | readonly ChallengeStatus[];
  readonly toAgencyId?: string;
  /** true: escalated at some point (any level); false: never escalated. */
  readonly escalated?: boolean;
  /** true: responseOverdue; false: not responseOverdue. */
  readonly overdue?: boolean;
}

const NOT_AWAITING_FIRST_RESPONSE: readonly ChallengeStatus[] = ['withdrawn', 'closed'];

/** The rule behind `responseOverdue`, as SQL over rm_challenges; `$today` is a `YYYY-MM-DD` parameter. */
function overdueSql(today: string): string {
  return `(doc->>'respondedAt' IS NULL AND status <> ALL('{withdrawn,closed}'::text[]) AND response_due_date < ${today}::date)`;
}

export function challengeView(doc: ChallengeDocument, now: Date): ChallengeView {
  const today = londonDateOf(now);
  const responseOverdue = doc.respondedAt === null && !NOT_AWAITING_FIRST_RESPONSE.includes(doc.status) && doc.responseDueDate < today;
  const end = doc.closedAt === null ? today : londonDateOf(new Date(doc.closedAt));
  return { ...doc, responseOverdue, ageDays: Math.max(0, daysBetween(londonDateOf(new Date(doc.raisedAt)), end)) };
}

/** Reads rm_challenges, always within one partnership. */
export class ChallengeQueries {
  constructor(private readonly dataSource: Pick<DataSource, 'query'>) {}

  /** The challenge, or null when it does not exist in this partnership. */
  async get(partnershipId: string, challengeId: string, now: Date): Promise<ChallengeView | null> {
    const rows = UUID.test(partnershipId)
      ? await this.dataSource.query<{ doc: ChallengeDocument }[]>('SELECT doc FROM rm_challenges WHERE partnership_id = $1 AND id = $2', [
          partnershipId,
          challengeId,
        ])
      : [];
    const row = rows[0];
    return row ? challengeView(row.doc, now) : null;
  }

  /** The partnership's challenges matching every given filter, newest raised first. */
  async list(partnershipId: string, filters: ChallengeFilters, now: Date): Promise<ChallengeView[]> {
    if (!UUID.test(partnershipId)) return [];
    const params: unknown[] = [partnershipId];
    const where = ['partnership_id = $1'];
    const param = (value: unknown): string => `$${params.push(value)}`;
    if (filters.status !== undefined) {
      const statuses: readonly ChallengeStatus[] = typeof filters.status === 'string' ? [filters.status] : filters.status;
      where.push(`status = ANY(${param(statuses)}::text[])`);
    }
    if (filters.toAgencyId !== undefined) where.push(`to_agency_id = ${param(filters.toAgencyId)}`);
    if (filters.escalated !== undefined) where.push(filters.escalated ? 'escalation_level IS NOT NULL' : 'escalation_level IS NULL');
    if (filters.overdue !== undefined) {
      const overdue = overdueSql(param(londonDateOf(now)));
      where.push(filters.overdue ? overdue : `NOT ${overdue}`);
    }
    const rows = await this.dataSource.query<{ doc: ChallengeDocument }[]>(
      `SELECT doc FROM rm_challenges WHERE ${where.join(' AND ')} ORDER BY doc->>'raisedAt' DESC, id`,
      params,
    );
    return rows.map((row) => challengeView(row.doc, now));
  }
}
