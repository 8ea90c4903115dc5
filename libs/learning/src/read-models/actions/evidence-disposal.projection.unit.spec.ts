import { foldProjection } from '@ledger/event-sourcing';
import type { ActionEvent } from '../../domain/action/action.events';
import * as f from '../../domain/action/action.fixtures';
import type { ActionDocument } from './action.document';
import { actionsProjection } from './actions.projection';
import { recordedAction } from './actions.fixtures';

function docAfter(events: readonly ActionEvent[]): ActionDocument {
  const doc = foldProjection(actionsProjection, recordedAction(events)).get(f.ACTION_ID);
  if (!doc) throw new Error('no document');
  return doc;
}

describe('actions projection: retention of evidence', () => {
  const sha256 = 'ab'.repeat(32);
  const held = [...f.historyFor('impact-assured'), f.evidenceAttached({ evidenceId: f.NEW_EVIDENCE_ID, sha256 })];

  it('shows each piece of evidence with its class, retention start and due day', () => {
    const review = f.evidenceAttached({ evidenceId: f.NEW_EVIDENCE_ID, retentionClass: 'review-record', retentionFrom: '2024-02-29' });
    const doc = docAfter([...f.historyFor('in-progress'), review]);
    expect(doc.evidence[2]).toMatchObject({
      retentionClass: 'review-record',
      retentionFrom: '2024-02-29',
      disposalDueOn: '2054-03-01',
      disposedAt: null,
    });
    const permanent = f.evidenceAttached({ evidenceId: f.NEW_EVIDENCE_ID, retentionClass: 'permanent' });
    expect(docAfter([...f.historyFor('in-progress'), permanent]).evidence[2]).toMatchObject({ disposalDueOn: null });
  });

  it('after disposal keeps the record that it existed, its class and the disposal time, without uri or sha256', () => {
    const doc = docAfter([...held, f.evidenceDisposed({ evidenceId: f.NEW_EVIDENCE_ID })]);
    const before = docAfter(held).evidence[2]!;
    expect(before).toMatchObject({ uri: 'https://docs.example.org/evidence/training-register', sha256 });
    expect(doc.evidence[2]).toEqual({
      ...before,
      uri: null,
      sha256: null,
      disposedAt: f.DISPOSAL_NOW.toISOString(),
    });
    expect(doc.evidence[0]).toEqual(docAfter(held).evidence[0]);
  });

  it('keeps counts and impact status: disposed impact evidence still counts for an assured action', () => {
    const before = docAfter(held);
    const doc = docAfter([...held, f.evidenceDisposed({ evidenceId: f.IMPACT_EVIDENCE_ID })]);
    expect({ evidenceCount: doc.evidenceCount, impactEvidenceCount: doc.impactEvidenceCount, impactStatus: doc.impactStatus }).toEqual({
      evidenceCount: before.evidenceCount,
      impactEvidenceCount: 1,
      impactStatus: 'assured',
    });
    expect(doc.version).toBe(before.version + 1);
  });
});
