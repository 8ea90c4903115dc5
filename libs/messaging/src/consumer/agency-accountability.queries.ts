import type { Pool } from 'pg';
import { OPEN_ACTION_STATUSES, type AgencyAccountabilityRow } from './agency-accountability.changes';

interface Row {
  readonly partnership_id: string;
  readonly agency_id: string;
  readonly open_actions: number;
  readonly overdue_actions: number;
  readonly completed_actions: number;
  readonly closed_actions: number;
  readonly withdrawn_actions: number;
  readonly challenges_received: number;
  readonly open_challenges: number;
}

/** The agency accountability read model built by the Kafka consumer; overdue derived from `today`. */
export class AgencyAccountabilityQueries {
  constructor(private readonly pool: Pool) {}

  /** One line per agency with actions or challenges, by agency id; `today` is `YYYY-MM-DD`. */
  async forPartnership(partnershipId: string, today: string): Promise<AgencyAccountabilityRow[]> {
    const { rows } = await this.pool.query<Row>(
      `SELECT m.partnership_id, m.agency_id, m.open_actions, m.completed_actions, m.closed_actions, m.withdrawn_actions,
              m.challenges_received, m.open_challenges,
              (SELECT count(*)::int FROM kafka_agency_actions a
                WHERE a.partnership_id = m.partnership_id AND a.agency_id = m.agency_id
                  AND a.status = ANY($3) AND a.target_date < $2::date) AS overdue_actions
         FROM kafka_agency_accountability m
        WHERE m.partnership_id = $1
        ORDER BY m.agency_id COLLATE "C"`,
      [partnershipId, today, OPEN_ACTION_STATUSES],
    );
    return rows.map((row) => ({
      partnershipId: row.partnership_id,
      agencyId: row.agency_id,
      openActions: row.open_actions,
      overdueActions: row.overdue_actions,
      completedActions: row.completed_actions,
      closedActions: row.closed_actions,
      withdrawnActions: row.withdrawn_actions,
      challengesReceived: row.challenges_received,
      openChallenges: row.open_challenges,
    }));
  }
}
