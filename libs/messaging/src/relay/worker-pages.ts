import type { Worker } from 'node:worker_threads';
import type { Message } from 'kafkajs';
import type { RelayBatch } from './relay-pages';
import { startPageWorker } from './relay-worker-loader';
import type { PageMessage, PageReply } from './relay-worker-protocol';

export interface WorkerPagesSettings {
  readonly databaseUrl: string;
  readonly batchSize: number;
  /** Pages the worker reads ahead of the one being sent (default 2). */
  readonly ahead?: number;
}

/**
 * The relay's pages read and mapped in a worker thread (relay-page-worker.ts), so the main thread
 * only sends: the same contract as RelayPages (`take` the page after a checkpoint). The worker is
 * started at the first `take` (by then the relay holds its lock) from that checkpoint, and
 * restarted from the checkpoint `take` is given whenever the pages it prepared do not start
 * there; `discard` (a failure, lock loss, stop) terminates it, so nothing un-acknowledged is skipped.
 */
export class WorkerPages {
  private worker: Worker | null = null;
  private readonly ready: PageReply[] = [];
  private waiting: ((reply: PageReply | Error) => void) | null = null;
  private crashed: Error | null = null;
  /** Where the worker's next page starts. */
  private next: string | null = null;
  private paused = false;

  constructor(private readonly settings: WorkerPagesSettings) {}

  noteAppend(): void {
    // The worker reads page after page; a later append is simply in a later page.
  }

  readAhead(): void {
    // The worker reads ahead by itself.
  }

  /** Terminates the worker (after a failure, on lock loss, or on stop); the next `take` starts a fresh one. */
  discard(): void {
    const worker = this.worker;
    this.worker = null;
    this.next = null;
    this.ready.length = 0;
    this.crashed = null;
    this.waiting?.(new Error('the page worker was discarded'));
    this.waiting = null;
    void worker?.terminate();
  }

  async take(after: string): Promise<RelayBatch> {
    if (!this.worker || this.next !== after) this.restart(after);
    else if (this.paused) this.worker.postMessage({ type: 'resume' });
    this.paused = false;
    const reply = await this.reply();
    if (reply.type === 'failure') {
      this.discard();
      throw Object.assign(new Error(reply.message), { name: reply.name, ...(reply.stack ? { stack: reply.stack } : {}) });
    }
    if (reply.after !== after) {
      this.discard();
      throw new Error(`the page worker sent the page after ${reply.after}, not after ${after}`);
    }
    if (reply.count > 0) this.worker?.postMessage({ type: 'more' });
    else this.paused = true;
    this.next = reply.checkpoint;
    return { after, checkpoint: reply.checkpoint, count: reply.count, messages: messagesOf(reply), appendsSeen: 0 };
  }

  private restart(after: string): void {
    this.discard();
    const worker = startPageWorker({
      databaseUrl: this.settings.databaseUrl,
      after,
      batchSize: this.settings.batchSize,
      ahead: this.settings.ahead ?? 2,
    });
    worker.on('message', (reply: PageReply) => this.deliver(worker, reply));
    worker.on('error', (error) => this.deliver(worker, error));
    worker.on('exit', (code) => this.deliver(worker, new Error(`the page worker exited (code ${code})`)));
    this.worker = worker;
    this.next = after;
    this.paused = false;
  }

  private deliver(from: Worker, reply: PageReply | Error): void {
    if (from !== this.worker) return; // a discarded worker's late words
    if (reply instanceof Error) this.crashed ??= reply;
    else this.ready.push(reply);
    const waiting = this.waiting;
    if (!waiting) return;
    this.waiting = null;
    const next = this.ready.shift() ?? this.crashed!;
    waiting(next);
  }

  private reply(): Promise<PageReply> {
    const ready = this.ready.shift();
    if (ready) return Promise.resolve(ready);
    if (this.crashed) return Promise.reject(this.crashed);
    return new Promise((resolve, reject) => {
      this.waiting = (reply) => (reply instanceof Error ? reject(reply) : resolve(reply));
    });
  }
}

function messagesOf(page: PageMessage): Message[] {
  const values = Buffer.from(page.values);
  const messages: Message[] = new Array<Message>(page.count);
  for (let i = 0; i < page.count; i++)
    messages[i] = { key: page.keys[i] ?? null, value: values.subarray(page.offsets[i], page.offsets[i + 1]), headers: page.headers[i]! };
  return messages;
}
