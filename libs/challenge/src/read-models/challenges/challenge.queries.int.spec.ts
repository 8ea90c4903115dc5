import {
  CommandExecutor,
  ImmediateProjectionProgress,
  InMemoryEventStore,
  PostgresProjectionEngine,
  projectionMigrations,
  type CommandContext,
} from '@ledger/event-sourcing';
import { createTestDatabase, type TestDatabase } from '@ledger/testing';
import { ChallengeCommands } from '../../application/challenge-commands.service';
import type { ChallengeActionDirectory, ChallengeAgencyDirectory } from '../../application/ports';
import { challengeMigrations } from './challenge-read-models.migration';
import { ChallengeQueries } from './challenge.queries';
import { challengesProjection } from './challenges.projection';

const PARTNERSHIP_ID = '6f1c7c52-2b1e-4a53-9d0a-6c1f2f0e9a01';
const OTHER_PARTNERSHIP_ID = '6f1c7c52-2b1e-4a53-9d0a-6c1f2f0e9a02';
const POLICE_ID = '0b8f0c3e-1d2a-4f6b-8e7c-1a2b3c4d5e02';
const ICB_ID = '0b8f0c3e-1d2a-4f6b-8e7c-1a2b3c4d5e03';
const NOW = new Date('2025-04-15T09:00:00Z');

const context = (partnershipId = PARTNERSHIP_ID): CommandContext => ({
  partnershipId,
  actor: { userId: 'user-chair-1', role: 'board-member' },
  now: new Date('2025-03-10T09:00:00Z'),
  correlationId: 'correlation-1',
});
const agencies: ChallengeAgencyDirectory = {
  agencies: async () => new Map([POLICE_ID, ICB_ID].map((id) => [id, { name: 'synthetic', kind: 'other' }] as const)),
};
const actions: ChallengeActionDirectory = { exists: async () => true };
const body = (toAgencyId: string, responseDueDate: string) => ({
  toAgencyId,
  subject: 'Strategy discussions',
  detail: 'Attendance below standard.',
  responseDueDate,
});

describe('challenge queries (PostgreSQL)', () => {
  let db: TestDatabase;
  let engine: PostgresProjectionEngine;
  let queries: ChallengeQueries;
  const ids: Record<'overdue' | 'answered' | 'escalated' | 'withdrawn' | 'other', string> = {
    overdue: '',
    answered: '',
    escalated: '',
    withdrawn: '',
    other: '',
  };

  beforeAll(async () => {
    db = await createTestDatabase([...projectionMigrations, ...challengeMigrations]);
    const store = new InMemoryEventStore();
    const logger = { log: () => undefined, warn: () => undefined, error: () => undefined };
    engine = new PostgresProjectionEngine({ pool: db.pool, store, projections: [challengesProjection], logger });
    const commands = new ChallengeCommands(new CommandExecutor(store, new ImmediateProjectionProgress()), agencies, actions);
    queries = new ChallengeQueries(db.dataSource);

    ids.overdue = (await commands.raise(context(), body(POLICE_ID, '2025-04-07'))).id;
    ids.answered = (await commands.raise(context(), body(POLICE_ID, '2025-04-07'))).id;
    await commands.acknowledge(context(), ids.answered);
    await commands.respond(context(), ids.answered, { response: 'Rota revised.' });
    ids.escalated = (await commands.raise(context(), body(ICB_ID, '2025-05-01'))).id;
    await commands.escalate(context(), ids.escalated, { level: 'lead-partner', reason: 'No acknowledgement.' });
    ids.withdrawn = (await commands.raise(context(), body(ICB_ID, '2025-03-20'))).id;
    await commands.withdraw(context(), ids.withdrawn, { reason: 'Raised in error.' });
    ids.other = (await commands.raise(context(OTHER_PARTNERSHIP_ID), body(POLICE_ID, '2025-04-07'))).id;
    await engine.runUntilCaughtUp();
  });

  afterAll(async () => {
    await engine.stop();
    await db.drop();
  });

  const listed = async (filters: Parameters<ChallengeQueries['list']>[1]) =>
    (await queries.list(PARTNERSHIP_ID, filters, NOW)).map((item) => item.id).sort();

  it('gets a challenge with its derived values, only in its partnership', async () => {
    expect(await queries.get(PARTNERSHIP_ID, ids.overdue, NOW)).toMatchObject({
      id: ids.overdue,
      status: 'raised',
      responseOverdue: true,
      ageDays: 36,
      version: 1,
    });
    expect(await queries.get(OTHER_PARTNERSHIP_ID, ids.overdue, NOW)).toBeNull();
    expect(await queries.get('not-a-uuid', ids.overdue, NOW)).toBeNull();
  });

  it("lists the partnership's challenges and none of another's", async () => {
    expect(await listed({})).toEqual([ids.overdue, ids.answered, ids.escalated, ids.withdrawn].sort());
  });

  it('filters by status, agency and escalation', async () => {
    expect(await listed({ status: 'responded' })).toEqual([ids.answered]);
    expect(await listed({ status: ['raised', 'withdrawn'] })).toEqual([ids.overdue, ids.withdrawn].sort());
    expect(await listed({ toAgencyId: ICB_ID })).toEqual([ids.escalated, ids.withdrawn].sort());
    expect(await listed({ escalated: true })).toEqual([ids.escalated]);
    expect(await listed({ escalated: false })).toEqual([ids.overdue, ids.answered, ids.withdrawn].sort());
  });

  it('filters by overdue response the same way the view derives it', async () => {
    expect(await listed({ overdue: true })).toEqual([ids.overdue]);
    expect(await listed({ overdue: false })).toEqual([ids.answered, ids.escalated, ids.withdrawn].sort());
    const all = await queries.list(PARTNERSHIP_ID, {}, NOW);
    expect(all.filter((item) => item.responseOverdue).map((item) => item.id)).toEqual([ids.overdue]);
  });

  it('stores the filter columns', async () => {
    const [row] = await db.dataSource.query<Record<string, unknown>[]>(
      "SELECT status, to_agency_id, escalation_level, to_char(response_due_date, 'YYYY-MM-DD') AS due, version FROM rm_challenges WHERE id = $1",
      [ids.escalated],
    );
    expect(row).toEqual({ status: 'escalated', to_agency_id: ICB_ID, escalation_level: 'lead-partner', due: '2025-05-01', version: 2 });
  });
});
