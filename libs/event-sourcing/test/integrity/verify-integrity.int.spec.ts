import {
  PostgresChainSealer,
  PostgresEventStore,
  eventStoreMigrations,
  integrityMigrations,
  verifyIntegrity,
} from '@ledger/event-sourcing';
import { createTestDatabase, type TestDatabase } from '@ledger/testing';
import {
  PARTNERSHIP_A,
  appendLedger,
  appendStream,
  forgedEventValues,
  kindsOf,
  naming,
  setGlobalPositions,
  silent,
  storedEvents,
  tamper,
  type StoredEvent,
} from './integrity-test-kit';

let db: TestDatabase;
let store: PostgresEventStore;
let sealed: StoredEvent[];

beforeAll(async () => {
  db = await createTestDatabase([...eventStoreMigrations, ...integrityMigrations]);
  store = new PostgresEventStore(db.pool);
});
beforeEach(async () => {
  await db.pool.query('TRUNCATE events, streams, event_chain, event_chain_heads');
  await appendLedger(store);
  await new PostgresChainSealer({ pool: db.pool, store, logger: silent }).sealUntilCaughtUp();
  sealed = await storedEvents(db.pool);
});
afterAll(() => db.drop());

const at = (index: number): StoredEvent => sealed[index]!;

describe('verifyIntegrity', () => {
  describe('when nothing was touched', () => {
    it('reports ok, every sealed event checked and the sealed head', async () => {
      const last = at(sealed.length - 1);
      const report = await verifyIntegrity(db.pool);
      expect(report).toEqual({
        ok: true,
        scope: 'ledger',
        partnershipId: null,
        sealedThrough: `${last.transactionId}:${last.globalPosition}`,
        headHash: expect.stringMatching(/^[0-9a-f]{64}$/),
        checked: 8,
        unsealed: 0,
        findings: [],
      });
    });

    it('counts events appended after the seal as unsealed, not as tampering', async () => {
      await appendStream(store, PARTNERSHIP_A, 2);
      const report = await verifyIntegrity(db.pool);
      expect(report).toMatchObject({ ok: true, checked: 8, unsealed: 2, findings: [] });
    });
  });

  describe('when an event row is edited', () => {
    it.each([
      ['its data', `UPDATE events SET data = jsonb_set(data, '{narrative}', '"rewritten"') WHERE event_id = $1`],
      ['its metadata', `UPDATE events SET metadata = jsonb_set(metadata, '{actor,userId}', '"someone-else"') WHERE event_id = $1`],
      ['its type', `UPDATE events SET event_type = 'ActionCancelled' WHERE event_id = $1`],
      ['its business time', `UPDATE events SET occurred_at = occurred_at - interval '1 day' WHERE event_id = $1`],
      ['its record time by a microsecond', `UPDATE events SET recorded_at = recorded_at + interval '1 microsecond' WHERE event_id = $1`],
      ['its partnership', `UPDATE events SET partnership_id = '${'9'.repeat(8)}-9999-4999-8999-${'9'.repeat(12)}' WHERE event_id = $1`],
      ['its id', `UPDATE events SET event_id = gen_random_uuid() WHERE event_id = $1`],
    ])('names the event when %s changes', async (_what, sql) => {
      await tamper(db.pool, [sql, [at(3).eventId]]);
      const report = await verifyIntegrity(db.pool);
      expect(report.ok).toBe(false);
      expect(report.findings).toEqual([expect.objectContaining(naming('edited', at(3)))]);
    });
  });

  describe('when an event row is deleted', () => {
    it('names the deleted event with its stream, version and position', async () => {
      await tamper(db.pool, ['DELETE FROM events WHERE event_id = $1', [at(5).eventId]]);
      const report = await verifyIntegrity(db.pool);
      expect(report.findings).toEqual([expect.objectContaining(naming('deleted', at(5)))]);
      expect(report.checked).toBe(8);
    });
  });

  describe('when an event is forged into the past', () => {
    it('names the inserted event', async () => {
      const values = forgedEventValues(PARTNERSHIP_A);
      await tamper(db.pool, [
        `INSERT INTO events (global_position, transaction_id, stream_id, stream_version, event_id, event_type, data, metadata, partnership_id, occurred_at)
         OVERRIDING SYSTEM VALUE VALUES (0, $6::text::xid8, $1, 1, $2, 'ActionProposed', $3, $4, $5, '2025-11-01T09:00:00Z')`,
        [...values, at(0).transactionId],
      ]);
      const report = await verifyIntegrity(db.pool);
      expect(report.findings).toEqual([
        expect.objectContaining({
          kind: 'inserted',
          eventId: values[1],
          streamId: values[0],
          streamVersion: 1,
          globalPosition: 0,
          sealedSeq: null,
        }),
      ]);
      expect(report.unsealed).toBe(0);
    });
  });

  describe('when events are reordered', () => {
    it('names both events whose global positions were swapped', async () => {
      await tamper(
        db.pool,
        ...setGlobalPositions([
          [at(1), at(6).globalPosition],
          [at(6), at(1).globalPosition],
        ]),
      );
      const report = await verifyIntegrity(db.pool);
      expect(report.findings).toEqual([
        expect.objectContaining(naming('reordered', at(1))),
        expect.objectContaining(naming('reordered', at(6))),
      ]);
      expect(report.findings[0]!.detail).toMatch(new RegExp(`now at position ${at(1).transactionId}:${at(6).globalPosition}`));
    });

    it('names both events whose stream versions were swapped', async () => {
      const [first, second] = [at(0), at(1)];
      expect(second.streamId).toBe(first.streamId);
      await tamper(
        db.pool,
        ['UPDATE events SET stream_version = -1 WHERE event_id = $1', [first.eventId]],
        ['UPDATE events SET stream_version = $1 WHERE event_id = $2', [first.streamVersion, second.eventId]],
        ['UPDATE events SET stream_version = $1 WHERE event_id = $2', [second.streamVersion, first.eventId]],
      );
      const report = await verifyIntegrity(db.pool);
      expect(kindsOf(report)).toEqual([
        { kind: 'reordered', eventId: first.eventId },
        { kind: 'reordered', eventId: second.eventId },
      ]);
    });
  });

  describe('when the chain itself is tampered with', () => {
    it.each([
      ['a link’s hash', 2],
      ['the last link’s hash', 7],
    ])('names the event when %s is rewritten', async (_what, index) => {
      await tamper(db.pool, [`UPDATE event_chain SET hash = sha256('forged'::bytea) WHERE event_id = $1`, [at(index).eventId]]);
      const report = await verifyIntegrity(db.pool);
      expect(report.findings).toEqual([expect.objectContaining(naming('chain-tampered', at(index)))]);
    });

    it('decides a rewritten link at the edge of a page with the next page', async () => {
      expect((await verifyIntegrity(db.pool, { pageSize: 3 })).ok).toBe(true);
      await tamper(db.pool, [`UPDATE event_chain SET hash = sha256('forged'::bytea) WHERE event_id = $1`, [at(2).eventId]]);
      expect(kindsOf(await verifyIntegrity(db.pool, { pageSize: 3 }))).toEqual([{ kind: 'chain-tampered', eventId: at(2).eventId }]);
    });

    it('names the event when a link’s prev_hash is rewritten', async () => {
      await tamper(db.pool, [`UPDATE event_chain SET prev_hash = sha256('forged'::bytea) WHERE event_id = $1`, [at(4).eventId]]);
      expect(kindsOf(await verifyIntegrity(db.pool))).toEqual([{ kind: 'chain-tampered', eventId: at(4).eventId }]);
    });

    it('names the event whose link was removed, not as inserted', async () => {
      await tamper(db.pool, ['DELETE FROM event_chain WHERE event_id = $1', [at(4).eventId]]);
      expect(kindsOf(await verifyIntegrity(db.pool))).toEqual([{ kind: 'chain-tampered', eventId: at(4).eventId }]);
    });

    it('names the event when its link records another position', async () => {
      await tamper(db.pool, ['UPDATE event_chain SET stream_version = 42 WHERE event_id = $1', [at(4).eventId]]);
      expect(kindsOf(await verifyIntegrity(db.pool))).toEqual([{ kind: 'chain-tampered', eventId: at(4).eventId }]);
    });

    it('notices the newest events cut off together with their links', async () => {
      await tamper(
        db.pool,
        ['DELETE FROM events WHERE event_id = $1', [at(7).eventId]],
        ['DELETE FROM event_chain WHERE event_id = $1', [at(7).eventId]],
      );
      const report = await verifyIntegrity(db.pool);
      expect(report.ok).toBe(false);
      expect(kindsOf(report)).toEqual([{ kind: 'chain-tampered', eventId: at(6).eventId }]);
    });
  });
});
