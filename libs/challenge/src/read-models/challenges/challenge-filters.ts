import type { ChallengeStatus } from '../../domain/challenge-values';
import type { ChallengeDocument } from './challenge.document';
import { challengeView, type ChallengeFilters, type ChallengeView } from './challenge.queries';

/** In-memory twin of the SQL conditions of `ChallengeQueries.list` for one view. */
export function challengeMatches(view: ChallengeView, filters: ChallengeFilters): boolean {
  if (filters.status !== undefined) {
    const statuses: readonly ChallengeStatus[] = typeof filters.status === 'string' ? [filters.status] : filters.status;
    if (!statuses.includes(view.status)) return false;
  }
  if (filters.toAgencyId !== undefined && view.toAgencyId !== filters.toAgencyId) return false;
  if (filters.escalated !== undefined && (view.escalationLevel !== null) !== filters.escalated) return false;
  if (filters.overdue !== undefined && view.responseOverdue !== filters.overdue) return false;
  return true;
}

/** Newest raised first, then id (the challenge log's order). */
export function compareChallenges(a: ChallengeDocument, b: ChallengeDocument): number {
  return compareText(b.raisedAt, a.raisedAt) || compareText(a.id, b.id);
}

/** The challenge log from documents folded in memory (time travel), as `ChallengeQueries.list` answers it. */
export function filterChallenges(docs: Iterable<ChallengeDocument>, filters: ChallengeFilters, now: Date): ChallengeView[] {
  return [...docs]
    .sort(compareChallenges)
    .map((doc) => challengeView(doc, now))
    .filter((view) => challengeMatches(view, filters));
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
