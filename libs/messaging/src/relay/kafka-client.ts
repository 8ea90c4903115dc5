import { Kafka, logLevel, type KafkaConfig, type logCreator } from 'kafkajs';
import type { ProjectionLogger } from '@ledger/event-sourcing';

/** Where log lines go; Nest's Logger and `console` both fit. */
export type MessagingLogger = ProjectionLogger;

export const silentMessagingLogger: MessagingLogger = { log: () => undefined, warn: () => undefined, error: () => undefined };

export interface KafkaConnection {
  /** `host:port` of one or more brokers (KAFKA_BROKERS). */
  readonly brokers: readonly string[];
  readonly clientId?: string;
}

// The relay limits the idempotent producer's retries on purpose (see KafkaPublisher): a producer
// that gives up is replaced and the batch re-sent from the checkpoint, so the warning is noise.
const EXPECTED = /Limiting retries for the idempotent producer/;

/** kafkajs log lines → our logger: errors and warnings as warnings (the caller reports failures), the rest dropped. */
function logCreatorFor(logger: MessagingLogger): logCreator {
  return () =>
    ({ level, log }) => {
      if (level > logLevel.WARN || EXPECTED.test(log.message)) return;
      const { message, ...rest } = log;
      const detail = ['broker', 'error', 'groupId', 'topic'].flatMap((key) =>
        rest[key] === undefined ? [] : [`${key}=${String(rest[key])}`],
      );
      logger.warn(`kafkajs ${log.namespace ?? ''}: ${message}${detail.length ? ` (${detail.join(', ')})` : ''}`);
    };
}

/** A kafkajs client with short connection timeouts and bounded retries; callers own recovery. */
export function createKafka(connection: KafkaConnection, logger: MessagingLogger, overrides: Partial<KafkaConfig> = {}): Kafka {
  return new Kafka({
    clientId: connection.clientId ?? 'learning-ledger',
    brokers: [...connection.brokers],
    connectionTimeout: 3000,
    requestTimeout: 30_000,
    retry: { retries: 5, initialRetryTime: 300, maxRetryTime: 5000 },
    logLevel: logLevel.WARN,
    logCreator: logCreatorFor(logger),
    ...overrides,
  });
}
