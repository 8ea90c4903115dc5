import {
  CommandExecutor,
  ImmediateProjectionProgress,
  InMemoryEventStore,
  PostgresProjectionEngine,
  projectionMigrations,
  type CommandContext,
} from '@ledger/event-sourcing';
import { createTestDatabase, type TestDatabase } from '@ledger/testing';
import { ActionCommands } from '../../application/action-commands';
import type { AgencyDirectory } from '../../application/ports';
import { RecommendationCommands } from '../../application/recommendation-commands';
import { SourceCommands } from '../../application/source-commands';
import { actionMigrations } from '../actions/action-read-models.migration';
import { ActionQueries } from '../actions/action.queries';
import { actionsProjection } from '../actions/actions.projection';
import { RecommendationQueries } from '../recommendations/recommendation.queries';
import { recommendationsProjection } from '../recommendations/recommendations.projection';
import { sourceMigrations } from '../sources/learning-read-models.migration';
import { sourcesProjection } from '../sources/sources.projection';
import { ActionPlanQueries } from './action-plan.queries';

const PARTNERSHIP_ID = '3c1d0f7e-2b4a-4c8e-9f10-0a1b2c3d4e01';
const OTHER_PARTNERSHIP_ID = '3c1d0f7e-2b4a-4c8e-9f10-0a1b2c3d4e02';
const POLICE_ID = '5d2e1f80-3c5b-4d9f-8a21-1b2c3d4e5f01';
const HEALTH_ID = '5d2e1f80-3c5b-4d9f-8a21-1b2c3d4e5f02';
const AGENCY_NAMES = new Map([
  [POLICE_ID, { name: 'Synthetic Constabulary' }],
  [HEALTH_ID, { name: 'Synthetic Health Board' }],
]);

const context = (overrides: Partial<CommandContext> = {}): CommandContext => ({
  partnershipId: PARTNERSHIP_ID,
  actor: { userId: 'user-business-unit-1', role: 'partnership-admin' },
  now: new Date('2025-06-02T09:00:00Z'),
  correlationId: 'correlation-1',
  ...overrides,
});
const agencies: AgencyDirectory = {
  agencies: async () => new Map([POLICE_ID, HEALTH_ID].map((id) => [id, { name: 'synthetic', kind: 'other' }] as const)),
};
const NOW = new Date('2025-08-01T12:00:00Z');

