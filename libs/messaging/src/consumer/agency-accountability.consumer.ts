import type { Consumer, EachBatchPayload, KafkaMessage } from 'kafkajs';
import type { Pool } from 'pg';
import { createKafka, silentMessagingLogger, type KafkaConnection, type MessagingLogger } from '../relay/kafka-client';
import { accountabilityChangeOf, parseCloudEvent, type AccountabilityChange, type ConsumedEvent } from './agency-accountability.changes';
import { applyChange, firstDelivery } from './agency-accountability.sql';
import { MalformedEvent } from './consumed-event.dto';

export interface AgencyAccountabilityConsumerOptions {
  readonly pool: Pool;
  readonly kafka: KafkaConnection;
  readonly topic: string;
  /** Consumer group (default `agency-accountability`); also the inbox's consumer name. */
  readonly groupId?: string;
  readonly logger?: MessagingLogger;
}

export interface ConsumerCounts {
  /** Events that changed the model. */
  readonly applied: number;
  /** Redeliveries the inbox recognised. */
  readonly duplicates: number;
  /** Messages that were not ledger CloudEvents on contract (logged and skipped). */
  readonly rejected: number;
}

/**
 * A consumer-group member that builds the agency accountability read model from the topic: actions
 * by lead agency and status, challenges received per agency. Each fetched batch of one partition
 * is applied in one transaction together with its inbox rows (dedupe by CloudEvent id), and only
 * then are its offsets committed, so a crash or a rebalance re-delivers, never skips.
 */
export class AgencyAccountabilityConsumer {
  readonly groupId: string;
  private readonly consumer: Consumer;
  private readonly logger: MessagingLogger;
  private counts = { applied: 0, duplicates: 0, rejected: 0 };

  constructor(private readonly options: AgencyAccountabilityConsumerOptions) {
    this.groupId = options.groupId ?? 'agency-accountability';
    this.logger = options.logger ?? silentMessagingLogger;
    const kafka = createKafka(options.kafka, this.logger);
    this.consumer = kafka.consumer({ groupId: this.groupId, sessionTimeout: 10_000, rebalanceTimeout: 20_000, heartbeatInterval: 1000 });
  }

  get processed(): ConsumerCounts {
    return { ...this.counts };
  }

  async start(): Promise<void> {
    await this.consumer.connect();
    await this.consumer.subscribe({ topics: [this.options.topic], fromBeginning: true });
    await this.consumer.run({ autoCommit: false, eachBatchAutoResolve: false, eachBatch: (payload) => this.onBatch(payload) });
  }

  async stop(): Promise<void> {
    await this.consumer.disconnect();
  }

  private async onBatch(payload: EachBatchPayload): Promise<void> {
    const { batch } = payload;
    if (!payload.isRunning() || payload.isStale() || batch.messages.length === 0) return;
    await this.apply(batch.messages.flatMap((message) => this.read(message)));
    const last = batch.messages[batch.messages.length - 1]!;
    payload.resolveOffset(last.offset);
    await this.consumer.commitOffsets([{ topic: batch.topic, partition: batch.partition, offset: (BigInt(last.offset) + 1n).toString() }]);
    await payload.heartbeat();
  }

  private read(message: KafkaMessage): { event: ConsumedEvent; change: AccountabilityChange }[] {
    try {
      const event = parseCloudEvent(message.value);
      const change = accountabilityChangeOf(event);
      return change ? [{ event, change }] : [];
    } catch (error) {
      if (!(error instanceof MalformedEvent)) throw error;
      this.counts.rejected++;
      this.logger.error(`consumer ${this.groupId} skipped offset ${message.offset}: ${error.message}`);
      return [];
    }
  }

  /** One transaction: the inbox rows and the per-aggregate changes. */
  private async apply(items: readonly { event: ConsumedEvent; change: AccountabilityChange }[]): Promise<void> {
    if (items.length === 0) return;
    const client = await this.options.pool.connect();
    const counts = { applied: 0, duplicates: 0 };
    try {
      await client.query('BEGIN');
      for (const { event, change } of items) {
        if (!(await firstDelivery(client, this.groupId, event.id))) {
          counts.duplicates++;
          continue;
        }
        counts.applied++;
        await applyChange(client, change);
      }
      await client.query('COMMIT');
      client.release();
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      client.release(error as Error);
      throw error;
    }
    this.counts.applied += counts.applied;
    this.counts.duplicates += counts.duplicates;
  }
}
