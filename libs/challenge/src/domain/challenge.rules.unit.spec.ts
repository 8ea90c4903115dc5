import { InvalidInput } from '@ledger/event-sourcing';
import { deciderSpecification, stateAfter } from '@ledger/testing';
import { challengeDecider } from './challenge.decider';
import {
  ActionAlreadyLinked,
  DetailRequired,
  EscalationMustRise,
  OutcomeRequired,
  ReasonRequired,
  ResponseDueBeforeRaised,
  ResponseRequired,
  SubjectRequired,
} from './challenge.errors';
import {
  ACTION_ID,
  CHALLENGE_ID,
  HISTORIES,
  escalate,
  escalated,
  linkAction,
  linked,
  raise,
  raised,
  rejectResponse,
  rejected,
  resolve,
  respond,
  responded,
  withdraw,
} from './challenge.fixtures';

const spec = deciderSpecification(challengeDecider);
const codeIs = (code: string) => (error: Error) => expect(error).toHaveProperty('code', code);
const field = (name: string) => (error: Error) =>
  expect((error as InvalidInput).errors).toEqual([{ field: name, message: expect.any(String) }]);

describe('Challenge rules', () => {
  describe('when not raised', () => {
    it('refuses a blank subject', () => {
      spec
        .given([])
        .when(raise({ subject: '  ' }))
        .thenThrows(SubjectRequired, codeIs('subject-required'));
    });

    it('refuses a blank detail', () => {
      spec
        .given([])
        .when(raise({ detail: '' }))
        .thenThrows(DetailRequired, codeIs('detail-required'));
    });

    it.each(['2025-02-29', '2025-13-01', '07/04/2025', '2025-4-7'])('refuses the response due date %s', (responseDueDate) => {
      spec.given([]).when(raise({ responseDueDate })).thenThrows(InvalidInput, field('responseDueDate'));
    });

    it('accepts 29 February in a leap year', () => {
      spec
        .given([])
        .when(raise({ responseDueDate: '2028-02-29' }))
        .thenMatches([{ type: 'ChallengeRaised' }]);
    });

    it('refuses a response due before the day the challenge was raised', () => {
      spec
        .given([])
        .when(raise({ responseDueDate: '2025-03-09' }))
        .thenThrows(ResponseDueBeforeRaised, codeIs('response-due-before-raised'));
    });

    it('accepts a response due on the day it was raised', () => {
      spec
        .given([])
        .when(raise({ responseDueDate: '2025-03-10' }))
        .thenMatches([{ type: 'ChallengeRaised' }]);
    });

    it('judges the due date against the business time of a back-dated challenge', () => {
      spec
        .given([])
        .when(raise({ responseDueDate: '2025-01-31' }, { occurredAt: new Date('2025-01-06T10:00:00Z') }))
        .thenMatches([{ type: 'ChallengeRaised', data: expect.objectContaining({ responseDueDate: '2025-01-31' }) }]);
    });
  });

  describe('when acknowledged', () => {
    it('refuses a blank response', () => {
      spec.given(HISTORIES.acknowledged).when(respond(' ')).thenThrows(ResponseRequired, codeIs('response-required'));
    });

    it('refuses to escalate to a level outside the ladder', () => {
      spec.given(HISTORIES.acknowledged).when(escalate('chief-constable')).thenThrows(InvalidInput, field('level'));
    });

    it('refuses to escalate without a reason', () => {
      spec.given(HISTORIES.acknowledged).when(escalate('delegated-partner', ' ')).thenThrows(ReasonRequired, codeIs('reason-required'));
    });

    it('refuses to withdraw without a reason', () => {
      spec.given(HISTORIES.acknowledged).when(withdraw('')).thenThrows(ReasonRequired);
    });
  });

  describe('when responded', () => {
    it('refuses to reject the response without a reason', () => {
      spec.given(HISTORIES.responded).when(rejectResponse('  ')).thenThrows(ReasonRequired, codeIs('reason-required'));
    });
  });

  describe('when response-accepted', () => {
    it('refuses to resolve without an outcome', () => {
      spec.given(HISTORIES['response-accepted']).when(resolve('')).thenThrows(OutcomeRequired, codeIs('outcome-required'));
    });
  });

  describe('when escalated to the lead partner', () => {
    const history = [raised(), escalated(), escalated({ level: 'lead-partner', fromLevel: 'delegated-partner' })];

    it('refuses to escalate to the same level', () => {
      spec.given(history).when(escalate('lead-partner')).thenThrows(EscalationMustRise, codeIs('escalation-must-rise'));
    });

    it('refuses to escalate to a lower level', () => {
      spec.given(history).when(escalate('delegated-partner')).thenThrows(EscalationMustRise);
    });

    it('escalates to the independent scrutineer, naming the level it rose from', () => {
      spec
        .given(history)
        .when(escalate('independent-scrutineer', 'Lead partner could not resolve.'))
        .then([
          {
            type: 'ChallengeEscalated',
            data: {
              challengeId: CHALLENGE_ID,
              level: 'independent-scrutineer',
              fromLevel: 'lead-partner',
              reason: 'Lead partner could not resolve.',
            },
          },
        ]);
    });

    it('still compares with that level after a response was rejected', () => {
      spec
        .given([...history, responded(), rejected()])
        .when(escalate('lead-partner'))
        .thenThrows(EscalationMustRise);
    });

    it('keeps the level once the agency responds', () => {
      expect(stateAfter(challengeDecider, [...history, responded()])).toMatchObject({
        status: 'responded',
        escalationLevel: 'lead-partner',
      });
    });
  });

  describe('when an action is linked', () => {
    it('refuses to link the same action again', () => {
      spec
        .given([...HISTORIES.raised, linked()])
        .when(linkAction(ACTION_ID))
        .thenThrows(ActionAlreadyLinked, codeIs('action-already-linked'));
    });

    it('links another action', () => {
      const other = '5e4d3c2b-1a09-4f8e-9d7c-6b5a4f3e2d02';
      spec
        .given([...HISTORIES.raised, linked()])
        .when(linkAction(other))
        .then([{ type: 'ChallengeLinkedToAction', data: { challengeId: CHALLENGE_ID, actionId: other } }]);
    });

    it('keeps the linked actions through later transitions', () => {
      expect(stateAfter(challengeDecider, [...HISTORIES.raised, linked(), ...HISTORIES.withdrawn.slice(1)])).toMatchObject({
        status: 'withdrawn',
        linkedActionIds: [ACTION_ID],
      });
    });
  });
});
