import { IllegalTransition, NotFound, type LedgerError } from '@ledger/event-sourcing';
import { deciderSpecification, stateAfter } from '@ledger/testing';
import { recommendationDecider } from './recommendation.decider';
import {
  AddresseeRequired,
  DecisionUnknown,
  DuplicateReference,
  ResponseReasonRequired,
  RecommendationNumberRequired,
  RecommendationTextRequired,
  ResponseUnchanged,
  ScopeUnknown,
} from './recommendation.errors';
import { SCOPES, type Decision, type Scope } from './recommendation.values';
import {
  FINDING_ID,
  HEALTH_ID,
  makeRecommendation,
  recommendationMade,
  recommendationResponded,
  respond,
} from './test/recommendation.fixtures';

const spec = deciderSpecification(recommendationDecider);
const codeIs = (code: string) => (error: Error) => expect((error as LedgerError).code).toBe(code);

describe('Recommendation decider', () => {
  describe('when nothing is made yet', () => {
    it('makes a recommendation', () => {
      spec.given([]).when(makeRecommendation()).then([recommendationMade()]);
    });

    it.each(SCOPES)('makes a %s recommendation', (scope) => {
      spec
        .given([])
        .when(makeRecommendation({ scope }))
        .then([recommendationMade({ scope })]);
    });

    it('makes one from a source with no finding named, and trims text and number', () => {
      spec
        .given([])
        .when(makeRecommendation({ findingIds: [], text: ' Review the protocol. ', number: ' 2a ' }))
        .then([recommendationMade({ findingIds: [], text: 'Review the protocol.', number: '2a' })]);
    });

    it('refuses blank text', () => {
      spec
        .given([])
        .when(makeRecommendation({ text: '  ' }))
        .thenThrows(RecommendationTextRequired, codeIs('text-required'));
    });

    it('refuses a blank number', () => {
      spec
        .given([])
        .when(makeRecommendation({ number: ' ' }))
        .thenThrows(RecommendationNumberRequired, codeIs('number-required'));
    });

    it('refuses a recommendation addressed to no agency', () => {
      spec
        .given([])
        .when(makeRecommendation({ addresseeAgencyIds: [] }))
        .thenThrows(AddresseeRequired, codeIs('addressee-required'));
    });

    it('refuses an agency listed twice', () => {
      spec
        .given([])
        .when(makeRecommendation({ addresseeAgencyIds: [HEALTH_ID, HEALTH_ID] }))
        .thenThrows(DuplicateReference, (error) => {
          expect((error as LedgerError).code).toBe('duplicate-reference');
          expect((error as LedgerError).errors[0]?.field).toBe('addresseeAgencyIds');
        });
    });

    it('refuses a finding listed twice', () => {
      spec
        .given([])
        .when(makeRecommendation({ findingIds: [FINDING_ID, FINDING_ID] }))
        .thenThrows(DuplicateReference, (error) => expect((error as LedgerError).errors[0]?.field).toBe('findingIds'));
    });

    it('refuses an unknown scope', () => {
      spec
        .given([])
        .when(makeRecommendation({ scope: 'global' as Scope }))
        .thenThrows(ScopeUnknown, codeIs('scope-unknown'));
    });

    it('answers not found to a response', () => {
      spec.given([]).when(respond()).thenThrows(NotFound);
    });
  });

  describe('when made', () => {
    it('refuses to make it again', () => {
      spec.given([recommendationMade()]).when(makeRecommendation()).thenThrows(IllegalTransition);
    });

    it('records acceptance without a reason', () => {
      spec
        .given([recommendationMade()])
        .when(respond({ decision: 'accepted' }))
        .then([recommendationResponded()]);
    });

    it('records acceptance with a reason when one is given', () => {
      spec
        .given([recommendationMade()])
        .when(respond({ decision: 'accepted', reason: ' Agreed at executive ' }))
        .then([recommendationResponded({ reason: 'Agreed at executive' })]);
    });

    it.each(['partially-accepted', 'not-accepted'] as const)('records %s with its reason', (decision) => {
      spec
        .given([recommendationMade()])
        .when(respond({ decision, reason: 'Covered by the regional protocol.' }))
        .then([recommendationResponded({ decision, reason: 'Covered by the regional protocol.' })]);
    });

    it.each([
      ['partially-accepted', undefined],
      ['not-accepted', undefined],
      ['not-accepted', '   '],
    ] as const)('refuses %s with reason %p', (decision, reason) => {
      spec
        .given([recommendationMade()])
        .when(respond({ decision, ...(reason === undefined ? {} : { reason }) }))
        .thenThrows(ResponseReasonRequired, codeIs('reason-required'));
    });

    it('refuses an unknown decision', () => {
      spec
        .given([recommendationMade()])
        .when(respond({ decision: 'maybe' as Decision }))
        .thenThrows(DecisionUnknown, codeIs('decision-unknown'));
    });
  });

  describe('when responded', () => {
    const partial = [
      recommendationMade(),
      recommendationResponded({ decision: 'partially-accepted', reason: 'Police element is national.' }),
    ];

    it('records a revision with the decision it replaces', () => {
      spec
        .given(partial)
        .when(respond({ decision: 'accepted' }))
        .then([recommendationResponded({ decision: 'accepted', previousDecision: 'partially-accepted' })]);
    });

    it('records a revised reason for the same decision', () => {
      spec
        .given(partial)
        .when(respond({ decision: 'partially-accepted', reason: 'Police element now regional.' }))
        .then([
          recommendationResponded({
            decision: 'partially-accepted',
            reason: 'Police element now regional.',
            previousDecision: 'partially-accepted',
          }),
        ]);
    });

    it('refuses a revision that changes nothing', () => {
      spec
        .given(partial)
        .when(respond({ decision: 'partially-accepted', reason: 'Police element is national.' }))
        .thenThrows(ResponseUnchanged, codeIs('response-unchanged'));
    });

    it('still needs a reason to revise to not-accepted', () => {
      spec
        .given(partial)
        .when(respond({ decision: 'not-accepted' }))
        .thenThrows(ResponseReasonRequired);
    });

    it('refuses to make it again', () => {
      spec.given(partial).when(makeRecommendation()).thenThrows(IllegalTransition);
    });
  });

  describe('evolve', () => {
    it('keeps the latest decision and reason', () => {
      expect(
        stateAfter(recommendationDecider, [
          recommendationMade(),
          recommendationResponded({ decision: 'not-accepted', reason: 'No capacity.' }),
          recommendationResponded({ decision: 'accepted', previousDecision: 'not-accepted' }),
        ]),
      ).toEqual({
        status: 'responded',
        recommendationId: recommendationMade().data.recommendationId,
        partnershipId: recommendationMade().data.partnershipId,
        sourceId: recommendationMade().data.sourceId,
        decision: 'accepted',
        reason: null,
      });
    });
  });
});
