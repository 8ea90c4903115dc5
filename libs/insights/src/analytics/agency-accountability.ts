import { daysBetween, londonDate } from '../calendar/london-dates';
import { daysLate, isActionOpen, isOverdue, isSlipped } from '../ledger/action-timeliness';
import { isChallengeOpen } from '../ledger/fold-challenges';
import type { Ledger } from '../ledger/ledger-model';
import { mean } from '../statistics';

export interface AgencyAccountability {
  readonly agencyId: string;
  /** null for an agency the slice names but whose AgencyAdded it does not hold. */
  readonly agencyName: string | null;
  readonly agencyKind: string | null;
  readonly actions: {
    /** Actions the agency leads. */
    readonly led: number;
    /** Not closed, cancelled or superseded. */
    readonly open: number;
    /** Open, not yet completion-verified, current target date passed. */
    readonly overdue: number;
    /** Target date revised at least once (any status). */
    readonly slipped: number;
    /** Overdue now, or completion verified after the target date. */
    readonly late: number;
    /** Mean calendar days past the current target date over the late actions; null if none. */
    readonly averageDaysLate: number | null;
  };
  readonly challenges: {
    readonly received: number;
    /** Not resolved, withdrawn or closed. */
    readonly open: number;
    /** Never responded, still open, response due date passed. */
    readonly responseOverdue: number;
    /** Calendar days since each open challenge was raised: mean and oldest; null if none open. */
    readonly averageOpenAgeDays: number | null;
    readonly oldestOpenAgeDays: number | null;
  };
}

/** Pure: per lead agency, its actions' timeliness and the challenges it received, judged at `at`. */
export function agencyAccountability(ledger: Ledger, at: Date): AgencyAccountability[] {
  const today = londonDate(at);
  const ids = new Set([...ledger.agencies.keys()]);
  for (const a of ledger.actions.values()) ids.add(a.leadAgencyId);
  for (const c of ledger.challenges.values()) ids.add(c.toAgencyId);
  const rows = [...ids].map((agencyId): AgencyAccountability => {
    const actions = [...ledger.actions.values()].filter((a) => a.leadAgencyId === agencyId);
    const lateDays = actions.map((a) => daysLate(a, today)).filter((d): d is number => d !== null && d > 0);
    const challenges = [...ledger.challenges.values()].filter((c) => c.toAgencyId === agencyId);
    const open = challenges.filter(isChallengeOpen);
    const ages = open.map((c) => Math.max(0, daysBetween(londonDate(c.raised.at), today)));
    const agency = ledger.agencies.get(agencyId);
    return {
      agencyId,
      agencyName: agency?.name ?? null,
      agencyKind: agency?.kind ?? null,
      actions: {
        led: actions.length,
        open: actions.filter(isActionOpen).length,
        overdue: actions.filter((a) => isOverdue(a, today)).length,
        slipped: actions.filter(isSlipped).length,
        late: lateDays.length,
        averageDaysLate: mean(lateDays),
      },
      challenges: {
        received: challenges.length,
        open: open.length,
        responseOverdue: open.filter((c) => c.firstResponse === null && c.responseDueDate < today).length,
        averageOpenAgeDays: mean(ages),
        oldestOpenAgeDays: ages.length === 0 ? null : Math.max(...ages),
      },
    };
  });
  return rows.sort((a, b) => (a.agencyName ?? '\uffff').localeCompare(b.agencyName ?? '\uffff') || a.agencyId.localeCompare(b.agencyId));
}
