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
  PARTNERSHIP_B,
  appendLedger,
  forgedEventValues,
  kindsOf,
  naming,
  silent,
  storedEvents,
  tamper,
} from './integrity-test-kit';

let db: TestDatabase;
let store: PostgresEventStore;

beforeAll(async () => {
  db = await createTestDatabase([...eventStoreMigrations, ...integrityMigrations]);
  store = new PostgresEventStore(db.pool);
});
beforeEach(async () => {
  await db.pool.query('TRUNCATE events, streams, event_chain, event_chain_heads');
  await appendLedger(store);
  await new PostgresChainSealer({ pool: db.pool, store, logger: silent }).sealUntilCaughtUp();
});
afterAll(() => db.drop());

describe('verifyIntegrity for one partnership', () => {
  it('checks only that partnership’s own chain', async () => {
    const [a, b] = await Promise.all([
      verifyIntegrity(db.pool, { partnershipId: PARTNERSHIP_A }),
      verifyIntegrity(db.pool, { partnershipId: PARTNERSHIP_B }),
    ]);
    expect(a).toMatchObject({ ok: true, scope: 'partnership', partnershipId: PARTNERSHIP_A, checked: 6, unsealed: 0, findings: [] });
    expect(b).toMatchObject({ ok: true, partnershipId: PARTNERSHIP_B, checked: 2, findings: [] });
    expect(a.headHash).not.toEqual(b.headHash);
  });

  it('reports nothing for a partnership with no events', async () => {
    const report = await verifyIntegrity(db.pool, { partnershipId: '3f0c2b1a-0000-4000-8000-000000000003' });
    expect(report).toMatchObject({ ok: true, checked: 0, unsealed: 0, headHash: null, findings: [] });
  });

  it('finds an edit to its event and leaves other partnerships’ reports clean', async () => {
    const [, second] = await storedEvents(db.pool, PARTNERSHIP_B);
    await tamper(db.pool, [`UPDATE events SET data = jsonb_set(data, '{rag}', '"green"') WHERE event_id = $1`, [second!.eventId]]);
    const b = await verifyIntegrity(db.pool, { partnershipId: PARTNERSHIP_B });
    expect(b.findings).toEqual([expect.objectContaining({ ...naming('edited', second!), sealedSeq: 2 })]);
    expect((await verifyIntegrity(db.pool, { partnershipId: PARTNERSHIP_A })).ok).toBe(true);
  });

  it('finds a deleted event and a forged one of that partnership', async () => {
    const eventsOfA = await storedEvents(db.pool, PARTNERSHIP_A);
    const values = forgedEventValues(PARTNERSHIP_A);
    await tamper(
      db.pool,
      ['DELETE FROM events WHERE event_id = $1', [eventsOfA[4]!.eventId]],
      [
        `INSERT INTO events (transaction_id, stream_id, stream_version, event_id, event_type, data, metadata, partnership_id, occurred_at)
         VALUES ($6::text::xid8, $1, 1, $2, 'ActionProposed', $3, $4, $5, '2025-11-01T09:00:00Z')`,
        [...values, eventsOfA[0]!.transactionId],
      ],
    );
    const report = await verifyIntegrity(db.pool, { partnershipId: PARTNERSHIP_A });
    expect(kindsOf(report)).toEqual([
      { kind: 'deleted', eventId: eventsOfA[4]!.eventId },
      { kind: 'inserted', eventId: values[1] },
    ]);
    expect((await verifyIntegrity(db.pool, { partnershipId: PARTNERSHIP_B })).ok).toBe(true);
  });

  it('finds a rewritten link of its chain', async () => {
    const [first] = await storedEvents(db.pool, PARTNERSHIP_B);
    await tamper(db.pool, [`UPDATE event_chain SET partnership_hash = sha256('forged'::bytea) WHERE event_id = $1`, [first!.eventId]]);
    expect(kindsOf(await verifyIntegrity(db.pool, { partnershipId: PARTNERSHIP_B }))).toEqual([
      { kind: 'chain-tampered', eventId: first!.eventId },
    ]);
  });

  it('finds an event moved to another partnership in both partnerships’ reports', async () => {
    const [first] = await storedEvents(db.pool, PARTNERSHIP_B);
    await tamper(db.pool, ['UPDATE events SET partnership_id = $1 WHERE event_id = $2', [PARTNERSHIP_A, first!.eventId]]);
    expect(kindsOf(await verifyIntegrity(db.pool, { partnershipId: PARTNERSHIP_B }))).toEqual([
      { kind: 'edited', eventId: first!.eventId },
    ]);
    expect((await verifyIntegrity(db.pool, { partnershipId: PARTNERSHIP_A })).ok).toBe(true);
  });
});
