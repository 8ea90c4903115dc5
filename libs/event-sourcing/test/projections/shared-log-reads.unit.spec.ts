import { InMemoryEventStore, type ReadAllOptions, type ReadAllPage } from '@ledger/event-sourcing';
import { sharedLogReads } from '../../src/projections/shared-log-reads';
import { newEvent, newStreamId } from '../event-store.fixtures';

/** An in-memory store whose readAll answers only when told to, counting the queries sent. */
class HeldReads extends InMemoryEventStore {
  readonly sent: ReadAllOptions[] = [];
  heads = 0;
  private readonly held: (() => void)[] = [];

  override readAll(options: ReadAllOptions = {}): Promise<ReadAllPage> {
    this.sent.push(options);
    const page = super.readAll(options);
    return new Promise((resolve) => this.held.push(() => resolve(page)));
  }

  override head(): Promise<string | null> {
    this.heads++;
    const head = super.head();
    return new Promise((resolve) => this.held.push(() => resolve(head)));
  }

  answerAll(): void {
    for (const answer of this.held.splice(0)) answer();
  }
}

describe('sharedLogReads', () => {
  it('sends one query for callers asking for the same page together, each getting its own page', async () => {
    const store = new HeldReads();
    await store.appendToStream(newStreamId(), 'no-stream', [newEvent('Started')]);
    const reads = sharedLogReads(store);
    const pages = [reads.store.readAll({ after: store.start, limit: 10 }), reads.store.readAll({ after: store.start, limit: 10 })];
    const other = reads.store.readAll({ after: store.start, limit: 5 });
    store.answerAll();
    const [first, second] = await Promise.all(pages);
    expect(store.sent).toHaveLength(2);
    expect(first!.events).toHaveLength(1);
    expect(first).toEqual(second);
    expect(first).not.toBe(second);
    expect((await other).events).toHaveLength(1);
  });

  it('never shares a query sent before a caller learned of new events (a wake-up or a head)', async () => {
    const store = new HeldReads();
    const reads = sharedLogReads(store);
    const before = reads.store.readAll({ after: store.start, limit: 10 });
    await store.appendToStream(newStreamId(), 'no-stream', [newEvent('Started')]);
    reads.newEvents();
    const afterWake = reads.store.readAll({ after: store.start, limit: 10 });
    expect(store.sent).toHaveLength(2);
    const head = reads.store.head();
    store.answerAll();
    await head;
    const afterHead = reads.store.readAll({ after: store.start, limit: 10 });
    expect(store.sent).toHaveLength(3);
    store.answerAll();
    expect((await before).events).toHaveLength(0);
    expect((await afterWake).events).toHaveLength(1);
    expect((await afterHead).events).toHaveLength(1);
  });

  it('sends a fresh query once the shared one has answered', async () => {
    const store = new HeldReads();
    const reads = sharedLogReads(store);
    const first = reads.store.readAll({ after: store.start, limit: 10 });
    store.answerAll();
    await first;
    const second = reads.store.readAll({ after: store.start, limit: 10 });
    store.answerAll();
    await second;
    expect(store.sent).toHaveLength(2);
  });

  it('shares a head asked for together, and asks afresh after a wake-up or once it answered', async () => {
    const store = new HeldReads();
    const reads = sharedLogReads(store);
    const together = [reads.store.head(), reads.store.head()];
    expect(store.heads).toBe(1);
    store.answerAll();
    await Promise.all(together);
    const beforeWake = reads.store.head();
    expect(store.heads).toBe(2);
    await store.appendToStream(newStreamId(), 'no-stream', [newEvent('Started')]);
    reads.newEvents();
    const afterWake = reads.store.head();
    expect(store.heads).toBe(3);
    store.answerAll();
    expect(await beforeWake).toBeNull();
    expect(await afterWake).not.toBeNull();
  });
});
