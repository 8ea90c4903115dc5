/** Kafka integration-event contracts of the challenge context (DESIGN §7). */
export * from './challenge.contracts';
