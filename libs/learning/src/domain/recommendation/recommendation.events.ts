import type { DomainEvent } from '@ledger/event-sourcing';
import type { Decision, Scope } from './recommendation.values';

export type RecommendationMade = DomainEvent<
  'RecommendationMade',
  {
    readonly recommendationId: string;
    readonly partnershipId: string;
    readonly sourceId: string;
    readonly findingIds: readonly string[];
    readonly number: string;
    readonly text: string;
    readonly addresseeAgencyIds: readonly string[];
    readonly scope: Scope;
  }
>;

/** A response, or a revision of one: `previousDecision` is the decision it replaces (null the first time). */
export type RecommendationResponded = DomainEvent<
  'RecommendationResponded',
  {
    readonly recommendationId: string;
    readonly decision: Decision;
    readonly reason: string | null;
    readonly previousDecision: Decision | null;
  }
>;

export type RecommendationEvent = RecommendationMade | RecommendationResponded;

export const RECOMMENDATION_EVENT_TYPES = [
  'RecommendationMade',
  'RecommendationResponded',
] as const satisfies readonly RecommendationEvent['type'][];
