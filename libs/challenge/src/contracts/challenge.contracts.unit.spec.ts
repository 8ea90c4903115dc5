import { challengeDecider } from '../domain/challenge.decider';
import { evolveChallenge } from '../domain/challenge.evolve';
import * as challenge from '../domain/challenge.fixtures';
import { CHALLENGE_CONTRACTS, challengeContracts } from './challenge.contracts';

const recorded = (event: { type: string; data: object }, agencyId?: string) => ({
  ...event,
  schemaVersion: 1,
  metadata: { actor: agencyId === undefined ? {} : { agencyId } },
});

const histories = [
  ...Object.values(challenge.HISTORIES),
  [...challenge.HISTORIES.escalated, challenge.escalated({ level: 'lead-partner', fromLevel: 'delegated-partner' }), challenge.linked()],
];

describe('challenge contracts', () => {
  it('cover every challenge event type in these histories', () => {
    expect([...new Set(histories.flat().map((event) => event.type))].sort()).toEqual(Object.keys(CHALLENGE_CONTRACTS).sort());
  });

  it('say the status the challenge moved to, exactly as the challenge evolves', () => {
    for (const history of histories) {
      let state = challengeDecider.initialState();
      for (const event of history) {
        state = evolveChallenge(state, event);
        const { data } = challengeContracts.map(recorded(event));
        if ('status' in data) expect({ type: event.type, status: data.status }).toEqual({ type: event.type, status: state.status });
      }
    }
  });

  it('publishes who was challenged and by which agency, not what was said', () => {
    expect(challengeContracts.map(recorded(challenge.raised(), 'agency-of-the-chair'))).toEqual({
      type: 'ChallengeRaised',
      version: 1,
      data: {
        challengeId: challenge.CHALLENGE_ID,
        partnershipId: challenge.PARTNERSHIP_ID,
        toAgencyId: challenge.POLICE_ID,
        raisedByAgencyId: 'agency-of-the-chair',
        responseDueDate: '2025-04-07',
        status: 'raised',
      },
    });
    expect(challengeContracts.map(recorded(challenge.raised())).data).toMatchObject({ raisedByAgencyId: null });
    expect(challengeContracts.map(recorded(challenge.resolved())).data).toEqual({
      challengeId: challenge.CHALLENGE_ID,
      status: 'resolved',
    });
  });

  it('refuses a type that is not a challenge event', () => {
    expect(() => challengeContracts.map({ type: 'ActionAgreed', schemaVersion: 1, data: {}, metadata: { actor: {} } })).toThrow(
      /ActionAgreed/,
    );
  });
});
