import type { Message } from 'kafkajs';
import type { EventStore, RecordedEvent } from '@ledger/event-sourcing';
import type { EventContracts } from '../contracts/event-contracts';
import { toCloudEvent, toKafkaMessage } from '../contracts/cloud-event';

/** One page of the log, mapped to Kafka messages. */
export interface RelayBatch {
  readonly after: string;
  readonly checkpoint: string;
  readonly count: number;
  readonly messages: Message[];
  /** Appends announced when the read began: a later one may have landed after the page was read. */
  readonly appendsSeen: number;
}

/** Where the relay's pages come from: read on this thread (RelayPages) or in a worker (WorkerPages). */
export interface RelayPageSource {
  /** An append was announced. */
  noteAppend(): void;
  /** The page after `after` will be asked for next. */
  readAhead(after: string): void;
  /** Forgets whatever was read ahead (after a failure, on lock loss, or on stop). */
  discard(): void;
  /** The page after `after`, mapped to Kafka messages. */
  take(after: string): Promise<RelayBatch>;
}

/**
 * The relay's reads: a page of the log after a checkpoint, mapped through the contracts to
 * CloudEvents messages, and the next page read ahead while the broker works on the current one.
 */
export class RelayPages implements RelayPageSource {
  private prepared: Promise<RelayBatch | Error> | null = null;
  private appends = 0;

  constructor(
    private readonly store: EventStore,
    private readonly contracts: EventContracts,
    private readonly batchSize: number,
  ) {}

  /** An append was announced (the page read ahead may now be stale). */
  noteAppend(): void {
    this.appends++;
  }

  /** Starts reading the page after `after` in the background. */
  readAhead(after: string): void {
    this.prepared = this.prepare(after);
  }

  /** Forgets the page read ahead (after a failure, or on stop). */
  discard(): void {
    this.prepared = null;
  }

  /**
   * The page after `after`: the one read ahead if it starts there and is either full or no append
   * has been announced since it was read; else a fresh read (so a page read early in a send does
   * not make later appends wait a whole extra send).
   */
  async take(after: string): Promise<RelayBatch> {
    const prepared = this.prepared;
    this.prepared = null;
    const batch = prepared ? await prepared : null;
    const fresh = (b: RelayBatch) => b.count >= this.batchSize || b.appendsSeen === this.appends;
    if (batch && !(batch instanceof Error) && batch.after === after && fresh(batch)) return batch;
    const result = await this.prepare(after);
    if (result instanceof Error) throw result;
    return result;
  }

  /** Reads and maps one page; settles with the error rather than rejecting, so an abandoned one is harmless. */
  private async prepare(after: string): Promise<RelayBatch | Error> {
    const appendsSeen = this.appends;
    try {
      const page = await this.store.readAll({ after, limit: this.batchSize });
      const messages = page.events.map((event) => this.messageOf(event));
      return { after, checkpoint: page.checkpoint, count: page.events.length, messages, appendsSeen };
    } catch (error) {
      return error instanceof Error ? error : new Error(String(error));
    }
  }

  private messageOf(event: RecordedEvent): Message {
    return toKafkaMessage(toCloudEvent(event, this.contracts.map(event)));
  }
}
