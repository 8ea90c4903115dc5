import { ProjectionLock, WakeSignal, type EventStore } from '@ledger/event-sourcing';
import { createKafka, silentMessagingLogger, type MessagingLogger } from './kafka-client';
import { KafkaPublisher, PublishFailed } from './kafka-publisher';
import { DEFAULT_RELAY_NAME, DEFAULT_TOPIC, type KafkaRelayOptions, type RelayRole, type RelayStatus } from './kafka-relay.types';
import { RelayPages, type RelayPageSource } from './relay-pages';
import { compiledPageWorkerExists } from './relay-worker-loader';
import { readRelayCheckpoint, relayLag, saveRelayCheckpoint } from './relay-sql';
import { WorkerPages } from './worker-pages';

/** First re-read when committed events are held back by an older transaction; doubles to the poll interval. */
const HELD_BACK_FIRST_WAIT_MS = 5;
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
  /** Pages are read and mapped in a worker thread (`mapInWorker`), the main thread only sends. */
  readonly mapsInWorker: boolean;
  private readonly publisher: KafkaPublisher;
  private readonly logger: MessagingLogger;
  private readonly store: EventStore;
  private readonly pages: RelayPageSource;
  private lock: ProjectionLock | null = null;
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
  /** The last checkpoint save, in flight on the lock's session while the next batch is sent. */
  private saving: Promise<void> = Promise.resolve();

  constructor(private readonly options: KafkaRelayOptions) {
    this.name = options.name ?? DEFAULT_RELAY_NAME;
    this.topic = options.topic ?? DEFAULT_TOPIC;
    this.logger = options.logger ?? silentMessagingLogger;
    this.store = options.store;
    const batchSize = options.batchSize ?? 500;
    const { databaseUrl } = options;
    this.mapsInWorker = options.mapInWorker ?? (databaseUrl !== undefined && compiledPageWorkerExists());
    if (this.mapsInWorker && databaseUrl === undefined) throw new Error('KafkaRelay: mapInWorker needs databaseUrl');
    this.pages =
      this.mapsInWorker && databaseUrl !== undefined
        ? new WorkerPages({ databaseUrl, batchSize, ...(options.workerAhead ? { ahead: options.workerAhead } : {}) })
        : new RelayPages(options.store, options.contracts, batchSize);
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
    this.unsubscribe = await (this.options.notifications ?? this.store).subscribe(() => this.onAppend());
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
    this.pages.discard();
    await this.saving.catch(() => undefined);
    await this.unsubscribe?.();
    this.unsubscribe = null;
    await this.releaseLock();
    await this.publisher.reset();
    this.role = 'stopped';
  }

  /** New events may be readable (an in-process append). */
  nudge(): void {
    this.onAppend();
  }

  private onAppend(): void {
    this.pages.noteAppend();
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
    let heldBackWait = HELD_BACK_FIRST_WAIT_MS;
    while (!this.stopping) {
      try {
        if (!(await this.acquire())) {
          this.role = 'standby';
          await this.interrupt.wait(this.options.standbyRetryMs ?? 3000);
          continue;
        }
        const sent = await this.step();
        backoff = first;
        if (sent > 0) heldBackWait = HELD_BACK_FIRST_WAIT_MS;
        else heldBackWait = await this.idle(heldBackWait);
      } catch (error) {
        this.lastError = String(error);
        this.logger.error(`relay ${this.name} failed; retrying in ${backoff} ms: ${this.lastError}`, (error as Error).stack);
        this.pages.discard();
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
   * Nothing readable. If committed events lie beyond the checkpoint, an older transaction (in any
   * database of the server) holds them back from the commit-safe cursor, and its end may wake
   * nobody: look again soon, backing off, rather than at the next poll. Returns the next such wait.
   */
  private async idle(heldBackWait: number): Promise<number> {
    const poll = this.options.pollIntervalMs ?? 1000;
    const head = await this.store.head();
    if (head === null || this.store.covers(this.checkpoint ?? this.store.start, head)) {
      await this.wake.wait(poll);
      return HELD_BACK_FIRST_WAIT_MS;
    }
    await this.wake.wait(heldBackWait);
    return Math.min(heldBackWait * 2, poll);
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
    const batch = await this.pages.take(after);
    if (batch.count === 0) {
      await this.saving;
      return 0;
    }
    const sent = this.publisher.send(batch.messages);
    this.pages.readAhead(batch.checkpoint);
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

  /** Takes the lock if this process does not hold it yet; false when another session does. */
  private async acquire(): Promise<boolean> {
    if (this.lock) return true;
    // The event-sourcing lib's advisory lock (key `hashtext('projection:relay:<name>')`): the
    // checkpoint is saved on its session, so a relay that lost the lock cannot save one.
    const lock = await ProjectionLock.tryAcquire(this.options.pool, `relay:${this.name}`, this.logger);
    if (!lock) return false;
    try {
      this.checkpoint = (await readRelayCheckpoint(lock.client, this.name)) ?? this.store.start;
    } catch (error) {
      lock.discard(error);
      throw error;
    }
    this.lock = lock;
    this.role = 'active';
    this.logger.log(
      `relay ${this.name} is active on topic ${this.topic} from ${this.checkpoint}${this.mapsInWorker ? ' (mapping in a worker thread)' : ''}`,
    );
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
