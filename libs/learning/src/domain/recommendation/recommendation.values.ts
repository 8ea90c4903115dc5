/** Recommendation value lists, exactly as the HTTP contract spells them (DESIGN §5). */
export const SCOPES = ['local', 'regional', 'national'] as const;
export type Scope = (typeof SCOPES)[number];

export const DECISIONS = ['accepted', 'partially-accepted', 'not-accepted'] as const;
export type Decision = (typeof DECISIONS)[number];

/** Decisions that must say why (the partnership reports its reasons for not implementing). */
export const DECISIONS_NEEDING_REASON: readonly Decision[] = ['partially-accepted', 'not-accepted'];

/** Derived at query time from the response and the linked actions; never stored. */
export const RECOMMENDATION_STATUSES = ['made', 'responded', 'in-delivery', 'closed'] as const;
export type RecommendationStatus = (typeof RECOMMENDATION_STATUSES)[number];

export function isScope(value: string): value is Scope {
  return (SCOPES as readonly string[]).includes(value);
}

export function isDecision(value: string): value is Decision {
  return (DECISIONS as readonly string[]).includes(value);
}

export function recommendationStreamId(recommendationId: string): string {
  return `recommendation-${recommendationId}`;
}
