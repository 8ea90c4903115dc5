import { foldProjection } from '@ledger/event-sourcing';
import * as f from '../../domain/action/action.fixtures';
import type { ActionDocument } from './action.document';
import { actionsProjection } from './actions.projection';
import { recordedAction, type At } from './actions.fixtures';
import type { ActionEvent } from '../../domain/action/action.events';

function docAfter(events: readonly (ActionEvent | [ActionEvent, At])[]): ActionDocument {
  const doc = foldProjection(actionsProjection, recordedAction(events)).get(f.ACTION_ID);
  if (!doc) throw new Error('no document');
  return doc;
}

describe('actions projection', () => {
  it('starts a document from ActionProposed', () => {
    expect(docAfter([[f.proposed(), { occurredAt: '2025-02-10T09:00:00.000Z' }]])).toEqual({
      id: f.ACTION_ID,
      partnershipId: f.PARTNERSHIP_ID,
      recommendationIds: [f.RECOMMENDATION_ID],
      description: f.proposed().data.description,
      leadAgencyId: f.LEAD_AGENCY_ID,
      owner: f.OWNER_REF,
      successMeasure: f.proposed().data.successMeasure,
      status: 'proposed',
      targetDate: { original: f.TARGET_DATE, current: f.TARGET_DATE, revisions: [] },
      ownerRag: null,
      latestUpdate: null,
      updateCount: 0,
      evidence: [],
      evidenceCount: 0,
      impactEvidenceCount: 0,
      impactStatus: 'not-started',
      impactAssurance: null,
      lastProgressAt: null,
      agreedAt: null,
      reopenedAt: null,
      completionVerifiedAt: null,
      verifyingForum: null,
      closedAt: null,
      successorActionId: null,
      cancelReason: null,
      supersedeReason: null,
      version: 1,
      createdAt: '2025-02-10T09:00:00.000Z',
      updatedAt: '2025-02-10T09:00:00.000Z',
      lastRecordedAt: '2025-02-10T09:01:00.000Z',
    });
  });

  it('follows the lifecycle to closed with forum, method, evidence and counts', () => {
    const doc = docAfter([
      f.proposed(),
      [f.agreed(), { occurredAt: '2025-03-05T10:00:00.000Z' }],
      f.started(),
      f.evidenceAttached(),
      f.impactEvidenceAttached(),
      f.completionClaimed(),
      [f.completionVerified(), { occurredAt: '2025-04-10T10:00:00.000Z', forum: 'L&I subgroup' }],
      [f.impactAssured('repeat audit'), { occurredAt: '2025-06-01T10:00:00.000Z', forum: 'QA subgroup' }],
      [f.closed(), { occurredAt: '2025-06-02T10:00:00.000Z' }],
    ]);
    expect(doc).toMatchObject({
      status: 'closed',
      agreedAt: '2025-03-05T10:00:00.000Z',
      completionVerifiedAt: '2025-04-10T10:00:00.000Z',
      verifyingForum: 'L&I subgroup',
      impactStatus: 'assured',
      impactAssurance: { assuredAt: '2025-06-01T10:00:00.000Z', method: 'repeat audit', forum: 'QA subgroup' },
      closedAt: '2025-06-02T10:00:00.000Z',
      evidenceCount: 2,
      impactEvidenceCount: 1,
      version: 9,
      updatedAt: '2025-06-02T10:00:00.000Z',
    });
    expect(doc.evidence[1]).toEqual({
      evidenceId: f.IMPACT_EVIDENCE_ID,
      title: 'Repeat audit results',
      kind: 'audit-result',
      uri: 'https://docs.example.org/evidence/training-register',
      sha256: null,
      describesImpact: true,
      effectiveFrom: null,
      attachedAt: '2025-03-05T09:00:00.000Z',
      retentionClass: 'standard',
      retentionFrom: '2025-03-01',
      disposalDueOn: '2031-03-01',
      disposedAt: null,
    });
  });

  it('keeps the latest progress update by business time and counts every update', () => {
    const doc = docAfter([
      f.proposed(),
      f.agreed(),
      [
        f.progressUpdated({ updateId: 'u1', narrative: 'Booked', rag: 'green' }),
        { occurredAt: '2025-04-01T09:00:00.000Z', userId: 'user-0007' },
      ],
      [f.progressUpdated({ updateId: 'u2', narrative: 'Back-dated note', rag: 'red' }), { occurredAt: '2025-03-15T09:00:00.000Z' }],
    ]);
    expect(doc).toMatchObject({
      ownerRag: 'green',
      latestUpdate: { narrative: 'Booked', rag: 'green', occurredAt: '2025-04-01T09:00:00.000Z', actorUserId: 'user-0007' },
      lastProgressAt: '2025-04-01T09:00:00.000Z',
      updateCount: 2,
    });
  });

  it('keeps original, current and every revision of the target date', () => {
    const doc = docAfter([
      f.proposed(),
      [f.targetDateRevised(), { occurredAt: '2025-04-01T09:00:00.000Z' }],
      f.targetDateRevised({ previousTargetDate: '2025-09-30', newTargetDate: '2025-12-31', reason: 'Policy sign-off moved' }),
    ]);
    expect(doc.targetDate).toEqual({
      original: f.TARGET_DATE,
      current: '2025-12-31',
      revisions: [
        {
          from: f.TARGET_DATE,
          to: '2025-09-30',
          reason: 'Trainer availability',
          occurredAt: '2025-04-01T09:00:00.000Z',
          recordedAt: '2025-04-01T09:01:00.000Z',
        },
        {
          from: '2025-09-30',
          to: '2025-12-31',
          reason: 'Policy sign-off moved',
          occurredAt: '2025-03-03T09:00:00.000Z',
          recordedAt: '2025-03-03T09:01:00.000Z',
        },
      ],
    });
    expect(actionsProjection.columns(doc)).toEqual({
      status: 'proposed',
      lead_agency_id: f.LEAD_AGENCY_ID,
      recommendation_ids: [f.RECOMMENDATION_ID],
      target_date: '2025-12-31',
      version: 3,
    });
  });

  describe('impact status', () => {
    const verifiedWithoutImpact = [
      f.proposed(),
      f.agreed(),
      f.started(),
      f.evidenceAttached(),
      f.completionClaimed(),
      f.completionVerified(),
    ];

    it('awaits evidence once completion is verified without impact evidence', () => {
      expect(docAfter(verifiedWithoutImpact).impactStatus).toBe('awaiting-evidence');
    });

    it('shows evidence attached when impact evidence arrives', () => {
      expect(docAfter([...verifiedWithoutImpact, f.impactEvidenceAttached()]).impactStatus).toBe('evidence-attached');
    });

    it('shows evidence attached at verification when it arrived earlier', () => {
      expect(docAfter(f.historyFor('completion-verified')).impactStatus).toBe('evidence-attached');
    });

    it('shows not demonstrated, back in progress', () => {
      expect(docAfter([...f.historyFor('completion-verified'), f.impactNotDemonstrated()])).toMatchObject({
        status: 'in-progress',
        impactStatus: 'not-demonstrated',
      });
    });

    it('drops the assurance and the closure when reopened', () => {
      expect(docAfter([...f.historyFor('closed'), f.reopened()])).toMatchObject({
        status: 'in-progress',
        impactStatus: 'evidence-attached',
        impactAssurance: null,
        closedAt: null,
        reopenedAt: '2025-03-10T09:00:00.000Z',
      });
    });
  });

  it('records why an action was cancelled or superseded', () => {
    expect(docAfter(f.historyFor('cancelled'))).toMatchObject({ status: 'cancelled', cancelReason: 'Overtaken by national guidance' });
    expect(docAfter(f.historyFor('superseded'))).toMatchObject({
      status: 'superseded',
      successorActionId: f.SUCCESSOR_ACTION_ID,
      supersedeReason: 'Merged into a wider action',
    });
  });

  it('builds no document from events without ActionProposed', () => {
    expect(foldProjection(actionsProjection, recordedAction([f.agreed()])).size).toBe(0);
  });

  it('routes only action streams', () => {
    const [event] = recordedAction([f.proposed()]);
    expect(actionsProjection.documentIds({ ...event!, streamId: 'recommendation-x' })).toEqual([]);
    expect(actionsProjection.documentIds(event!)).toEqual([f.ACTION_ID]);
  });
});
