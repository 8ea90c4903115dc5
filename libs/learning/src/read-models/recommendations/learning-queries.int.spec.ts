import {
  CommandExecutor,
  ImmediateProjectionProgress,
  InMemoryEventStore,
  PostgresProjectionEngine,
  projectionMigrations,
  type CommandContext,
} from '@ledger/event-sourcing';
import { createTestDatabase, type TestDatabase } from '@ledger/testing';
import type { AgencyDirectory } from '../../application/ports';
import { RecommendationCommands } from '../../application/recommendation-commands';
import { SourceCommands } from '../../application/source-commands';
import { sourceMigrations } from '../sources/learning-read-models.migration';
import { SourceQueries } from '../sources/source.queries';
import { sourcesProjection } from '../sources/sources.projection';
import { RecommendationQueries } from './recommendation.queries';
import { recommendationsProjection } from './recommendations.projection';

const PARTNERSHIP_ID = '0b9a3e55-5c1f-4c6e-9a39-6f1c2d1e0a01';
const OTHER_PARTNERSHIP_ID = '7e8f9a0b-1c2d-4e3f-8a4b-5c6d7e8f9a10';
const POLICE_ID = 'a1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c06';
const HEALTH_ID = 'b2c3d4e5-f6a7-4b8c-9d0e-1f2a3b4c5d07';

const context = (partnershipId = PARTNERSHIP_ID): CommandContext => ({
  partnershipId,
  actor: { userId: 'user-business-unit-1', role: 'partnership-admin' },
  now: new Date('2025-06-02T09:00:00Z'),
  correlationId: 'correlation-1',
});
const agencies: AgencyDirectory = {
  agencies: async () => new Map([POLICE_ID, HEALTH_ID].map((id) => [id, { name: 'synthetic', kind: 'other' }] as const)),
};

