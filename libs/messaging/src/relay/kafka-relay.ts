import type { Message } from 'kafkajs';
import { WakeSignal, type EventStore, type RecordedEvent } from '@ledger/event-sourcing';
import type { EventContracts } from '../contracts/event-contracts';
import { toCloudEvent, toKafkaMessage } from '../contracts/cloud-event';
import { createKafka, silentMessagingLogger, type MessagingLogger } from './kafka-client';
import { KafkaPublisher, PublishFailed } from './kafka-publisher';
import { DEFAULT_RELAY_NAME, DEFAULT_TOPIC, type KafkaRelayOptions, type RelayRole, type RelayStatus } from './kafka-relay.types';
import { RelayLock } from './relay-lock';
import { readRelayCheckpoint, relayLag, saveRelayCheckpoint } from './relay-sql';

interface PreparedBatch {
  readonly after: string;
  readonly checkpoint: string;
  readonly count: number;
  readonly messages: Message[];
}

/** How long `stop` lets the current batch finish before it drops the producer under it. */
const STOP_GRACE_MS = 10_000;

/**
 * Events → Kafka (DESIGN §7): the events table is the outbox. Reads the store with the commit-safe
 * cursor from its checkpoint, maps each event through the contracts to a CloudEvents envelope,
 * sends a batch with the idempotent producer (key = stream id, so per-stream order holds), and
 * saves the checkpoint only after the broker acknowledged: at least once, never a gap. One relay
 * per name is active (a session advisory lock, the checkpoint saved on that session); others
 * stand by. A broker outage is waited out with exponential backoff and a fresh producer.
 */
export class KafkaRelay {
  readonly name: string;
  readonly topic: string;
  private readonly publisher: KafkaPublisher;
  private readonly logger: MessagingLogger;
  private readonly contracts: EventContracts;
  private readonly store: EventStore;
  private lock: RelayLock | null = null;
  private checkpoint: string | null = null;
  private role: RelayRole = 'stopped';
  private loopDone: Promise<void> | null = null;
  private unsubscribe: (() => Promise<void>) | null = null;
  private stopping = false;
  private wake = new WakeSignal();
  private interrupt = new WakeSignal();
  private published = 0;
  private lastPublishedAt: Date | null = null;
  private lastError: string | null = null;
  private prepared: Promise<PreparedBatch | Error> | null = null;
  /** The last checkpoint save, in flight on the lock's session while the next batch is sent. */
  private saving: Promise<void> = Promise.resolve();

  constructor(private readonly options: KafkaRelayOptions) {
    this.name = options.name ?? DEFAULT_RELAY_NAME;
    this.topic = options.topic ?? DEFAULT_TOPIC;
    this.logger = options.logger ?? silentMessagingLogger;
    this.contracts = options.contracts;
    this.store = options.store;
    const kafka = createKafka(options.kafka, this.logger);
    this.publisher = new KafkaPublisher(kafka, { topic: this.topic, topicPartitions: options.topicPartitions ?? 6 }, this.logger);
  }

  /** Starts the loop (standby until it holds the lock) and wakes it on every append notification. */
  async start(): Promise<void> {
    if (this.loopDone) return;
    this.stopping = false;
    this.wake = new WakeSignal();
    this.interrupt = new WakeSignal();
    this.role = 'standby';
    this.unsubscribe = await this.store.subscribe(() => this.wake.notify());
    this.loopDone = this.loop();
  }

  /** Lets the current batch finish (or abandons it after a grace period), releases the lock, disconnects. */
  async stop(): Promise<void> {
    if (!this.loopDone) return;
    this.stopping = true;
    this.wake.notify();
    this.interrupt.notify();
    const grace = new Promise<'late'>((resolve) => setTimeout(() => resolve('late'), STOP_GRACE_MS).unref());
    if ((await Promise.race([this.loopDone, grace])) === 'late') await this.publisher.reset();
    await this.loopDone;
    this.loopDone = null;
    this.prepared = null;
    await this.saving.catch(() => undefined);
    await this.unsubscribe?.();
    this.unsubscribe = null;
    await this.releaseLock();
    await this.publisher.reset();
    this.role = 'stopped';
  }

  /** New events may be readable (an in-process append). */
  nudge(): void {
    this.wake.notify();
  }

  /** Role, checkpoint and lag: events behind and seconds behind the head of the store. */
  async status(): Promise<RelayStatus> {
    const checkpoint = this.lock ? this.checkpoint : await readRelayCheckpoint(this.options.pool, this.name);
    const lag = await relayLag(this.options.pool, checkpoint ?? this.store.start);
    return {
      name: this.name,
      topic: this.topic,
      role: this.role,
      checkpoint,
      ...lag,
      published: this.published,
      lastPublishedAt: this.lastPublishedAt?.toISOString() ?? null,
      lastError: this.lastError,
    };
  }

