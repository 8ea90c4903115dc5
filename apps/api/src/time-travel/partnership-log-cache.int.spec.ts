import { randomUUID } from 'node:crypto';
import type { PoolClient } from 'pg';
import { appendEvents, PostgresEventStore, type EventMetadata, type NewEvent } from '@ledger/event-sourcing';
import { createTestDatabase, type TestDatabase } from '@ledger/testing';
import { EventLog } from './event-log';
import { cutOf, withinCut } from './logged-event';
import { PartnershipLogCache } from './partnership-log-cache';
import { TimeTravelIndexes1764400001000 } from './time-travel-indexes.migration';

describe('PartnershipLogCache', () => {
  let db: TestDatabase;
  let store: PostgresEventStore;
  let writer: PoolClient;
  const pid = randomUUID();

  const update = (actionId: string, occurredAt: string, backdatedReason?: string): NewEvent => ({
    type: 'ProgressUpdated',
    data: { actionId, updateId: randomUUID(), narrative: 'Synthetic update', rag: 'green' },
    metadata: {
      eventId: randomUUID(),
      partnershipId: pid,
      actor: { userId: 'lead', role: 'agency-lead' },
      correlationId: randomUUID(),
      causationId: randomUUID(),
      occurredAt,
      ...(backdatedReason ? { backdatedReason } : {}),
    } satisfies EventMetadata,
  });
  const positions = (events: readonly { position: string }[]) => events.map((event) => event.position);
  /**
   * Reads until the cache holds `expected` events: the server is shared, so another database's
   * open transaction may hold the commit-safe horizon back for a moment (polls a condition).
   */
  const cachedUntil = async (cache: PartnershipLogCache, partnershipId: string, expected: number) => {
    for (let attempt = 0; attempt < 200 && cache.size !== expected; attempt++) {
      await new Promise((resolve) => setTimeout(resolve, 25));
      await cache.events(partnershipId);
    }
    return cache.size;
  };

  beforeAll(async () => {
    db = await createTestDatabase();
    const runner = db.dataSource.createQueryRunner();
    await new TimeTravelIndexes1764400001000().up(runner);
    await runner.release();
    store = new PostgresEventStore(db.pool);
  });
  beforeEach(async () => {
    writer = await db.pool.connect();
  });
  afterEach(() => {
    writer.release();
  });
  afterAll(async () => {
    await db.drop();
  });

  it('extends from its last position: a second read fetches only what is new, and sees it', async () => {
    const cache = new PartnershipLogCache(db.dataSource);
    const stream = `action-${randomUUID()}`;
    await store.appendToStream(stream, 'no-stream', [update('a', '2025-01-01T00:00:00.000Z'), update('a', '2025-01-02T00:00:00.000Z')]);
    expect(await cache.events(pid)).toHaveLength(2);
    expect(await cachedUntil(cache, pid, 2)).toBe(2);
    await store.appendToStream(stream, 2n, [update('a', '2025-01-03T00:00:00.000Z')]);
    const events = await cache.events(pid);
    expect(positions(events)).toEqual(
      positions(await new EventLog(db.dataSource).partnershipEvents(pid, { asOf: new Date(Date.now() + 60_000) })),
    );
    expect(await cachedUntil(cache, pid, 3)).toBe(3);
  });

  it('answers with an event committed behind an open older transaction, but caches only below the horizon, then reads the late one in commit order', async () => {
    const cache = new PartnershipLogCache(db.dataSource);
    const before = (await cache.events(pid)).length;
    await cachedUntil(cache, pid, before);
    await writer.query('BEGIN');
    await appendEvents(writer, `action-${randomUUID()}`, 'no-stream', [update('slow', '2025-02-01T00:00:00.000Z')]);
    await store.appendToStream(`action-${randomUUID()}`, 'no-stream', [update('quick', '2025-02-02T00:00:00.000Z')]);

    const during = await cache.events(pid);
    expect(during.map((event) => (event.data as { actionId: string }).actionId).slice(before)).toEqual(['quick']);
    expect(cache.size).toBe(before);

    await writer.query('COMMIT');
    const after = await cache.events(pid);
    expect(after.map((event) => (event.data as { actionId: string }).actionId).slice(before)).toEqual(['slow', 'quick']);
    expect(positions(after)).toEqual(
      positions(await new EventLog(db.dataSource).partnershipEvents(pid, { asOf: new Date(Date.now() + 60_000) })),
    );
    expect(await cachedUntil(cache, pid, before + 2)).toBe(before + 2);
  });

  it('cuts at asOf and validAt exactly as the SQL reader does', async () => {
    const cache = new PartnershipLogCache(db.dataSource);
    const log = new EventLog(db.dataSource);
    const events = await cache.events(pid);
    const recorded = events[1]!.recordedAt;
    for (const at of [
      { asOf: recorded },
      { asOf: new Date(recorded.getTime() - 1) },
      { validAt: new Date('2025-01-02T00:00:00.000Z') },
      { asOf: recorded, validAt: new Date('2025-01-01T12:00:00Z') },
    ]) {
      const bounds = cutOf(at);
      expect(positions(events.filter((event) => withinCut(event, bounds)))).toEqual(positions(await log.partnershipEvents(pid, at)));
    }
  });

  it('stays within its bound, dropping the least recently read partnership, and still answers in full', async () => {
    const other = randomUUID();
    const cache = new PartnershipLogCache(db.dataSource, 3);
    const all = (await cache.events(pid)).length;
    expect(all).toBeGreaterThan(3);
    expect(cache.size).toBe(0);
    await store.appendToStream(`action-${randomUUID()}`, 'no-stream', [
      {
        ...update('x', '2025-03-01T00:00:00.000Z'),
        metadata: { ...update('x', '2025-03-01T00:00:00.000Z').metadata, partnershipId: other },
      },
    ]);
    expect(await cache.events(other)).toHaveLength(1);
    expect(await cachedUntil(cache, other, 1)).toBe(1);
    expect(await cache.events(pid)).toHaveLength(all);
  });
});
