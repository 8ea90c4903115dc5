export * from './core/event';
export * from './core/errors';
export * from './core/decider';
export * from './core/event-store.port';
export * from './core/command-handler';
export * from './projections/projection';
export * from './application/command-context';
export * from './application/command-executor';
