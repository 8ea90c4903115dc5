import { InvalidInput, NotFound } from '@ledger/event-sourcing';
import { deciderSpecification } from '@ledger/testing';
import { actionDecider } from '../action.decider';
import { EvidenceAlreadyAttached } from '../action.errors';
import { ACTION_STATUSES } from '../action.state';
import * as f from '../action.fixtures';
import { EvidenceAlreadyDisposed, RetentionNotExpired } from './retention.errors';

const spec = deciderSpecification(actionDecider);

/* The fixtures' evidence is `standard` (6 years) from 2025-03-01: due on 2031-03-01 (UTC). */
describe('Action decider: retention of evidence', () => {
  for (const status of ACTION_STATUSES) {
    describe(`when ${status} with evidence past retention`, () => {
      it('DisposeEvidence → EvidenceDisposed with the class and the disposal time', () => {
        spec
          .given([...f.historyFor(status), f.evidenceAttached({ evidenceId: f.NEW_EVIDENCE_ID })])
          .when(f.disposeEvidence(f.NEW_EVIDENCE_ID))
          .then([f.evidenceDisposed({ evidenceId: f.NEW_EVIDENCE_ID })]);
      });
    });
  }

  describe('when the evidence is held', () => {
    const history = f.historyFor('in-progress');

    it('refuses disposal the day before it is due (422 retention-not-expired, naming the due day)', () => {
      spec
        .given(history)
        .when(f.disposeEvidence(f.EVIDENCE_ID, new Date('2031-02-28T23:59:59.999Z')))
        .thenThrows(RetentionNotExpired, (error) => expect(error).toMatchObject({ code: 'retention-not-expired', dueOn: '2031-03-01' }));
    });

    it('disposes from the first moment of the due day (UTC)', () => {
      const now = new Date('2031-03-01T00:00:00.000Z');
      spec
        .given(history)
        .when(f.disposeEvidence(f.EVIDENCE_ID, now))
        .then([f.evidenceDisposed({ disposedAt: now.toISOString() })]);
    });

    it('runs working papers for 2 years and review records for 30 from their effective date', () => {
      const papers = f.evidenceAttached({ evidenceId: f.NEW_EVIDENCE_ID, retentionClass: 'working-papers', retentionFrom: '2024-02-29' });
      spec
        .given([...history, papers])
        .when(f.disposeEvidence(f.NEW_EVIDENCE_ID, new Date('2026-03-01T00:00:00.000Z')))
        .then([
          f.evidenceDisposed({ evidenceId: f.NEW_EVIDENCE_ID, retentionClass: 'working-papers', disposedAt: '2026-03-01T00:00:00.000Z' }),
        ]);
      const review = f.evidenceAttached({ evidenceId: f.NEW_EVIDENCE_ID, retentionClass: 'review-record' });
      spec
        .given([...history, review])
        .when(f.disposeEvidence(f.NEW_EVIDENCE_ID, new Date('2055-02-28T12:00:00.000Z')))
        .thenThrows(RetentionNotExpired, (error) => expect(error).toMatchObject({ dueOn: '2055-03-01' }));
    });

    it('never disposes of permanent evidence (422, no due day)', () => {
      spec
        .given([...history, f.evidenceAttached({ evidenceId: f.NEW_EVIDENCE_ID, retentionClass: 'permanent' })])
        .when(f.disposeEvidence(f.NEW_EVIDENCE_ID, new Date('2999-01-01T00:00:00.000Z')))
        .thenThrows(RetentionNotExpired, (error) => expect(error).toMatchObject({ dueOn: null }));
    });

    it('never disposes of evidence whose retention start is unknown (a v1 event read without its record time)', () => {
      spec
        .given([...history, f.evidenceAttached({ evidenceId: f.NEW_EVIDENCE_ID, retentionFrom: null })])
        .when(f.disposeEvidence(f.NEW_EVIDENCE_ID, new Date('2999-01-01T00:00:00.000Z')))
        .thenThrows(RetentionNotExpired);
    });

    it('refuses evidence the action does not have (404 evidence)', () => {
      spec
        .given(history)
        .when(f.disposeEvidence(f.NEW_EVIDENCE_ID))
        .thenThrows(NotFound, (error) => expect(error).toMatchObject({ what: 'evidence', id: f.NEW_EVIDENCE_ID }));
    });
  });

  describe('when the evidence was disposed of', () => {
    const history = [...f.historyFor('in-progress'), f.evidenceDisposed()];

    it('refuses a second disposal (409 evidence-already-disposed)', () => {
      spec.given(history).when(f.disposeEvidence()).thenThrows(EvidenceAlreadyDisposed);
    });

    it('still counts it: completion can be claimed on evidence that existed', () => {
      spec
        .given([...f.historyFor('in-progress'), f.evidenceDisposed()])
        .when(f.claimCompletion())
        .then([f.completionClaimed()]);
    });

    it('still counts disposed impact evidence for assuring impact', () => {
      const disposedImpact = f.evidenceDisposed({ evidenceId: f.IMPACT_EVIDENCE_ID });
      spec
        .given([...f.historyFor('completion-verified'), disposedImpact])
        .when(f.assureImpact())
        .then([f.impactAssured()]);
    });

    it('refuses attaching evidence under the same id again (422 evidence-already-attached)', () => {
      spec
        .given(history)
        .when(f.attachEvidence({ evidenceId: f.EVIDENCE_ID }))
        .thenThrows(EvidenceAlreadyAttached);
    });
  });

  describe('when no action exists', () => {
    it('refuses DisposeEvidence with NotFound (404 action)', () => {
      spec
        .given([])
        .when(f.disposeEvidence())
        .thenThrows(NotFound, (error) => expect(error).toMatchObject({ what: 'action' }));
    });
  });

  describe('when attaching evidence', () => {
    const history = f.historyFor('in-progress');

    const attached = (data: Parameters<typeof f.evidenceAttached>[0]) =>
      f.evidenceAttached({ evidenceId: f.NEW_EVIDENCE_ID, title: 'Revised escalation policy', kind: 'policy', uri: null, ...data });

    it('stores the class given, retention running from the effective date', () => {
      spec
        .given(history)
        .when(f.attachEvidence({ retentionClass: 'review-record', effectiveFrom: '2024-11-30' }))
        .then([attached({ retentionClass: 'review-record', effectiveFrom: '2024-11-30', retentionFrom: '2024-11-30' })]);
    });

    it('defaults to standard, running from the day it is recorded (UTC)', () => {
      const late = f.commandMetadata({ now: new Date('2025-03-01T23:30:00.000Z') });
      spec
        .given(history)
        .when({ ...f.attachEvidence(), metadata: late })
        .then([attached({ retentionClass: 'standard', retentionFrom: '2025-03-01' })]);
    });

    it('refuses an unknown class (400 naming retentionClass)', () => {
      const command = f.attachEvidence({ retentionClass: 'forever' as never });
      spec
        .given(history)
        .when(command)
        .thenThrows(InvalidInput, (error) =>
          expect((error as InvalidInput).errors).toEqual([{ field: 'retentionClass', message: expect.any(String) }]),
        );
    });
  });
});
