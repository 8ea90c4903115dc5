import type { RecommendationEvent } from '../domain/recommendation/recommendation.events';
import type { Decision, Scope } from '../domain/recommendation/recommendation.values';
import { DECISIONS, SCOPES } from '../domain/recommendation/recommendation.values';
import { PROSE, id, ids, nullable, type LearningContractDefinition } from './learning-contract.types';

/** Recommendation integration events: who it is addressed to and how the partnership responded. */

export interface RecommendationMadeContract {
  readonly recommendationId: string;
  readonly partnershipId: string;
  readonly sourceId: string;
  readonly findingIds: readonly string[];
  /** The recommendation's number within its source, e.g. `3`. */
  readonly number: string;
  readonly addresseeAgencyIds: readonly string[];
  readonly scope: Scope;
}
export interface RecommendationRespondedContract {
  readonly recommendationId: string;
  readonly decision: Decision;
  readonly previousDecision: Decision | null;
}

export type RecommendationContract =
  | { readonly type: 'RecommendationMade'; readonly version: 1; readonly data: RecommendationMadeContract }
  | { readonly type: 'RecommendationResponded'; readonly version: 1; readonly data: RecommendationRespondedContract };

const decision = { type: 'string', enum: DECISIONS } as const;

export const RECOMMENDATION_CONTRACTS: { readonly [T in RecommendationEvent['type']]: LearningContractDefinition } = {
  RecommendationMade: {
    version: 1,
    description: 'A recommendation was made from a source’s findings, addressed to agencies.',
    properties: {
      recommendationId: id,
      partnershipId: id,
      sourceId: id,
      findingIds: ids,
      number: { type: 'string' },
      addresseeAgencyIds: ids,
      scope: { type: 'string', enum: SCOPES },
    },
    omitted: { text: PROSE },
  },
  RecommendationResponded: {
    version: 1,
    description: 'The partnership responded to the recommendation (or revised its response).',
    properties: { recommendationId: id, decision, previousDecision: nullable(decision) },
    omitted: { reason: PROSE },
  },
};

export function recommendationContractOf(event: RecommendationEvent): RecommendationContract {
  switch (event.type) {
    case 'RecommendationMade': {
      const { recommendationId, partnershipId, sourceId, findingIds, number, addresseeAgencyIds, scope } = event.data;
      const data = {
        recommendationId,
        partnershipId,
        sourceId,
        findingIds: [...findingIds],
        number,
        addresseeAgencyIds: [...addresseeAgencyIds],
        scope,
      };
      return { type: event.type, version: 1, data };
    }
    case 'RecommendationResponded': {
      const { recommendationId, decision: chosen, previousDecision } = event.data;
      return { type: event.type, version: 1, data: { recommendationId, decision: chosen, previousDecision } };
    }
    default: {
      const unexpected: never = event;
      return unexpected;
    }
  }
}
