export * from './contracts/event-contracts';
export * from './contracts/cloud-event';
export * from './contracts/ledger-contracts';
export * from './contracts/contract-schemas';
export { createKafka, silentMessagingLogger, type KafkaConnection, type MessagingLogger } from './relay/kafka-client';
export { PublishFailed } from './relay/kafka-publisher';
export * from './relay/kafka-relay.types';
export { KafkaRelay } from './relay/kafka-relay';
export { startLedgerRelay, type LedgerRelaySettings, type RunningRelay } from './relay/ledger-relay';
export { readRelayProgress, type RelayLag, type RelayProgress } from './relay/relay-sql';
export { RelaySchema1764100000800, relayMigrations } from './relay/relay-schema.migration';
export { ConsumerSchema1764100000810, consumerMigrations } from './consumer/consumer-schema.migration';
export {
  AgencyAccountabilityConsumer,
  type AgencyAccountabilityConsumerOptions,
  type ConsumerCounts,
} from './consumer/agency-accountability.consumer';
export { AgencyAccountabilityQueries } from './consumer/agency-accountability.queries';
export { AgencyAccountabilityFold } from './consumer/agency-accountability.fold';
export {
  accountabilityChangeOf,
  parseCloudEvent,
  type AccountabilityChange,
  type AgencyAccountabilityRow,
  type ConsumedEvent,
} from './consumer/agency-accountability.changes';
export { MalformedEvent } from './consumer/consumed-event.dto';
