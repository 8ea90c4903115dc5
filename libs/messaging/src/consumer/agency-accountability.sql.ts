import type { ClientBase } from 'pg';
import type { AccountabilityChange } from './agency-accountability.changes';

/** Records the event id in the inbox; false when this consumer already has it (a redelivery). */
export async function firstDelivery(client: ClientBase, consumer: string, eventId: string): Promise<boolean> {
  const { rowCount } = await client.query('INSERT INTO consumer_inbox (consumer, event_id) VALUES ($1, $2) ON CONFLICT DO NOTHING', [
    consumer,
    eventId,
  ]);
  return rowCount === 1;
}

/**
 * Applies one change to the per-aggregate tables. A change for an aggregate the model has not seen
 * created (the group started after its first event left the topic) changes nothing.
 */
export async function applyChange(client: ClientBase, change: AccountabilityChange): Promise<void> {
  switch (change.kind) {
    case 'action-proposed':
      await client.query(
        `INSERT INTO kafka_agency_actions (action_id, partnership_id, agency_id, status, target_date) VALUES ($1, $2, $3, 'proposed', $4)
         ON CONFLICT (action_id) DO NOTHING`,
        [change.actionId, change.partnershipId, change.agencyId, change.targetDate],
      );
      return;
    case 'action-moved':
      await client.query('UPDATE kafka_agency_actions SET status = $2 WHERE action_id = $1', [change.actionId, change.status]);
      return;
    case 'action-retargeted':
      await client.query('UPDATE kafka_agency_actions SET target_date = $2 WHERE action_id = $1', [change.actionId, change.targetDate]);
      return;
    case 'challenge-raised':
      await client.query(
        `INSERT INTO kafka_agency_challenges (challenge_id, partnership_id, agency_id, status) VALUES ($1, $2, $3, 'raised')
         ON CONFLICT (challenge_id) DO NOTHING`,
        [change.challengeId, change.partnershipId, change.agencyId],
      );
      return;
    case 'challenge-moved':
      await client.query('UPDATE kafka_agency_challenges SET status = $2 WHERE challenge_id = $1', [change.challengeId, change.status]);
      return;
    default: {
      const unexpected: never = change;
      return unexpected;
    }
  }
}
