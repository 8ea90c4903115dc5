import { daysBetween, londonDate } from '../calendar/london-dates';
import type { WorkingCalendar } from '../calendar/working-days';
import { isChallengeOpen } from '../ledger/fold-challenges';
import type { Ledger } from '../ledger/ledger-model';
import { mean, share } from '../statistics';

/** Working Together: a rapid review goes to the Panel within 15 working days of the notification. */
export const RAPID_REVIEW_WORKING_DAYS = 15;

export type Timeliness = 'on-time' | 'late' | 'overdue' | 'pending';

export interface RapidReviewTimeliness {
  readonly sourceId: string;
  readonly title: string;
  /** The date the clock starts: the `notified` milestone, else (said so) the day the source was recorded. */
  readonly clockStartsOn: string;
  readonly clockStartsFrom: 'notified' | 'recorded';
  readonly dueOn: string;
  readonly submittedOn: string | null;
  readonly workingDaysTaken: number | null;
  /** Working days past the due date (submitted late, or overdue until today); 0 otherwise. */
  readonly workingDaysLate: number;
  readonly status: Timeliness;
}

export interface ChallengeResponseTimeliness {
  readonly challengeId: string;
  readonly subject: string;
  readonly toAgencyId: string;
  readonly dueOn: string;
  readonly respondedOn: string | null;
  /** Calendar days past the due date (responded late, or overdue until today); 0 otherwise. */
  readonly daysLate: number;
  readonly status: Timeliness | 'not-required';
}

export interface TimelinessSummary {
  readonly total: number;
  readonly onTime: number;
  readonly late: number;
  readonly overdue: number;
  readonly pending: number;
  /** On time among those answered (on time + late). */
  readonly shareOnTime: number | null;
  /** Mean lateness of the late ones (working days for rapid reviews, calendar days for challenges). */
  readonly averageLate: number | null;
}

export interface StatutoryTimeliness {
  readonly rapidReviews: {
    readonly workingDayLimit: number;
    readonly summary: TimelinessSummary;
    readonly items: readonly RapidReviewTimeliness[];
  };
  readonly challengeResponses: { readonly summary: TimelinessSummary; readonly items: readonly ChallengeResponseTimeliness[] };
}

/** Pure: rapid reviews against the 15-working-day limit, and challenge responses against their due dates, at `at`. */
export function statutoryTimeliness(ledger: Ledger, at: Date, calendar: WorkingCalendar): StatutoryTimeliness {
  const today = londonDate(at);
  const reviews = [...ledger.sources.values()]
    .filter((s) => s.kind === 'rapid-review')
    .map((s): RapidReviewTimeliness => {
      const notified = s.milestones['notified'];
      const clockStartsOn = londonDate((notified ?? s.recorded).at);
      const dueOn = calendar.addWorkingDays(clockStartsOn, RAPID_REVIEW_WORKING_DAYS);
      const submitted = s.milestones['submitted-to-panel'];
      const submittedOn = submitted ? londonDate(submitted.at) : null;
      const end = submittedOn ?? today;
      const status: Timeliness = submittedOn ? (submittedOn <= dueOn ? 'on-time' : 'late') : today > dueOn ? 'overdue' : 'pending';
      return {
        sourceId: s.id,
        title: s.title,
        clockStartsOn,
        clockStartsFrom: notified ? 'notified' : 'recorded',
        dueOn,
        submittedOn,
        workingDaysTaken: submittedOn ? calendar.workingDaysBetween(clockStartsOn, submittedOn) : null,
        workingDaysLate: Math.max(0, calendar.workingDaysBetween(dueOn, end)),
        status,
      };
    })
    .sort((a, b) => a.clockStartsOn.localeCompare(b.clockStartsOn) || a.sourceId.localeCompare(b.sourceId));
  const responses = [...ledger.challenges.values()]
    .map((c): ChallengeResponseTimeliness => {
      const respondedOn = c.firstResponse ? londonDate(c.firstResponse.at) : null;
      const status = respondedOn
        ? respondedOn <= c.responseDueDate
          ? 'on-time'
          : 'late'
        : !isChallengeOpen(c)
          ? 'not-required'
          : today > c.responseDueDate
            ? 'overdue'
            : 'pending';
      const end = respondedOn ?? (status === 'overdue' ? today : c.responseDueDate);
      return {
        challengeId: c.id,
        subject: c.subject,
        toAgencyId: c.toAgencyId,
        dueOn: c.responseDueDate,
        respondedOn,
        daysLate: Math.max(0, daysBetween(c.responseDueDate, end)),
        status,
      };
    })
    .sort((a, b) => a.dueOn.localeCompare(b.dueOn) || a.challengeId.localeCompare(b.challengeId));
  return {
    rapidReviews: {
      workingDayLimit: RAPID_REVIEW_WORKING_DAYS,
      summary: summarise(reviews.map((r) => ({ status: r.status, late: r.workingDaysLate }))),
      items: reviews,
    },
    challengeResponses: { summary: summarise(responses.map((r) => ({ status: r.status, late: r.daysLate }))), items: responses },
  };
}

function summarise(items: readonly { readonly status: string; readonly late: number }[]): TimelinessSummary {
  const counted = (status: string) => items.filter((i) => i.status === status).length;
  const onTime = counted('on-time');
  const late = counted('late');
  return {
    total: items.length,
    onTime,
    late,
    overdue: counted('overdue'),
    pending: counted('pending'),
    shareOnTime: share(onTime, onTime + late),
    averageLate: mean(items.filter((i) => i.status === 'late').map((i) => i.late)),
  };
}
