import {
  CommandExecutor,
  ImmediateProjectionProgress,
  InMemoryEventStore,
  PostgresProjectionEngine,
  projectionMigrations,
  type CommandContext,
} from '@ledger/event-sourcing';
import { createTestDatabase, type TestDatabase } from '@ledger/testing';
import { InspectorGrantCommands } from '../../application/inspector-grant-commands.service';
import { InspectorGrantReadModels1764300001000 } from './inspector-grant-read-models.migration';
import { InspectorGrantQueries } from './inspector-grant.queries';
import { inspectorGrantsProjection } from './inspector-grants.projection';

const NORTH = '6f1c7c52-2b1e-4a53-9d0a-6c1f2f0e9a01';
const SOUTH = '6f1c7c52-2b1e-4a53-9d0a-6c1f2f0e9a02';
const NOW = new Date('2026-03-02T09:00:00Z');
const INSPECTOR = 'inspector-0001@example.gov.uk';
const context = (partnershipId: string): CommandContext => ({
  partnershipId,
  actor: { userId: 'business-unit@example.org', role: 'partnership-admin' },
  now: NOW,
  correlationId: 'correlation-1',
});
const hours = (n: number) => new Date(NOW.getTime() + n * 3_600_000);

describe('inspector grant queries (PostgreSQL)', () => {
  let db: TestDatabase;
  let store: InMemoryEventStore;
  let engine: PostgresProjectionEngine;
  let queries: InspectorGrantQueries;
  let revoked: string;

  beforeAll(async () => {
    db = await createTestDatabase([...projectionMigrations, InspectorGrantReadModels1764300001000]);
    store = new InMemoryEventStore();
    const logger = { log: () => undefined, warn: () => undefined, error: () => undefined };
    engine = new PostgresProjectionEngine({ pool: db.pool, store, projections: [inspectorGrantsProjection], logger });
    const commands = new InspectorGrantCommands(new CommandExecutor(store, new ImmediateProjectionProgress()));
    queries = new InspectorGrantQueries(db.dataSource);
    const grant = (pid: string, from: number, until: number) =>
      commands.grant(context(pid), { inspectorId: INSPECTOR, from: hours(from), until: hours(until), reason: 'JTAI fieldwork' });
    await grant(NORTH, -1, 24);
    await grant(NORTH, 48, 72);
    revoked = (await grant(SOUTH, -1, 24)).id;
    await commands.revoke(context(SOUTH), revoked, 'Fieldwork over');
    await engine.runUntilCaughtUp();
  });
  afterAll(async () => {
    await engine.stop();
    await db.drop();
  });

  it('answers whether a grant is active at an instant: from inclusive, until exclusive, never once revoked', async () => {
    expect(await queries.isActive(NORTH, INSPECTOR, NOW)).toBe(true);
    expect(await queries.isActive(NORTH, INSPECTOR, hours(-1))).toBe(true);
    expect(await queries.isActive(NORTH, INSPECTOR, hours(24))).toBe(false);
    expect(await queries.isActive(NORTH, INSPECTOR, hours(50))).toBe(true);
    expect(await queries.isActive(NORTH, 'someone-else', NOW)).toBe(false);
    expect(await queries.isActive(SOUTH, INSPECTOR, NOW)).toBe(false);
    expect(await queries.activePartnerships(INSPECTOR, NOW)).toEqual([NORTH]);
  });

  it('lists a partnership’s grants with their status now, and nothing of another partnership', async () => {
    const north = await queries.list(NORTH, NOW);
    expect(north.map((grant) => grant.status)).toEqual(['pending', 'active']);
    expect(north.every((grant) => grant.partnershipId === NORTH && grant.grantedBy === 'business-unit@example.org')).toBe(true);
    expect(await queries.list(SOUTH, NOW)).toEqual([
      expect.objectContaining({ id: revoked, status: 'revoked', revoked: expect.objectContaining({ reason: 'Fieldwork over' }) }),
    ]);
  });

  it('is unchanged when every event is delivered again (checkpoint lost)', async () => {
    const before = [...(await queries.list(NORTH, NOW)), ...(await queries.list(SOUTH, NOW))];
    await db.pool.query('DELETE FROM projection_checkpoints WHERE name = $1', [inspectorGrantsProjection.name]);
    await engine.runUntilCaughtUp();
    expect([...(await queries.list(NORTH, NOW)), ...(await queries.list(SOUTH, NOW))]).toEqual(before);
  });
});
