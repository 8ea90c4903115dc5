/** Kafka integration-event contracts of the learning context (DESIGN §7). */
export type { LearningContractDefinition, LearningContractSource } from './learning-contract.types';
export * from './action.contracts';
export * from './source.contracts';
export * from './recommendation.contracts';
export * from './learning.contracts';
