import {
  CommandExecutor,
  ImmediateProjectionProgress,
  InMemoryEventStore,
  PostgresProjectionEngine,
  projectionMigrations,
  type CommandContext,
} from '@ledger/event-sourcing';
import { createTestDatabase, type TestDatabase } from '@ledger/testing';
import { PartnershipCommands } from '../../application/partnership-commands.service';
import { partnershipMigrations } from './partnership-read-models.migration';
import { PartnershipQueries } from './partnership.queries';
import { partnershipsProjection } from './partnerships.projection';

const context = (partnershipId: string): CommandContext => ({
  partnershipId,
  actor: { userId: 'user-platform-admin', role: 'platform-admin' },
  now: new Date('2025-03-10T09:00:00Z'),
  correlationId: 'correlation-1',
});

describe('partnership queries (PostgreSQL)', () => {
  let db: TestDatabase;
  let engine: PostgresProjectionEngine;
  let queries: PartnershipQueries;
  let northshire: string;
  let eastvale: string;
  let council: string;
  let police: string;

  beforeAll(async () => {
    db = await createTestDatabase([...projectionMigrations, ...partnershipMigrations]);
    const store = new InMemoryEventStore();
    const logger = { log: () => undefined, warn: () => undefined, error: () => undefined };
    engine = new PostgresProjectionEngine({ pool: db.pool, store, projections: [partnershipsProjection], logger });
    const commands = new PartnershipCommands(new CommandExecutor(store, new ImmediateProjectionProgress()));
    queries = new PartnershipQueries(db.dataSource);

    northshire = (
      await commands.register(context(''), {
        name: 'Northshire Safeguarding Children Partnership',
        localAuthorities: ['Northshire County Council'],
      })
    ).id;
    eastvale = (
      await commands.register(context(''), { name: 'Eastvale Safeguarding Partnership', localAuthorities: ['Eastvale Borough Council'] })
    ).id;
    council = (await commands.addAgency(context(northshire), { name: 'Northshire County Council', kind: 'local-authority' })).id;
    police = (await commands.addAgency(context(northshire), { name: 'Northshire Constabulary', kind: 'police' })).id;
    await commands.addAgency(context(eastvale), { name: 'Eastvale ICB', kind: 'health' });
    await engine.runUntilCaughtUp();
  });

  afterAll(async () => {
    await engine.stop();
    await db.drop();
  });

  it('gets a partnership, or null', async () => {
    expect(await queries.get(northshire)).toMatchObject({
      id: northshire,
      name: 'Northshire Safeguarding Children Partnership',
      version: 3,
    });
    expect(await queries.get('6f1c7c52-2b1e-4a53-9d0a-6c1f2f0e9a99')).toBeNull();
    expect(await queries.get('not-a-uuid')).toBeNull();
  });

  it('lists the partnerships asked for, or all, by name', async () => {
    expect((await queries.list('all')).map((item) => item.id)).toEqual([eastvale, northshire]);
    expect((await queries.list([northshire, 'not-a-uuid'])).map((item) => item.id)).toEqual([northshire]);
    expect(await queries.list([])).toEqual([]);
  });

  it("maps a partnership's agencies by id", async () => {
    expect(await queries.agencies(northshire)).toEqual(
      new Map([
        [council, { name: 'Northshire County Council', kind: 'local-authority' }],
        [police, { name: 'Northshire Constabulary', kind: 'police' }],
      ]),
    );
  });
});
