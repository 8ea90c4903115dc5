import type { ChallengeEvent } from './challenge.events';
import type { ChallengeState, ExistingChallenge } from './challenge.state';

/** Folds one event into the state. Events that do not fit the state are ignored, never thrown. */
export function evolveChallenge(state: ChallengeState, event: ChallengeEvent): ChallengeState {
  if (event.type === 'ChallengeRaised') {
    const { challengeId, partnershipId, toAgencyId, responseDueDate } = event.data;
    return { status: 'raised', challengeId, partnershipId, toAgencyId, responseDueDate, escalationLevel: null, linkedActionIds: [] };
  }
  if (state.status === 'none') return state;
  return evolveExisting(state, event);
}

function evolveExisting(state: ExistingChallenge, event: Exclude<ChallengeEvent, { type: 'ChallengeRaised' }>): ChallengeState {
  switch (event.type) {
    case 'ChallengeAcknowledged':
      return { ...state, status: 'acknowledged' };
    case 'ChallengeResponded':
      return { ...state, status: 'responded' };
    case 'ChallengeResponseAccepted':
      return { ...state, status: 'response-accepted' };
    case 'ChallengeResponseRejected':
      return { ...state, status: 'response-rejected' };
    case 'ChallengeEscalated':
      return { ...state, status: 'escalated', escalationLevel: event.data.level };
    case 'ChallengeResolved':
      return { ...state, status: 'resolved' };
    case 'ChallengeWithdrawn':
      return { ...state, status: 'withdrawn' };
    case 'ChallengeClosed':
      return { ...state, status: 'closed' };
    case 'ChallengeLinkedToAction':
      return { ...state, linkedActionIds: [...state.linkedActionIds, event.data.actionId] };
    default: {
      const unhandled: never = event;
      void unhandled; // an event type from the future: keep the state as it is
      return state;
    }
  }
}
