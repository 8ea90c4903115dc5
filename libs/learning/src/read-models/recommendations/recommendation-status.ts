import type { Decision, RecommendationStatus } from '../../domain/recommendation/recommendation.values';

/** The linked actions of a recommendation, counted by how they ended (rm_actions.status). */
export interface LinkedActionCounts {
  readonly total: number;
  readonly open: number;
  readonly closed: number;
  readonly cancelled: number;
  readonly superseded: number;
}

/**
 * Derived, never stored (reference/domain.md §1.3): closed once it has at least one action and
 * every linked action is closed or cancelled; in delivery while any linked action is open;
 * otherwise responded or made. A superseded action counts neither way: its successor carries on.
 * A recommendation not accepted stays responded whatever is linked to it.
 */
export function deriveRecommendationStatus(decision: Decision | null, actions: LinkedActionCounts): RecommendationStatus {
  if (decision === 'not-accepted') return 'responded';
  if (actions.open === 0 && actions.closed + actions.cancelled > 0) return 'closed';
  if (actions.open > 0) return 'in-delivery';
  return decision === null ? 'made' : 'responded';
}
