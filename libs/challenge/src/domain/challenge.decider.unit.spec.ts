import { IllegalTransition, NotFound } from '@ledger/event-sourcing';
import { deciderSpecification, stateAfter } from '@ledger/testing';
import type { ChallengeCommand } from './challenge.commands';
import { challengeDecider } from './challenge.decider';
import type { ChallengeEvent } from './challenge.events';
import { CHALLENGE_STATUSES, type ChallengeStatus } from './challenge-values';
import {
  ACTION_ID,
  CHALLENGE_ID,
  HISTORIES,
  acceptResponse,
  acknowledge,
  close,
  escalate,
  linkAction,
  raise,
  raised,
  rejectResponse,
  resolve,
  respond,
  withdraw,
} from './challenge.fixtures';

const spec = deciderSpecification(challengeDecider);
const id = { challengeId: CHALLENGE_ID };

interface Transition {
  readonly command: () => ChallengeCommand;
  readonly allowedFrom: readonly ChallengeStatus[];
  readonly emits: (from: ChallengeStatus) => readonly ChallengeEvent[];
}

const OPEN: readonly ChallengeStatus[] = ['raised', 'acknowledged', 'responded', 'response-accepted', 'response-rejected', 'escalated'];

/** Every command but RaiseChallenge, the statuses it is allowed from, and what it records there. */
const TRANSITIONS: Readonly<Record<Exclude<ChallengeCommand['type'], 'RaiseChallenge'>, Transition>> = {
  AcknowledgeChallenge: { command: acknowledge, allowedFrom: ['raised'], emits: () => [{ type: 'ChallengeAcknowledged', data: id }] },
  RespondToChallenge: {
    command: () => respond('  Duty rota revised. '),
    allowedFrom: ['acknowledged', 'response-rejected', 'escalated'],
    emits: () => [{ type: 'ChallengeResponded', data: { ...id, response: 'Duty rota revised.' } }],
  },
  AcceptResponse: { command: acceptResponse, allowedFrom: ['responded'], emits: () => [{ type: 'ChallengeResponseAccepted', data: id }] },
  RejectResponse: {
    command: () => rejectResponse('No data offered.'),
    allowedFrom: ['responded'],
    emits: () => [{ type: 'ChallengeResponseRejected', data: { ...id, reason: 'No data offered.' } }],
  },
  EscalateChallenge: {
    command: () => escalate('independent-scrutineer', 'Still no response.'),
    allowedFrom: ['raised', 'acknowledged', 'response-rejected', 'escalated'],
    emits: (from) => [
      {
        type: 'ChallengeEscalated',
        data: {
          ...id,
          level: 'independent-scrutineer',
          fromLevel: from === 'escalated' ? 'delegated-partner' : null,
          reason: 'Still no response.',
        },
      },
    ],
  },
  ResolveChallenge: {
    command: () => resolve('Attendance restored.'),
    allowedFrom: ['response-accepted'],
    emits: () => [{ type: 'ChallengeResolved', data: { ...id, outcome: 'Attendance restored.' } }],
  },
  WithdrawChallenge: {
    command: () => withdraw('Superseded by a joint audit.'),
    allowedFrom: OPEN,
    emits: () => [{ type: 'ChallengeWithdrawn', data: { ...id, reason: 'Superseded by a joint audit.' } }],
  },
  CloseChallenge: { command: close, allowedFrom: ['resolved', 'withdrawn'], emits: () => [{ type: 'ChallengeClosed', data: id }] },
  LinkAction: {
    command: () => linkAction(ACTION_ID),
    allowedFrom: CHALLENGE_STATUSES.filter((status) => status !== 'closed'),
    emits: () => [{ type: 'ChallengeLinkedToAction', data: { ...id, actionId: ACTION_ID } }],
  },
};

describe('Challenge', () => {
  describe('when not raised', () => {
    it('raises the challenge with trimmed text', () => {
      spec
        .given([])
        .when(raise({ subject: ' Attendance at strategy discussions ', detail: ' Below standard. ' }))
        .then([raised({ detail: 'Below standard.' })]);
    });

    it.each(Object.entries(TRANSITIONS))('refuses %s as not found', (_type, transition) => {
      spec
        .given([])
        .when(transition.command())
        .thenThrows(NotFound, (error) => expect(error).toMatchObject({ what: 'challenge', id: CHALLENGE_ID }));
    });
  });

  describe.each(CHALLENGE_STATUSES)('when %s', (status) => {
    it('refuses to raise it again', () => {
      spec.given(HISTORIES[status]).when(raise()).thenThrows(IllegalTransition);
    });

    for (const [type, transition] of Object.entries(TRANSITIONS)) {
      if (transition.allowedFrom.includes(status)) {
        it(`records ${type}`, () => {
          spec.given(HISTORIES[status]).when(transition.command()).then(transition.emits(status));
        });
      } else {
        it(`refuses ${type} as an illegal transition`, () => {
          spec
            .given(HISTORIES[status])
            .when(transition.command())
            .thenThrows(IllegalTransition, (error) =>
              expect(error).toMatchObject({ code: 'illegal-transition', from: status, command: type }),
            );
        });
      }
    }
  });

  it('walks the happy path through a rejected response and an escalation', () => {
    const path: [ChallengeStatus, ChallengeCommand][] = [
      ['raised', acknowledge()],
      ['acknowledged', respond()],
      ['responded', rejectResponse()],
      ['response-rejected', escalate('lead-partner')],
      ['escalated', respond()],
      ['responded', acceptResponse()],
      ['response-accepted', resolve()],
      ['resolved', close()],
    ];
    let history: readonly ChallengeEvent[] = HISTORIES.raised;
    for (const [status, command] of path) {
      expect(stateAfter(challengeDecider, history).status).toBe(status);
      history = [...history, ...challengeDecider.decide(command, stateAfter(challengeDecider, history))];
    }
    expect(stateAfter(challengeDecider, history)).toMatchObject({ status: 'closed', escalationLevel: 'lead-partner' });
  });
});
