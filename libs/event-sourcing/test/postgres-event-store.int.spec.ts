import { Client } from 'pg';
import { PostgresEventStore, appendEvents } from '@ledger/event-sourcing';
import { createTestDatabase, type TestDatabase } from '@ledger/testing';
import { eventStoreContract } from './event-store.contract';
import { readToEnd } from './event-store-read.contract';
import { idsOf, newEvent, newStreamId, rejectionOf } from './event-store.fixtures';

let db: TestDatabase;
beforeAll(async () => {
  db = await createTestDatabase();
});
afterAll(async () => {
  await db.drop();
});

eventStoreContract('postgres', () => new PostgresEventStore(db.pool));

describe('postgres event store', () => {
  let store: PostgresEventStore;
  let writer: Client;
  beforeEach(async () => {
    store = new PostgresEventStore(db.pool, { listener: { reconnectDelayMs: 20 } });
    writer = new Client({ connectionString: db.url });
    await writer.connect();
  });
  afterEach(async () => {
    await writer.end();
  });

  it('does not read past a transaction that is still open, then reads its events first', async () => {
    const head = (await readToEnd(store, store.start)).checkpoint;
    const slow = [newEvent('Started')];
    await writer.query('BEGIN');
    await appendEvents(writer, newStreamId(), 'no-stream', slow);
    const quick = [newEvent('Started')];
    await store.appendToStream(newStreamId(), 'no-stream', quick);

    expect((await store.readAll({ after: head })).events).toEqual([]);
    await writer.query('COMMIT');
    expect(idsOf((await readToEnd(store, head)).events)).toEqual(idsOf([...slow, ...quick]));
  });

  it('refuses to append behind a younger transaction on the same stream, which would reorder it', async () => {
    const stream = newStreamId();
    await store.appendToStream(stream, 'no-stream', [newEvent('Started')]);
    await writer.query('BEGIN');
    await writer.query('SELECT pg_current_xact_id()');
    await store.appendToStream(stream, 1n, [newEvent('Moved')]);
    const error = await rejectionOf(appendEvents(writer, stream, 2n, [newEvent('Moved')]));
    await writer.query('ROLLBACK');
    expect(error).toMatchObject({ code: '40001' });
  });

  it('keeps stream type, partnership and command columns for indexed reads', async () => {
    const stream = newStreamId('challenge');
    const event = newEvent('ChallengeRaised');
    await store.appendToStream(stream, 'no-stream', [event]);
    const { rows } = await db.pool.query(
      `SELECT s.stream_type, s.partnership_id, e.causation_id, e.correlation_id, e.occurred_at
         FROM streams s JOIN events e USING (stream_id) WHERE s.stream_id = $1`,
      [stream],
    );
    expect(rows).toEqual([
      {
        stream_type: 'challenge',
        partnership_id: event.metadata.partnershipId,
        causation_id: event.metadata.causationId,
        correlation_id: event.metadata.correlationId,
        occurred_at: new Date(event.metadata.occurredAt),
      },
    ]);
  });

  it('listens again after its connection is cut, and wakes the subscriber to catch up', async () => {
    let wakes = 0;
    let waiting: { count: number; resolve: () => void } | undefined;
    const wakeCount = (count: number): Promise<void> =>
      new Promise((resolve) => {
        waiting = { count, resolve };
        if (wakes >= count) resolve();
      });
    const unsubscribe = await store.subscribe(() => {
      wakes++;
      if (waiting && wakes >= waiting.count) waiting.resolve();
    });
    await db.pool.query(
      `SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = 'ledger-listener' AND datname = current_database()`,
    );
    await wakeCount(1);
    await store.appendToStream(newStreamId(), 'no-stream', [newEvent('Started')]);
    await wakeCount(2);
    await unsubscribe();
    expect(wakes).toBeGreaterThanOrEqual(2);
  });
});
