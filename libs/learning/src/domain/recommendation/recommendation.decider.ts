import type { Decider } from '@ledger/event-sourcing';
import { makeRecommendation } from './make-recommendation';
import type { RecommendationCommand } from './recommendation.commands';
import type { RecommendationEvent } from './recommendation.events';
import { initialRecommendationState, type RecommendationState } from './recommendation.state';
import { respondToRecommendation } from './respond-to-recommendation';

function decide(command: RecommendationCommand, state: RecommendationState): readonly RecommendationEvent[] {
  switch (command.type) {
    case 'MakeRecommendation':
      return makeRecommendation(command, state);
    case 'RespondToRecommendation':
      return respondToRecommendation(command, state);
    default: {
      const unknown: never = command;
      throw new Error(`unknown recommendation command ${(unknown as RecommendationCommand).type}`);
    }
  }
}

function evolve(state: RecommendationState, event: RecommendationEvent): RecommendationState {
  switch (event.type) {
    case 'RecommendationMade': {
      const { recommendationId, partnershipId, sourceId } = event.data;
      return { status: 'made', recommendationId, partnershipId, sourceId };
    }
    case 'RecommendationResponded':
      if (state.status === 'initial') return state;
      return { ...state, status: 'responded', decision: event.data.decision, reason: event.data.reason };
    default: {
      const unknown: never = event;
      return unknown;
    }
  }
}

/**
 * Recommendation (stream `recommendation-<id>`). Only what a person decides is stored here; whether
 * it is in delivery or closed is derived from its linked actions at query time.
 */
export const recommendationDecider: Decider<RecommendationCommand, RecommendationEvent, RecommendationState> = {
  initialState: initialRecommendationState,
  evolve,
  decide,
};
