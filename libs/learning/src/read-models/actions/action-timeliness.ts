import type { ActionStatus } from '../../domain/action/action.state';
import type { ActionDocument } from './action.document';

/** A reporting action with no progress update for this long is stale. */
export const STALE_AFTER_DAYS = 60;
const DAY_MS = 86_400_000;

/** Open and not yet completion-verified: the target date still matters. */
export const OVERDUE_STATUSES = [
  'proposed',
  'agreed',
  'in-progress',
  'paused',
  'completion-claimed',
] as const satisfies readonly ActionStatus[];

/**
 * Open statuses in which the owner can report progress (every open status but `proposed`, as the
 * decider allows): silence for STALE_AFTER_DAYS there is stale, including while waiting for impact
 * evidence after verification.
 */
export const STALE_STATUSES = [
  'agreed',
  'in-progress',
  'paused',
  'completion-claimed',
  'completion-verified',
  'impact-assured',
] as const satisfies readonly ActionStatus[];

export type Timeliness = 'on-track' | 'overdue' | 'slipped' | 'stale';

export interface DerivedTimeliness {
  /** Current target date before today (Europe/London) while open and not yet completion-verified. */
  readonly overdue: boolean;
  /** The target date has been revised at least once. */
  readonly slipped: boolean;
  /** No progress update for STALE_AFTER_DAYS since the last update, agreement or reopening. */
  readonly stale: boolean;
  /** One value, by priority overdue > slipped > stale, else on-track. */
  readonly timeliness: Timeliness;
}

export type TimelinessFacts = Pick<ActionDocument, 'status' | 'targetDate' | 'lastProgressAt' | 'agreedAt' | 'reopenedAt' | 'createdAt'>;

const londonDate = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London', year: 'numeric', month: '2-digit', day: '2-digit' });

/** The calendar date `YYYY-MM-DD` in England at `now` (partnerships keep English calendars). */
export function todayInEngland(now: Date): string {
  return londonDate.format(now);
}

export function deriveTimeliness(doc: TimelinessFacts, now: Date): DerivedTimeliness {
  const overdue = (OVERDUE_STATUSES as readonly ActionStatus[]).includes(doc.status) && doc.targetDate.current < todayInEngland(now);
  const slipped = doc.targetDate.revisions.length > 0;
  const stale =
    (STALE_STATUSES as readonly ActionStatus[]).includes(doc.status) && now.getTime() - reportingClock(doc) >= STALE_AFTER_DAYS * DAY_MS;
  const timeliness: Timeliness = overdue ? 'overdue' : slipped ? 'slipped' : stale ? 'stale' : 'on-track';
  return { overdue, slipped, stale, timeliness };
}

/** When the owner last reported, or last became due to report (agreed, reopened). */
function reportingClock(doc: TimelinessFacts): number {
  const instants = [doc.lastProgressAt, doc.agreedAt, doc.reopenedAt].filter((value): value is string => value !== null);
  return Math.max(...(instants.length > 0 ? instants : [doc.createdAt]).map((value) => Date.parse(value)));
}
