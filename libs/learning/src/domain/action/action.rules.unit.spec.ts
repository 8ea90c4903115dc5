import { IllegalTransition, InvalidInput } from '@ledger/event-sourcing';
import { deciderSpecification } from '@ledger/testing';
import { actionDecider } from './action.decider';
import {
  CompletionNeedsEvidence,
  EvidenceAlreadyAttached,
  ForumRequired,
  ImpactNeedsEvidence,
  ReasonRequired,
  SuccessorRequired,
  TargetDateUnchanged,
} from './action.errors';
import * as f from './action.fixtures';

const spec = deciderSpecification(actionDecider);
const code = (expected: string) => (error: Error) => expect(error).toMatchObject({ code: expected });
const field = (name: string) => (error: Error) =>
  expect((error as InvalidInput).errors).toEqual([{ field: name, message: expect.any(String) }]);

describe('Action decider: domain rules', () => {
  describe('when no action exists', () => {
    it.each(['2025-02-29', '2025-13-01', '2025-04-31', '30/06/2025', '2025-6-30', ''])('refuses target date %p (400)', (targetDate) => {
      spec.given([]).when(f.propose({ targetDate })).thenThrows(InvalidInput, field('targetDate'));
    });

    it('accepts a leap day', () => {
      spec
        .given([])
        .when(f.propose({ targetDate: '2024-02-29' }))
        .then([f.proposed({ targetDate: '2024-02-29' })]);
    });

    it('refuses a proposal with no recommendations (400)', () => {
      spec
        .given([])
        .when(f.propose({ recommendationIds: [] }))
        .thenThrows(InvalidInput, field('recommendationIds'));
    });

    it('records each recommendation once', () => {
      spec
        .given([])
        .when(f.propose({ recommendationIds: [f.RECOMMENDATION_ID, f.OTHER_RECOMMENDATION_ID, f.RECOMMENDATION_ID] }))
        .then([f.proposed({ recommendationIds: [f.RECOMMENDATION_ID, f.OTHER_RECOMMENDATION_ID] })]);
    });

    it.each(['description', 'successMeasure', 'leadAgencyId'] as const)('refuses a blank %s (400)', (name) => {
      spec
        .given([])
        .when(f.propose({ [name]: '  ' }))
        .thenThrows(InvalidInput, field(name));
    });

    it('stores a missing owner as null', () => {
      spec
        .given([])
        .when(f.propose({ owner: undefined }))
        .then([f.proposed({ owner: null })]);
    });
  });

  describe('when in progress with no evidence', () => {
    const history = [f.proposed(), f.agreed(), f.started()];

    it('refuses to claim completion (422 completion-needs-evidence)', () => {
      spec.given(history).when(f.claimCompletion()).thenThrows(CompletionNeedsEvidence, code('completion-needs-evidence'));
    });

    it('claims completion once any evidence is attached', () => {
      spec
        .given([...history, f.evidenceAttached()])
        .when(f.claimCompletion())
        .then([f.completionClaimed()]);
    });
  });

  describe('when completion is claimed', () => {
    const history = f.historyFor('completion-claimed');

    it.each(['', '   '])('refuses verification without a forum %p (422 forum-required)', (forum) => {
      spec.given(history).when(f.verifyCompletion(forum)).thenThrows(ForumRequired, code('forum-required'));
    });

    it('refuses to return completion without a reason (422 reason-required)', () => {
      spec.given(history).when(f.returnCompletion(' ')).thenThrows(ReasonRequired, code('reason-required'));
    });

    it('can claim again after completion was returned', () => {
      spec
        .given([...history, f.completionReturned()])
        .when(f.claimCompletion())
        .then([f.completionClaimed()]);
    });
  });

  describe('when completion is verified', () => {
    const withoutImpactEvidence = [
      f.proposed(),
      f.agreed(),
      f.started(),
      f.evidenceAttached(),
      f.completionClaimed(),
      f.completionVerified(),
    ];

    it('refuses to assure impact with no impact evidence (422 impact-needs-evidence)', () => {
      spec.given(withoutImpactEvidence).when(f.assureImpact()).thenThrows(ImpactNeedsEvidence, code('impact-needs-evidence'));
    });

    it('assures impact once impact evidence is attached, method optional', () => {
      spec
        .given([...withoutImpactEvidence, f.impactEvidenceAttached()])
        .when(f.assureImpact(null))
        .then([f.impactAssured(null)]);
    });

    it('refuses "impact not demonstrated" without a reason (422 reason-required)', () => {
      spec
        .given(f.historyFor('completion-verified'))
        .when(f.recordImpactNotDemonstrated(''))
        .thenThrows(ReasonRequired, code('reason-required'));
    });

    it('refuses to revise the target date (409)', () => {
      spec.given(f.historyFor('completion-verified')).when(f.reviseTargetDate()).thenThrows(IllegalTransition);
    });
  });

  describe('when cancelling, superseding or reopening', () => {
    it('refuses to cancel without a reason (422 reason-required)', () => {
      spec.given(f.historyFor('agreed')).when(f.cancel('')).thenThrows(ReasonRequired, code('reason-required'));
    });

    it('refuses to supersede without a reason (422 reason-required)', () => {
      spec.given(f.historyFor('agreed')).when(f.supersede(f.SUCCESSOR_ACTION_ID, ' ')).thenThrows(ReasonRequired, code('reason-required'));
    });

    it.each([
      ['itself', f.ACTION_ID],
      ['nothing', ''],
    ])('refuses to supersede by %s (422 successor-required)', (_, successor) => {
      spec.given(f.historyFor('in-progress')).when(f.supersede(successor)).thenThrows(SuccessorRequired, code('successor-required'));
    });

    it('refuses to reopen without a reason (422 reason-required)', () => {
      spec.given(f.historyFor('closed')).when(f.reopen('  ')).thenThrows(ReasonRequired, code('reason-required'));
    });

    it('checks the status before the reason: cancelling a closed action is 409, not 422', () => {
      spec.given(f.historyFor('closed')).when(f.cancel('')).thenThrows(IllegalTransition);
    });

    it('stores the reason trimmed', () => {
      spec
        .given(f.historyFor('agreed'))
        .when(f.cancel('  Overtaken by national guidance '))
        .then([f.cancelled('Overtaken by national guidance')]);
    });
  });

  describe('when revising the target date', () => {
    it('refuses the current date (422 target-date-unchanged)', () => {
      spec
        .given(f.historyFor('in-progress'))
        .when(f.reviseTargetDate(f.TARGET_DATE))
        .thenThrows(TargetDateUnchanged, code('target-date-unchanged'));
    });

    it('refuses without a reason (422 reason-required)', () => {
      spec.given(f.historyFor('in-progress')).when(f.reviseTargetDate('2025-09-30', '')).thenThrows(ReasonRequired);
    });

    it('refuses an unreal date (400)', () => {
      spec.given(f.historyFor('in-progress')).when(f.reviseTargetDate('2025-09-31')).thenThrows(InvalidInput, field('newTargetDate'));
    });

    it('keeps the previous and the original date on a second revision', () => {
      spec
        .given([...f.historyFor('in-progress'), f.targetDateRevised()])
        .when(f.reviseTargetDate('2025-12-31', 'Policy sign-off moved'))
        .then([
          f.targetDateRevised({
            previousTargetDate: '2025-09-30',
            newTargetDate: '2025-12-31',
            originalTargetDate: f.TARGET_DATE,
            reason: 'Policy sign-off moved',
          }),
        ]);
    });

    it('may move back to the original date', () => {
      spec
        .given([...f.historyFor('in-progress'), f.targetDateRevised()])
        .when(f.reviseTargetDate(f.TARGET_DATE))
        .then([f.targetDateRevised({ previousTargetDate: '2025-09-30', newTargetDate: f.TARGET_DATE })]);
    });

    it('refuses the revised current date (422)', () => {
      spec
        .given([...f.historyFor('in-progress'), f.targetDateRevised()])
        .when(f.reviseTargetDate('2025-09-30'))
        .thenThrows(TargetDateUnchanged);
    });
  });

  describe('when attaching evidence or recording progress', () => {
    const history = f.historyFor('in-progress');

    it('refuses the same evidence id twice (422 evidence-already-attached)', () => {
      spec
        .given(history)
        .when(f.attachEvidence({ evidenceId: f.EVIDENCE_ID }))
        .thenThrows(EvidenceAlreadyAttached, code('evidence-already-attached'));
    });

    it.each([
      ['sha256', { sha256: 'not-a-hash' }],
      ['effectiveFrom', { effectiveFrom: '2025-02-30' }],
      ['title', { title: ' ' }],
      ['kind', { kind: 'rumour' as never }],
    ])('refuses an invalid %s (400)', (name, data) => {
      spec.given(history).when(f.attachEvidence(data)).thenThrows(InvalidInput, field(name));
    });

    it('stores the hash in lower case with the effective date and impact flag', () => {
      const sha256 = 'AB'.repeat(32);
      spec
        .given(history)
        .when(f.attachEvidence({ sha256, effectiveFrom: '2025-04-01', describesImpact: true, uri: 'https://docs.example.org/p' }))
        .then([
          f.evidenceAttached({
            evidenceId: f.NEW_EVIDENCE_ID,
            title: 'Revised escalation policy',
            kind: 'policy',
            sha256: 'ab'.repeat(32),
            effectiveFrom: '2025-04-01',
            describesImpact: true,
            uri: 'https://docs.example.org/p',
            retentionFrom: '2025-04-01',
          }),
        ]);
    });

    it('accepts baseline evidence while proposed', () => {
      spec
        .given(f.historyFor('proposed'))
        .when(f.attachEvidence())
        .thenMatches([{ type: 'EvidenceAttached' }]);
    });

    it('refuses a progress update while proposed (409: nothing agreed to report on)', () => {
      spec.given(f.historyFor('proposed')).when(f.recordProgress()).thenThrows(IllegalTransition);
    });

    it('refuses a blank narrative (400)', () => {
      spec
        .given(history)
        .when(f.recordProgress({ narrative: '' }))
        .thenThrows(InvalidInput, field('narrative'));
    });

    it('refuses an unknown RAG (400)', () => {
      spec
        .given(history)
        .when(f.recordProgress({ rag: 'purple' as never }))
        .thenThrows(InvalidInput, field('rag'));
    });
  });
});
