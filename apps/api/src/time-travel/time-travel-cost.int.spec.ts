import { randomUUID } from 'node:crypto';
import { PostgresEventStore, type EventMetadata, type NewEvent } from '@ledger/event-sourcing';
import { createTestDatabase, type TestDatabase } from '@ledger/testing';
import { EventLog } from './event-log';
import { cutOf, withinCut } from './logged-event';
import { PartnershipLogCache } from './partnership-log-cache';
import { Snapshot } from './snapshot';

/**
 * What an as-of query costs for a large partnership: 10,000 events (500 actions of 20 events)
 * read from the log and folded in memory — read with SQL every time (before the log cache) and
 * from the log cache extended to the head (after). Prints the timings; fails only if absurdly slow.
 */
const ACTIONS = 500;
const UPDATES_PER_ACTION = 19;

describe('time travel over 10,000 events', () => {
  let db: TestDatabase;
  const pid = randomUUID();
  const agencyId = randomUUID();
  const recommendationId = randomUUID();
  let middle = '';

  beforeAll(async () => {
    db = await createTestDatabase();
    const store = new PostgresEventStore(db.pool);
    const metadata = (occurredAt: string): EventMetadata => ({
      eventId: randomUUID(),
      partnershipId: pid,
      actor: { userId: 'loader', role: 'partnership-admin' },
      correlationId: randomUUID(),
      causationId: randomUUID(),
      occurredAt,
    });
    const at = (minute: number) => new Date(Date.UTC(2025, 0, 1) + minute * 60_000).toISOString();
    for (let a = 0; a < ACTIONS; a++) {
      const actionId = randomUUID();
      const events: NewEvent[] = [
        {
          type: 'ActionProposed',
          data: {
            actionId,
            partnershipId: pid,
            recommendationIds: [recommendationId],
            description: `Action ${a}`,
            leadAgencyId: agencyId,
            owner: null,
            targetDate: '2026-03-31',
            successMeasure: 'Audit',
          },
          metadata: metadata(at(a * 20)),
        },
        ...Array.from({ length: UPDATES_PER_ACTION }, (_, u) => ({
          type: 'ProgressUpdated',
          data: { actionId, updateId: randomUUID(), narrative: `Update ${u}`, rag: 'green' },
          metadata: metadata(at(a * 20 + u + 1)),
        })),
      ];
      await store.appendToStream(`action-${actionId}`, 'no-stream', events);
      if (a === ACTIONS / 2) {
        // asOf includes the whole millisecond it names, so the next action must be recorded in a later one.
        const mark = Date.now();
        middle = new Date(mark).toISOString();
        while (Date.now() <= mark) {
          // spin out the rest of this millisecond
        }
      }
    }
  });
  afterAll(async () => {
    await db.drop();
  });

  it('reads and folds them, for asOf and for validAt', async () => {
    const log = new EventLog(db.dataSource);
    const timings: Record<string, number[]> = { read: [], fold: [] };
    let rows = 0;
    for (let run = 0; run < 5; run++) {
      const started = performance.now();
      const events = await log.partnershipEvents(pid, { asOf: new Date(Date.now() + 60_000) });
      const read = performance.now();
      const snapshot = new Snapshot(pid, events, new Date('2025-06-01T00:00:00Z'));
      rows = snapshot.actionPlan({}).length + snapshot.actions({ overdue: false }).length;
      timings['read']!.push(read - started);
      timings['fold']!.push(performance.now() - read);
      expect(events).toHaveLength(ACTIONS * (UPDATES_PER_ACTION + 1));
    }
    expect(rows).toBe(2 * ACTIONS);
    const half = await log.partnershipEvents(pid, { asOf: new Date(middle) });
    expect(new Snapshot(pid, half, new Date()).actions({}).length).toBe(ACTIONS / 2 + 1);
    const early = await log.partnershipEvents(pid, { validAt: new Date(Date.UTC(2025, 0, 1) + 100 * 60_000) });
    expect(new Snapshot(pid, early, new Date()).actions({}).map((action) => action.updateCount)).toEqual([19, 19, 19, 19, 19, 0]);
    const median = (values: number[]) => [...values].sort((x, y) => x - y)[Math.floor(values.length / 2)]!;
    const cache = new PartnershipLogCache(db.dataSource);
    const cached: number[] = [];
    for (let run = 0; run < 5; run++) {
      const started = performance.now();
      const log = await cache.read(pid);
      const cut = cutOf({ asOf: new Date(Date.now() + 60_000) });
      const snapshot = new Snapshot(
        pid,
        log.events.filter((event) => withinCut(event, cut)),
        new Date('2025-06-01T00:00:00Z'),
        { log, cut },
      );
      expect(snapshot.actionPlan({}).length + snapshot.actions({ overdue: false }).length).toBe(rows);
      cached.push(performance.now() - started);
    }
    console.log(
      `10,000 events: read ${median(timings['read']!).toFixed(0)} ms, fold + action plan + actions ${median(timings['fold']!).toFixed(0)} ms (median of 5); ` +
        `from the log cache, read + fold + action plan + actions ${median(cached).toFixed(0)} ms`,
    );
    expect(median(timings['read']!) + median(timings['fold']!)).toBeLessThan(10_000);
  });
});
