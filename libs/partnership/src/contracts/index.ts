/** Kafka integration-event contracts of the partnership context (DESIGN §7). */
export * from './partnership.contracts';
export * from './inspector-grant.contracts';