describe('action plan and action queries (PostgreSQL)', () => {
  let db: TestDatabase;
  let engine: PostgresProjectionEngine;
  let actions: ActionCommands;
  let actionQueries: ActionQueries;
  let plan: ActionPlanQueries;
  let ids: { review: string; audit: string; rec1: string; rec2: string; rec10: string; a: string; b: string; c: string };

  beforeAll(async () => {
    db = await createTestDatabase([...projectionMigrations, ...sourceMigrations, ...actionMigrations]);
    const store = new InMemoryEventStore();
    const logger = { log: () => undefined, warn: () => undefined, error: () => undefined };
    engine = new PostgresProjectionEngine({
      pool: db.pool,
      store,
      projections: [sourcesProjection, recommendationsProjection, actionsProjection],
      logger,
    });
    const executor = new CommandExecutor(store, new ImmediateProjectionProgress());
    const recommendationQueries = new RecommendationQueries(db.dataSource);
    const sources = new SourceCommands(executor);
    const recommendations = new RecommendationCommands(executor, store, agencies, recommendationQueries);
    actions = new ActionCommands(executor, store, agencies);
    actionQueries = new ActionQueries(db.dataSource);
    plan = new ActionPlanQueries(db.dataSource);

    const review = (await sources.record(context(), { kind: 'lcspr', title: 'LCSPR LR-2025-03' })).id;
    const audit = (await sources.record(context(), { kind: 'multi-agency-audit', title: 'Audit MACA-2025-01' })).id;
    const recommend = (sourceId: string, number: string) =>
      recommendations
        .make(context(), { sourceId, number, text: `Recommendation ${number}`, addresseeAgencyIds: [POLICE_ID], scope: 'local' })
        .then((o) => o.id);
    const rec1 = await recommend(review, '1');
    const rec2 = await recommend(review, '2');
    const rec10 = await recommend(review, '10');
    const auditRec = await recommend(audit, '1');
    const base = { description: 'Synthetic action', successMeasure: 'Repeat audit', owner: 'person-ref-1' };

    // a: police, two recommendations, overdue (target 2025-07-31 < 2025-08-01) with an update.
    const a = (
      await actions.propose(context(), { ...base, recommendationIds: [rec10, rec1], leadAgencyId: POLICE_ID, targetDate: '2025-07-31' })
    ).id;
    await actions.agree(context(), a);
    await actions.start(context(), a);
    await actions.recordProgress(context({ now: new Date('2025-07-20T09:00:00Z') }), a, { narrative: 'Half done', rag: 'amber' });
    await actions.attachEvidence(context(), a, { title: 'Policy v2', kind: 'policy', describesImpact: false });
    // b: health, slipped, not overdue.
    const b = (
      await actions.propose(context({ now: new Date('2025-06-02T09:01:00Z') }), {
        ...base,
        recommendationIds: [rec2],
        leadAgencyId: HEALTH_ID,
        targetDate: '2025-07-01',
      })
    ).id;
    await actions.reviseTargetDate(context({ reason: 'Funding delayed' }), b, { newTargetDate: '2025-12-31' });
    // c: police, from the audit, cancelled (past target but not open: never overdue).
    const c = (
      await actions.propose(context({ now: new Date('2025-06-02T09:02:00Z') }), {
        ...base,
        recommendationIds: [auditRec],
        leadAgencyId: POLICE_ID,
        targetDate: '2025-06-30',
      })
    ).id;
    await actions.cancel(context({ reason: 'Duplicate' }), c);
    // Another partnership's plan, on its own source and recommendation.
    const elsewhere = context({ partnershipId: OTHER_PARTNERSHIP_ID });
    const otherSource = (await sources.record(elsewhere, { kind: 'peer-review', title: 'Peer review PR-2025-09' })).id;
    const otherRec = (
      await recommendations.make(elsewhere, {
        sourceId: otherSource,
        number: '1',
        text: 'Elsewhere',
        addresseeAgencyIds: [POLICE_ID],
        scope: 'local',
      })
    ).id;
    await actions.propose(elsewhere, { ...base, recommendationIds: [otherRec], leadAgencyId: POLICE_ID, targetDate: '2025-07-01' });
    await engine.runUntilCaughtUp();
    ids = { review, audit, rec1, rec2, rec10, a, b, c };
  });

  afterAll(async () => {
    await engine.stop();
    await db.drop();
  });

  it('gives one row per (action, recommendation) in plan order with joined source, recommendation and agency', async () => {
    const rows = await plan.rows(PARTNERSHIP_ID, {}, NOW, AGENCY_NAMES);
    expect(rows.map((row) => [row.source?.title, row.recommendation.number, row.action.id])).toEqual([
      ['Audit MACA-2025-01', '1', ids.c],
      ['LCSPR LR-2025-03', '1', ids.a],
      ['LCSPR LR-2025-03', '2', ids.b],
      ['LCSPR LR-2025-03', '10', ids.a],
    ]);
    expect(rows[1]).toMatchObject({
      source: { id: ids.review, kind: 'lcspr', title: 'LCSPR LR-2025-03' },
      recommendation: { id: ids.rec1, number: '1', text: 'Recommendation 1' },
      action: { id: ids.a, description: 'Synthetic action', successMeasure: 'Repeat audit', version: 5 },
      leadAgency: { id: POLICE_ID, name: 'Synthetic Constabulary' },
      owner: 'person-ref-1',
      targetDate: { original: '2025-07-31', current: '2025-07-31', revisions: [] },
      ownerRag: 'amber',
      timeliness: 'overdue',
      status: 'in-progress',
      latestUpdate: { narrative: 'Half done', rag: 'amber', occurredAt: '2025-07-20T09:00:00.000Z' },
      evidenceCount: 1,
      impactStatus: 'not-started',
    });
    expect(rows[2]).toMatchObject({
      timeliness: 'slipped',
      targetDate: { original: '2025-07-01', current: '2025-12-31', revisions: [{ reason: 'Funding delayed' }] },
    });
    expect(rows[0]).toMatchObject({ status: 'cancelled', timeliness: 'on-track', overdue: false });
  });

  it('filters rows by status, lead agency, source and overdue', async () => {
    const actionIds = async (filters: Parameters<ActionPlanQueries['rows']>[1]) =>
      (await plan.rows(PARTNERSHIP_ID, filters, NOW, AGENCY_NAMES)).map((row) => `${row.action.id}/${row.recommendation.number}`);
    expect(await actionIds({ status: 'proposed' })).toEqual([`${ids.b}/2`]);
    expect(await actionIds({ agencyId: HEALTH_ID })).toEqual([`${ids.b}/2`]);
    expect(await actionIds({ sourceId: ids.audit })).toEqual([`${ids.c}/1`]);
    expect(await actionIds({ overdue: true })).toEqual([`${ids.a}/1`, `${ids.a}/10`]);
    expect(await actionIds({ overdue: false })).toEqual([`${ids.c}/1`, `${ids.b}/2`]);
    expect((await plan.rows(OTHER_PARTNERSHIP_ID, {}, NOW, AGENCY_NAMES)).map((row) => row.source?.title)).toEqual([
      'Peer review PR-2025-09',
    ]);
  });

  it('gets one action with its version and derived timeliness, only in its partnership', async () => {
    expect(await actionQueries.get(PARTNERSHIP_ID, ids.a, NOW)).toMatchObject({
      id: ids.a,
      version: 5,
      overdue: true,
      slipped: false,
      timeliness: 'overdue',
      evidenceCount: 1,
    });
    expect(await actionQueries.get(OTHER_PARTNERSHIP_ID, ids.a, NOW)).toBeNull();
    expect(await actionQueries.get(PARTNERSHIP_ID, 'missing', NOW)).toBeNull();
  });

  it('lists actions by status, agency, recommendation and overdue', async () => {
    const list = async (filters: Parameters<ActionQueries['list']>[1]) =>
      (await actionQueries.list(PARTNERSHIP_ID, filters, NOW)).map((view) => view.id);
    expect(await list({})).toEqual([ids.a, ids.b, ids.c]);
    expect(await list({ status: 'cancelled' })).toEqual([ids.c]);
    expect(await list({ agencyId: POLICE_ID })).toEqual([ids.a, ids.c]);
    expect(await list({ recommendationId: ids.rec10 })).toEqual([ids.a]);
    expect(await list({ overdue: true })).toEqual([ids.a]);
    expect(await list({ overdue: false })).toEqual([ids.b, ids.c]);
    expect(await actionQueries.list(OTHER_PARTNERSHIP_ID, {}, NOW)).toHaveLength(1);
  });
});
