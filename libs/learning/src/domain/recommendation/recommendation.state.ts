import type { Decision } from './recommendation.values';

interface RecommendationFacts {
  readonly recommendationId: string;
  readonly partnershipId: string;
  readonly sourceId: string;
}

export type RecommendationState =
  | { readonly status: 'initial' }
  | (RecommendationFacts & { readonly status: 'made' })
  | (RecommendationFacts & { readonly status: 'responded'; readonly decision: Decision; readonly reason: string | null });

export const initialRecommendationState = (): RecommendationState => ({ status: 'initial' });
