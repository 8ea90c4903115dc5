export * from './decider-specification';
export * from './database';
export * from './all-migrations';
export * from './kafka';
export * from './private-kafka-broker';
