import {
  CLOSED_ACTION_STATUSES,
  COMPLETED_ACTION_STATUSES,
  ENDED_CHALLENGE_STATUSES,
  OPEN_ACTION_STATUSES,
  WITHDRAWN_ACTION_STATUSES,
  type AccountabilityChange,
  type AgencyAccountabilityRow,
} from './agency-accountability.changes';

interface Item {
  readonly partnershipId: string;
  readonly agencyId: string;
  status: string;
  targetDate?: string;
}

/**
 * The agency accountability model in memory: the same changes the consumer applies to its tables,
 * folded directly. Rows come out as the query returns them, for a partnership and a `today`.
 */
export class AgencyAccountabilityFold {
  private readonly actions = new Map<string, Item>();
  private readonly challenges = new Map<string, Item>();

  apply(change: AccountabilityChange): void {
    switch (change.kind) {
      case 'action-proposed':
        this.actions.set(change.actionId, {
          partnershipId: change.partnershipId,
          agencyId: change.agencyId,
          status: 'proposed',
          targetDate: change.targetDate,
        });
        return;
      case 'action-moved': {
        const action = this.actions.get(change.actionId);
        if (action) action.status = change.status;
        return;
      }
      case 'action-retargeted': {
        const action = this.actions.get(change.actionId);
        if (action) action.targetDate = change.targetDate;
        return;
      }
      case 'challenge-raised':
        this.challenges.set(change.challengeId, { partnershipId: change.partnershipId, agencyId: change.agencyId, status: 'raised' });
        return;
      case 'challenge-moved': {
        const challenge = this.challenges.get(change.challengeId);
        if (challenge) challenge.status = change.status;
        return;
      }
      default: {
        const unexpected: never = change;
        return unexpected;
      }
    }
  }

  /** `today` is `YYYY-MM-DD`; rows ordered by agency id. */
  rows(partnershipId: string, today: string): AgencyAccountabilityRow[] {
    const agencies = new Set<string>();
    for (const item of [...this.actions.values(), ...this.challenges.values()])
      if (item.partnershipId === partnershipId) agencies.add(item.agencyId);
    return [...agencies].sort().map((agencyId) => {
      const actions = [...this.actions.values()].filter((a) => a.partnershipId === partnershipId && a.agencyId === agencyId);
      const challenges = [...this.challenges.values()].filter((c) => c.partnershipId === partnershipId && c.agencyId === agencyId);
      const count = (statuses: readonly string[]): number => actions.filter((a) => statuses.includes(a.status)).length;
      return {
        partnershipId,
        agencyId,
        openActions: count(OPEN_ACTION_STATUSES),
        overdueActions: actions.filter((a) => OPEN_ACTION_STATUSES.includes(a.status) && (a.targetDate ?? '') < today).length,
        completedActions: count(COMPLETED_ACTION_STATUSES),
        closedActions: count(CLOSED_ACTION_STATUSES),
        withdrawnActions: count(WITHDRAWN_ACTION_STATUSES),
        challengesReceived: challenges.length,
        openChallenges: challenges.filter((c) => !ENDED_CHALLENGE_STATUSES.includes(c.status)).length,
      };
    });
  }
}
