import { isActionEventType } from '../domain/action/action.events';
import { upcastActionEvent } from '../domain/action/schemas/action-event.upcast';
import { RECOMMENDATION_EVENT_TYPES } from '../domain/recommendation/recommendation.events';
import { upcastRecommendationEvent } from '../domain/recommendation/schemas/recommendation.schemas';
import { SOURCE_EVENT_TYPES } from '../domain/source/source.events';
import { upcastSourceEvent } from '../domain/source/schemas/source.schemas';
import { ACTION_CONTRACTS, actionContractOf, type ActionContract } from './action.contracts';
import type { LearningContractDefinition, LearningContractSource } from './learning-contract.types';
import { RECOMMENDATION_CONTRACTS, recommendationContractOf, type RecommendationContract } from './recommendation.contracts';
import { SOURCE_CONTRACTS, sourceContractOf, type SourceContract } from './source.contracts';

export type LearningContract = ActionContract | SourceContract | RecommendationContract;

/** A stored event no learning aggregate owns reached the learning contract mapper. */
export class NotALearningEvent extends Error {
  constructor(readonly type: string) {
    super(`${type} is not an event of the learning context: it has no learning contract`);
    this.name = 'NotALearningEvent';
  }
}

export const LEARNING_CONTRACTS: Readonly<Record<string, LearningContractDefinition>> = {
  ...SOURCE_CONTRACTS,
  ...RECOMMENDATION_CONTRACTS,
  ...ACTION_CONTRACTS,
};

const isSourceType = (type: string): boolean => (SOURCE_EVENT_TYPES as readonly string[]).includes(type);
const isRecommendationType = (type: string): boolean => (RECOMMENDATION_EVENT_TYPES as readonly string[]).includes(type);

/**
 * Stored event (any stored schema version) → upcast → contract. Throws NotALearningEvent for
 * another context's type, and the aggregate's Unknown*EventSchema for a version it cannot read.
 */
export function learningContractOf(stored: LearningContractSource): LearningContract {
  if (isActionEventType(stored.type)) return actionContractOf(upcastActionEvent(stored));
  if (isSourceType(stored.type)) return sourceContractOf(upcastSourceEvent(stored));
  if (isRecommendationType(stored.type)) return recommendationContractOf(upcastRecommendationEvent(stored));
  throw new NotALearningEvent(stored.type);
}

/** The learning context's contract mapper for the relay (sources, recommendations, actions). */
export const learningContracts = {
  context: 'learning',
  definitions: LEARNING_CONTRACTS,
  map: learningContractOf,
} as const;
