import { foldProjection } from '@ledger/event-sourcing';
import * as f from '../../domain/action/action.fixtures';
import type { ActionDocument } from '../actions/action.document';
import { actionsProjection } from '../actions/actions.projection';
import { recordedAction } from '../actions/actions.fixtures';
import { compareActionPlanRows, toActionPlanRow, type ActionPlanRecord } from './action-plan.row';

const action: ActionDocument = foldProjection(
  actionsProjection,
  recordedAction([f.proposed(), f.agreed(), f.started(), f.progressUpdated({ rag: 'amber' }), f.evidenceAttached(), f.targetDateRevised()]),
).get(f.ACTION_ID)!;

function record(overrides: Partial<ActionPlanRecord> = {}): ActionPlanRecord {
  return {
    action,
    recommendation_id: f.RECOMMENDATION_ID,
    recommendation_number: '3',
    recommendation_text: 'Agencies should refresh training on professional curiosity',
    source_id: 'source-1',
    source_kind: 'lcspr',
    source_title: 'LCSPR ref LR-2024-01',
    ...overrides,
  };
}

const agencies = new Map([[f.LEAD_AGENCY_ID, { name: 'Synthetic Health Trust' }]]);

describe('action-plan rows', () => {
  it('maps a joined record to the canonical row with derived timeliness', () => {
    expect(toActionPlanRow(record(), new Date('2025-10-15T12:00:00Z'), agencies)).toEqual({
      source: { id: 'source-1', kind: 'lcspr', title: 'LCSPR ref LR-2024-01' },
      recommendation: { id: f.RECOMMENDATION_ID, number: '3', text: 'Agencies should refresh training on professional curiosity' },
      action: { id: f.ACTION_ID, description: action.description, successMeasure: action.successMeasure, version: 6 },
      leadAgency: { id: f.LEAD_AGENCY_ID, name: 'Synthetic Health Trust' },
      owner: f.OWNER_REF,
      targetDate: { original: f.TARGET_DATE, current: '2025-09-30', revisions: action.targetDate.revisions },
      ownerRag: 'amber',
      timeliness: 'overdue',
      overdue: true,
      slipped: true,
      stale: true,
      status: 'in-progress',
      latestUpdate: action.latestUpdate,
      evidenceCount: 1,
      impactEvidenceCount: 0,
      impactStatus: 'not-started',
    });
  });

  it('shows an unknown agency and a not-yet-projected source or recommendation as null', () => {
    const row = toActionPlanRow(
      record({ source_id: null, source_kind: null, source_title: null, recommendation_number: null, recommendation_text: null }),
      new Date('2025-03-20T12:00:00Z'),
      new Map(),
    );
    expect(row).toMatchObject({
      source: null,
      recommendation: { id: f.RECOMMENDATION_ID, number: null, text: null },
      leadAgency: { name: null },
    });
  });

  it('orders by source title, then recommendation number numerically, then action age', () => {
    const later = { ...action, id: 'b-action', createdAt: '2025-04-01T00:00:00.000Z' };
    const records = [
      record({ recommendation_number: '10', recommendation_id: 'r10' }),
      record({ source_title: 'Audit 2023', source_id: 'source-0' }),
      record({ recommendation_number: '2', recommendation_id: 'r2', action: later }),
      record({ recommendation_number: '2', recommendation_id: 'r2' }),
    ];
    expect([...records].sort(compareActionPlanRows).map((r) => `${r.source_title}|${r.recommendation_number}|${r.action.id}`)).toEqual([
      `Audit 2023|3|${f.ACTION_ID}`,
      `LCSPR ref LR-2024-01|2|${f.ACTION_ID}`,
      'LCSPR ref LR-2024-01|2|b-action',
      `LCSPR ref LR-2024-01|10|${f.ACTION_ID}`,
    ]);
  });
});