describe('source and recommendation queries (PostgreSQL)', () => {
  let db: TestDatabase;
  let engine: PostgresProjectionEngine;
  let sources: SourceCommands;
  let recommendations: RecommendationCommands;
  let sourceQueries: SourceQueries;
  let recommendationQueries: RecommendationQueries;

  beforeAll(async () => {
    db = await createTestDatabase([...projectionMigrations, ...sourceMigrations]);
    // rm_actions belongs to the actions read model; a stand-in with the columns these queries join on.
    await db.dataSource.query(
      'CREATE TABLE IF NOT EXISTS rm_actions (id text PRIMARY KEY, partnership_id uuid NOT NULL, status text NOT NULL, recommendation_ids text[] NOT NULL)',
    );
    const store = new InMemoryEventStore();
    const logger = { log: () => undefined, warn: () => undefined, error: () => undefined };
    engine = new PostgresProjectionEngine({ pool: db.pool, store, projections: [sourcesProjection, recommendationsProjection], logger });
    const executor = new CommandExecutor(store, new ImmediateProjectionProgress());
    sourceQueries = new SourceQueries(db.dataSource);
    recommendationQueries = new RecommendationQueries(db.dataSource);
    sources = new SourceCommands(executor);
    recommendations = new RecommendationCommands(executor, store, agencies, recommendationQueries);
  });

  afterAll(async () => {
    await engine.stop();
    await db.drop();
  });

  const linkAction = (id: string, status: string, recommendationIds: string[], partnershipId = PARTNERSHIP_ID) =>
    db.dataSource.query('INSERT INTO rm_actions (id, partnership_id, status, recommendation_ids) VALUES ($1, $2, $3, $4)', [
      id,
      partnershipId,
      status,
      recommendationIds,
    ]);

  it('lists and gets sources by kind and status, only in the partnership', async () => {
    const audit = (await sources.record(context(), { kind: 'multi-agency-audit', title: 'Thematic audit: neglect 2025' })).id;
    const review = (await sources.record(context(), { kind: 'rapid-review', title: 'Rapid review RR-2025-04', reference: 'RR-2025-04' }))
      .id;
    await sources.record(context(OTHER_PARTNERSHIP_ID), { kind: 'rapid-review', title: 'Rapid review RR-2025-05' });
    const finding = (
      await sources.recordFinding(context(), review, {
        summary: 'Health information was not shared.',
        themes: ['information-sharing'],
        enablers: [],
        goodPractice: true,
      })
    ).id;
    await sources.recordMilestone(context(), review, { milestone: 'notified' });
    await sources.close(context(), audit);
    await engine.runUntilCaughtUp();

    expect((await sourceQueries.list(PARTNERSHIP_ID)).map((item) => item.id).sort()).toEqual([audit, review].sort());
    expect(await sourceQueries.list(PARTNERSHIP_ID, { kind: 'rapid-review' })).toEqual([
      expect.objectContaining({
        id: review,
        status: 'open',
        findingIds: [finding],
        findingCount: 1,
        goodPracticeCount: 1,
        version: 3,
        milestones: [expect.objectContaining({ milestone: 'notified' })],
      }),
    ]);
    expect((await sourceQueries.list(PARTNERSHIP_ID, { status: 'closed' })).map((item) => item.id)).toEqual([audit]);
    expect(await sourceQueries.get(PARTNERSHIP_ID, review)).toMatchObject({
      id: review,
      reference: 'RR-2025-04',
      findingIds: [finding],
      findings: [expect.objectContaining({ themes: ['information-sharing'] })],
    });
    expect(await sourceQueries.get(OTHER_PARTNERSHIP_ID, review)).toBeNull();
  });

  it('numbers recommendations per source and derives their status from linked actions', async () => {
    const source = (await sources.record(context(), { kind: 'lcspr', title: 'LCSPR LR-2025-02' })).id;
    const other = (await sources.record(context(), { kind: 'peer-review', title: 'Peer review PR-2025-01' })).id;
    await engine.runUntilCaughtUp();
    const base = { findingIds: [], text: 'Agree a shared protocol.', addresseeAgencyIds: [POLICE_ID], scope: 'local' as const };

    const first = (await recommendations.make(context(), { ...base, sourceId: source })).id;
    await engine.runUntilCaughtUp();
    const second = (await recommendations.make(context(), { ...base, sourceId: source, addresseeAgencyIds: [HEALTH_ID] })).id;
    const named = (await recommendations.make(context(), { ...base, sourceId: source, number: '7a' })).id;
    const elsewhere = (await recommendations.make(context(), { ...base, sourceId: other })).id;
    await recommendations.respond(context(), first, { decision: 'accepted' });
    await recommendations.respond(context(), second, { decision: 'not-accepted', reason: 'Covered regionally.' });
    await engine.runUntilCaughtUp();
    await linkAction('action-1', 'closed', [first]);
    await linkAction('action-2', 'cancelled', [first, elsewhere]);
    await linkAction('action-3', 'in-progress', [elsewhere]);
    await linkAction('action-x', 'in-progress', [first], OTHER_PARTNERSHIP_ID);

    expect(await recommendationQueries.nextNumber(PARTNERSHIP_ID, source)).toBe('3');
    const bySource = await recommendationQueries.list(PARTNERSHIP_ID, { sourceId: source });
    expect(bySource.map((r) => [r.number, r.status])).toEqual([
      ['1', 'closed'],
      ['2', 'responded'],
      ['7a', 'made'],
    ]);
    expect(await recommendationQueries.get(PARTNERSHIP_ID, first)).toMatchObject({
      status: 'closed',
      actionIds: ['action-1', 'action-2'],
      actionCounts: { total: 2, open: 0, closed: 1, cancelled: 1, superseded: 0 },
      response: { decision: 'accepted', reason: null },
    });
    expect(await recommendationQueries.get(PARTNERSHIP_ID, named)).toMatchObject({ actionIds: [], actionCounts: { total: 0 } });
    expect((await recommendationQueries.list(PARTNERSHIP_ID, { status: 'in-delivery' })).map((r) => r.id)).toEqual([elsewhere]);
    expect((await recommendationQueries.list(PARTNERSHIP_ID, { agencyId: HEALTH_ID })).map((r) => r.id)).toEqual([second]);
    expect(await recommendationQueries.list(OTHER_PARTNERSHIP_ID)).toEqual([]);
    expect(await recommendationQueries.get(OTHER_PARTNERSHIP_ID, first)).toBeNull();
  });
});
