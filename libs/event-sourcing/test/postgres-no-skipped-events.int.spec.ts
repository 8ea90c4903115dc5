import { Client } from 'pg';
import { PostgresEventStore, appendEvents, isRetryableAppendError, type NewEvent } from '@ledger/event-sourcing';
import { createTestDatabase, type TestDatabase } from '@ledger/testing';
import { newEvent, newStreamId } from './event-store.fixtures';

const TOTAL_EVENTS = 10_000;
const WRITERS = 8;
const STREAMS = Array.from({ length: 300 }, () => newStreamId());

let db: TestDatabase;
beforeAll(async () => {
  db = await createTestDatabase();
});
afterAll(async () => {
  await db.drop();
});

const pick = <T>(items: readonly T[]): T => items[Math.floor(Math.random() * items.length)]!;

/**
 * One writer on its own connection: each append in its own transaction, held open for a random
 * few milliseconds (load shape: transactions commit out of id order), some appends carrying
 * several events. Returns the ids it wrote.
 */
async function writer(quota: number): Promise<string[]> {
  const client = new Client({ connectionString: db.url });
  await client.connect();
  const written: string[] = [];
  try {
    while (written.length < quota) {
      const size = Math.min(quota - written.length, 1 + Math.floor(Math.random() * 4));
      const events: NewEvent[] = Array.from({ length: size }, () => newEvent('Moved'));
      await appendInTransaction(client, pick(STREAMS), events);
      written.push(...events.map((event) => event.metadata.eventId));
    }
  } finally {
    await client.end();
  }
  return written;
}

async function appendInTransaction(client: Client, stream: string, events: readonly NewEvent[]): Promise<void> {
  for (;;) {
    await client.query('BEGIN');
    try {
      await appendEvents(client, stream, 'any', events);
      await client.query('SELECT pg_sleep($1)', [Math.random() * 0.004]);
      await client.query('COMMIT');
      return;
    } catch (error) {
      await client.query('ROLLBACK');
      if (!isRetryableAppendError(error)) throw error;
    }
  }
}

describe('postgres event store under concurrent writers', () => {
  it('lets a paging reader see every committed event exactly once, each stream in version order', async () => {
    const store = new PostgresEventStore(db.pool);
    let wakeGeneration = 0;
    let wakeUp: () => void = () => undefined;
    const unsubscribe = await store.subscribe(() => {
      wakeGeneration++;
      wakeUp();
    });

    let writersDone = false;
    const writing = Promise.all(Array.from({ length: WRITERS }, () => writer(TOTAL_EVENTS / WRITERS))).finally(() => {
      writersDone = true;
      wakeGeneration++;
      wakeUp();
    });

    const firstReadAt = new Map<string, string>();
    const duplicates: string[] = [];
    const outOfOrder: string[] = [];
    const lastVersion = new Map<string, bigint>();
    let checkpoint = store.start;
    let doneAt: number | undefined;
    while (firstReadAt.size < TOTAL_EVENTS) {
      const generation = wakeGeneration;
      const page = await store.readAll({ after: checkpoint, limit: 250 });
      for (const event of page.events) {
        const id = event.metadata.eventId;
        const where = `${event.position} (page after ${checkpoint})`;
        if (firstReadAt.has(id)) duplicates.push(`${id} at ${where}, first at ${firstReadAt.get(id)}`);
        else firstReadAt.set(id, where);
        const previous = lastVersion.get(event.streamId) ?? 0n;
        if (event.streamVersion !== previous + 1n) outOfOrder.push(`${event.streamId}: ${previous} then ${event.streamVersion}`);
        lastVersion.set(event.streamId, event.streamVersion);
      }
      checkpoint = page.checkpoint;
      if (page.events.length > 0) continue;
      if (writersDone) {
        // Everything is committed, but a transaction elsewhere on the server (xids are
        // cluster-wide) may still hold the horizon back: poll, as a projector would, for a while.
        doneAt ??= Date.now();
        if (Date.now() - doneAt > 15_000) break;
        await new Promise((resolve) => setTimeout(resolve, 20));
      } else if (generation === wakeGeneration) {
        await new Promise<void>((resolve) => (wakeUp = resolve));
      }
    }
    const written = (await writing).flat();
    await unsubscribe();

    expect(duplicates).toEqual([]);
    expect(outOfOrder).toEqual([]);
    expect(written).toHaveLength(TOTAL_EVENTS);
    expect(firstReadAt.size).toBe(TOTAL_EVENTS);
    expect([...firstReadAt.keys()].sort()).toEqual([...written].sort());
  }, 90_000);
});
