import { daysBetween, londonDate } from '../calendar/london-dates';
import type { ActionFacts, ActionStatus } from './ledger-model';

/** Open and not yet completion-verified: the target date still matters (as the action plan). */
const OVERDUE_STATUSES: readonly ActionStatus[] = ['proposed', 'agreed', 'in-progress', 'paused', 'completion-claimed'];
const ENDED_STATUSES: readonly ActionStatus[] = ['closed', 'cancelled', 'superseded'];

/** Not closed, cancelled or superseded. */
export function isActionOpen(action: ActionFacts): boolean {
  return !ENDED_STATUSES.includes(action.status);
}

/** Current target date before `today` while open and not yet completion-verified. */
export function isOverdue(action: ActionFacts, today: string): boolean {
  return OVERDUE_STATUSES.includes(action.status) && action.targetDate < today;
}

/** The target date was revised at least once. */
export function isSlipped(action: ActionFacts): boolean {
  return action.revisions.length > 0;
}

/**
 * Days past the current target date: to `today` while the action awaits completion, or to the
 * day completion was (last) verified. 0 when on time; null for cancelled or superseded actions.
 */
export function daysLate(action: ActionFacts, today: string): number | null {
  if (action.status === 'cancelled' || action.status === 'superseded') return null;
  const end = OVERDUE_STATUSES.includes(action.status) || action.verified === null ? today : londonDate(action.verified.at);
  return Math.max(0, daysBetween(action.targetDate, end));
}
