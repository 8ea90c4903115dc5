import {
  PostgresChainSealer,
  PostgresEventStore,
  SealerLocked,
  eventStoreMigrations,
  integrityMigrations,
  verifyIntegrity,
} from '@ledger/event-sourcing';
import { createTestDatabase, type TestDatabase } from '@ledger/testing';
import { newEvent, newStreamId } from '../event-store.fixtures';
import { PARTNERSHIP_A, PARTNERSHIP_B, appendLedger, appendStream, silent, storedEvents } from './integrity-test-kit';

let db: TestDatabase;
let store: PostgresEventStore;
const sealers: PostgresChainSealer[] = [];

function sealer(): PostgresChainSealer {
  const created = new PostgresChainSealer({
    pool: db.pool,
    store,
    logger: silent,
    pollIntervalMs: 50,
    standbyRetryMs: 50,
    errorBackoffMs: 50,
  });
  sealers.push(created);
  return created;
}

async function eventually(check: () => Promise<boolean>, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error('condition not reached in time');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

beforeAll(async () => {
  db = await createTestDatabase([...eventStoreMigrations, ...integrityMigrations]);
  store = new PostgresEventStore(db.pool);
});
beforeEach(() => db.pool.query('TRUNCATE events, streams, event_chain, event_chain_heads'));
afterEach(async () => {
  await Promise.all(sealers.splice(0).map((running) => running.stop()));
});
afterAll(() => db.drop());

describe('PostgresChainSealer', () => {
  it('seals events as they are appended', async () => {
    const running = sealer();
    await running.start();
    await appendLedger(store);
    await eventually(async () => (await verifyIntegrity(db.pool)).checked === 8);
    expect(await verifyIntegrity(db.pool)).toMatchObject({ ok: true, checked: 8, unsealed: 0 });
    expect(running.status()).toMatchObject({ role: 'active', lastError: null });
  });

  it('seals in commit order while writers race, one chain for the ledger and one per partnership', async () => {
    const running = sealer();
    await running.start();
    await Promise.all(
      Array.from({ length: 6 }, async (_, writer) => {
        const partnershipId = writer % 2 === 0 ? PARTNERSHIP_A : PARTNERSHIP_B;
        const streamId = newStreamId('action');
        for (let version = 0; version < 5; version++) {
          await store.appendToStream(streamId, BigInt(version * 2), [
            newEvent('ProgressUpdated', { writer, version }, { partnershipId }),
            newEvent('EvidenceAdded', { writer, version }, { partnershipId }),
          ]);
        }
      }),
    );
    const result = await running.sealUntilCaughtUp();
    const last = (await storedEvents(db.pool)).at(-1)!;
    expect(result.checkpoint).toBe(`${last.transactionId}:${last.globalPosition}`);
    expect(await verifyIntegrity(db.pool)).toMatchObject({ ok: true, checked: 60, unsealed: 0 });
    expect(await verifyIntegrity(db.pool, { partnershipId: PARTNERSHIP_A })).toMatchObject({ ok: true, checked: 30 });
    expect(await verifyIntegrity(db.pool, { partnershipId: PARTNERSHIP_B })).toMatchObject({ ok: true, checked: 30 });
  });

  it('continues the chain from its stored head after a restart', async () => {
    await appendLedger(store);
    expect(await sealer().sealUntilCaughtUp()).toMatchObject({ sealed: 8 });
    await appendStream(store, PARTNERSHIP_B, 2);
    expect(await sealer().sealUntilCaughtUp()).toMatchObject({ sealed: 2 });
    expect(await verifyIntegrity(db.pool)).toMatchObject({ ok: true, checked: 10 });
  });

  it('lets one process seal while another stands by', async () => {
    await appendLedger(store);
    const active = sealer();
    await active.start();
    await eventually(async () => active.status().role === 'active');
    const standby = sealer();
    await expect(standby.sealUntilCaughtUp()).rejects.toBeInstanceOf(SealerLocked);
    await active.stop();
    await expect(standby.sealUntilCaughtUp()).resolves.toMatchObject({ sealed: 0 });
    expect(await verifyIntegrity(db.pool)).toMatchObject({ ok: true, checked: 8 });
  });

  it('refuses to seal over a head that was moved under it', async () => {
    await appendLedger(store);
    const first = sealer();
    await first.sealUntilCaughtUp();
    await appendStream(store, PARTNERSHIP_A, 1);
    await db.pool.query(`UPDATE event_chain_heads SET checkpoint = '0:0' WHERE chain = 'ledger'`);
    await expect(sealer().sealUntilCaughtUp()).rejects.toThrow();
    expect(await db.pool.query('SELECT count(*)::int AS count FROM event_chain')).toMatchObject({ rows: [{ count: 8 }] });
  });
});
