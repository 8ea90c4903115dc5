import { foldProjection } from '@ledger/event-sourcing';
import * as f from '../../domain/action/action.fixtures';
import { actionsProjection } from '../actions/actions.projection';
import { recordedAction } from '../actions/actions.fixtures';
import type { RecommendationDocument } from '../recommendations/recommendations.projection';
import type { SourceDocument } from '../sources/sources.projection';
import { actionPlanRecords, actionPlanRows } from './action-plan-records';

const SOURCE_ID = '00000000-0000-4000-8000-00000000f001';
const action = foldProjection(
  actionsProjection,
  recordedAction([f.proposed({ recommendationIds: [f.RECOMMENDATION_ID, f.OTHER_RECOMMENDATION_ID] }), f.agreed()]),
).get(f.ACTION_ID)!;
const recommendation: RecommendationDocument = {
  id: f.RECOMMENDATION_ID,
  partnershipId: f.PARTNERSHIP_ID,
  sourceId: SOURCE_ID,
  findingIds: [],
  number: '2',
  text: 'Refresh the escalation policy',
  addresseeAgencyIds: [f.LEAD_AGENCY_ID],
  scope: 'local',
  response: null,
  responses: [],
  version: 1,
  createdAt: '2025-02-01T09:00:00.000Z',
};
const source: SourceDocument = {
  id: SOURCE_ID,
  partnershipId: f.PARTNERSHIP_ID,
  kind: 'lcspr',
  title: 'LCSPR ref LR-2024-01',
  reference: null,
  occurredAt: '2025-01-01T09:00:00.000Z',
  recordedAt: '2025-01-01T09:00:00.000Z',
  status: 'open',
  milestones: [],
  findings: [],
  version: 1,
};
const documents = {
  actions: [action],
  recommendations: new Map([[recommendation.id, recommendation]]),
  sources: new Map([[source.id, source]]),
};
const now = new Date('2025-04-01T09:00:00Z');

describe('actionPlanRecords (the in-memory twin of the action plan join)', () => {
  it('makes one record per recommendation of an action, left-joining recommendation and source', () => {
    expect(actionPlanRecords(documents, {}, now)).toEqual([
      {
        action,
        recommendation_id: f.RECOMMENDATION_ID,
        recommendation_number: '2',
        recommendation_text: 'Refresh the escalation policy',
        source_id: SOURCE_ID,
        source_kind: 'lcspr',
        source_title: 'LCSPR ref LR-2024-01',
      },
      {
        action,
        recommendation_id: f.OTHER_RECOMMENDATION_ID,
        recommendation_number: null,
        recommendation_text: null,
        source_id: null,
        source_kind: null,
        source_title: null,
      },
    ]);
  });

  it('filters by source through the recommendation, and by the action filters', () => {
    expect(actionPlanRecords(documents, { sourceId: SOURCE_ID }, now).map((record) => record.recommendation_id)).toEqual([
      f.RECOMMENDATION_ID,
    ]);
    expect(actionPlanRecords(documents, { status: 'proposed' }, now)).toEqual([]);
    expect(actionPlanRecords(documents, { overdue: true }, new Date('2025-07-02T09:00:00Z'))).toHaveLength(2);
  });

  it('orders rows with the live plan order: a row without a source comes last', () => {
    const rows = actionPlanRows(
      actionPlanRecords(documents, {}, now).reverse(),
      now,
      new Map([[f.LEAD_AGENCY_ID, { name: 'Synthetic Police' }]]),
    );
    expect(rows.map((row) => [row.recommendation.id, row.source?.id ?? null, row.leadAgency.name])).toEqual([
      [f.RECOMMENDATION_ID, SOURCE_ID, 'Synthetic Police'],
      [f.OTHER_RECOMMENDATION_ID, null, 'Synthetic Police'],
    ]);
  });
});