  private async loop(): Promise<void> {
    const first = this.options.errorBackoffMs ?? 500;
    let backoff = first;
    while (!this.stopping) {
      try {
        if (!(await this.acquire())) {
          this.role = 'standby';
          await this.interrupt.wait(this.options.standbyRetryMs ?? 3000);
          continue;
        }
        const sent = await this.step();
        backoff = first;
        if (sent === 0) await this.wake.wait(this.options.pollIntervalMs ?? 1000);
      } catch (error) {
        this.lastError = String(error);
        this.logger.error(`relay ${this.name} failed; retrying in ${backoff} ms: ${this.lastError}`, (error as Error).stack);
        this.prepared = null;
        this.saving = Promise.resolve();
        await this.publisher.reset();
        // A broker failure leaves the database session (and the lock) healthy; anything else may not.
        if (!(error instanceof PublishFailed)) this.discardLock(error);
        await this.interrupt.wait(backoff);
        backoff = Math.min(backoff * 2, this.options.maxBackoffMs ?? 30_000);
      }
    }
  }

  /**
   * One batch: read and map it (or take the one prepared meanwhile) and send it; while the broker
   * works, prepare the next batch and finish saving the previous checkpoint. Once the broker has
   * acknowledged, start saving this batch's checkpoint (awaited during the next send, or before
   * the loop idles): a checkpoint is never saved before its events are acknowledged.
   */
  private async step(): Promise<number> {
    const lock = this.lock;
    if (!lock) throw new Error(`relay ${this.name} does not hold its lock`);
    const after = this.checkpoint ?? this.store.start;
    const batch = await this.takePrepared(after);
    if (batch.count === 0) {
      await this.saving;
      return 0;
    }
    const sent = this.publisher.send(batch.messages);
    this.prepared = this.prepare(batch.checkpoint);
    await sent;
    await this.saving;
    await this.options.beforeCheckpoint?.({ events: batch.count, checkpoint: batch.checkpoint });
    this.saving = saveRelayCheckpoint(lock.client, this.name, batch.checkpoint);
    this.saving.catch(() => undefined); // awaited (and so reported) by the next step
    this.checkpoint = batch.checkpoint;
    this.published += batch.count;
    this.lastPublishedAt = new Date();
    this.lastError = null;
    return batch.count;
  }

  /** The batch after `after`: the one prepared during the last send if it starts there, else read now. */
  private async takePrepared(after: string): Promise<PreparedBatch> {
    const prepared = this.prepared;
    this.prepared = null;
    const batch = prepared ? await prepared : null;
    if (batch && !(batch instanceof Error) && batch.after === after) return batch;
    return this.prepare(after).then((result) => {
      if (result instanceof Error) throw result;
      return result;
    });
  }

  /** Reads and maps one page; settles with the error rather than rejecting, so an abandoned one is harmless. */
  private async prepare(after: string): Promise<PreparedBatch | Error> {
    try {
      const page = await this.store.readAll({ after, limit: this.options.batchSize ?? 500 });
      return { after, checkpoint: page.checkpoint, count: page.events.length, messages: page.events.map((event) => this.messageOf(event)) };
    } catch (error) {
      return error instanceof Error ? error : new Error(String(error));
    }
  }

  private messageOf(event: RecordedEvent): Message {
    return toKafkaMessage(toCloudEvent(event, this.contracts.map(event)));
  }

  /** Takes the lock if this process does not hold it yet; false when another session does. */
  private async acquire(): Promise<boolean> {
    if (this.lock) return true;
    const lock = await RelayLock.tryAcquire(this.options.pool, this.name, this.logger);
    if (!lock) return false;
    try {
      this.checkpoint = (await readRelayCheckpoint(lock.client, this.name)) ?? this.store.start;
    } catch (error) {
      lock.discard(error);
      throw error;
    }
    this.lock = lock;
    this.role = 'active';
    this.logger.log(`relay ${this.name} is active on topic ${this.topic} from ${this.checkpoint}`);
    return true;
  }

  private async releaseLock(): Promise<void> {
    const lock = this.lock;
    this.lock = null;
    await lock?.release();
  }

  private discardLock(error: unknown): void {
    const lock = this.lock;
    this.lock = null;
    this.role = 'standby';
    lock?.discard(error);
  }
}
