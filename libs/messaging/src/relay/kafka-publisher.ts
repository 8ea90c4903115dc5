import { Partitioners, type Kafka, type Message, type Producer } from 'kafkajs';
import type { MessagingLogger } from './kafka-client';

/** The broker did not acknowledge a batch (it may have stored part of it: re-send from the checkpoint). */
export class PublishFailed extends Error {
  constructor(cause: unknown) {
    super(`the broker did not acknowledge the batch: ${cause instanceof Error ? cause.message : String(cause)}`, { cause });
    this.name = 'PublishFailed';
  }
}

export interface PublisherSettings {
  readonly topic: string;
  /** Partitions of the topic when the publisher creates it (an existing topic is left as it is). */
  readonly topicPartitions: number;
}

/**
 * One idempotent kafkajs producer (acks=all, one request in flight, so retries never reorder or
 * duplicate within a producer session). It connects lazily and creates the topic once; after any
 * failure the caller `reset`s it and the next batch gets a fresh producer (a new producer id).
 */
export class KafkaPublisher {
  private producer: Producer | null = null;
  private topicReady = false;

  constructor(
    private readonly kafka: Kafka,
    private readonly settings: PublisherSettings,
    private readonly logger: MessagingLogger,
  ) {}

  get connected(): boolean {
    return this.producer !== null;
  }

  /** Resolves once every message is acknowledged by all in-sync replicas; else PublishFailed. */
  async send(messages: Message[]): Promise<void> {
    try {
      const producer = await this.connect();
      await producer.send({ topic: this.settings.topic, acks: -1, messages });
    } catch (error) {
      throw new PublishFailed(error);
    }
  }

  /** Drops the producer (an in-flight send rejects); the next send connects afresh. */
  async reset(): Promise<void> {
    const producer = this.producer;
    this.producer = null;
    await producer?.disconnect().catch(() => undefined);
  }

  private async connect(): Promise<Producer> {
    if (this.producer) return this.producer;
    if (!this.topicReady) await this.ensureTopic();
    const producer = this.kafka.producer({
      idempotent: true,
      maxInFlightRequests: 1,
      allowAutoTopicCreation: false,
      createPartitioner: Partitioners.DefaultPartitioner,
      // Bounded, unlike kafkajs' idempotent default (forever): a send that cannot finish gives the
      // loop back control so it can back off, report the outage, or stop.
      retry: { retries: 6, initialRetryTime: 300, maxRetryTime: 5000 },
    });
    try {
      await producer.connect();
    } catch (error) {
      await producer.disconnect().catch(() => undefined);
      throw error;
    }
    this.producer = producer;
    return producer;
  }

  private async ensureTopic(): Promise<void> {
    const admin = this.kafka.admin();
    await admin.connect();
    try {
      const { topic, topicPartitions } = this.settings;
      const created = await admin.createTopics({ topics: [{ topic, numPartitions: topicPartitions }], waitForLeaders: true });
      if (created) this.logger.log(`created topic ${topic} with ${topicPartitions} partitions`);
      this.topicReady = true;
    } finally {
      await admin.disconnect().catch(() => undefined);
    }
  }
}
