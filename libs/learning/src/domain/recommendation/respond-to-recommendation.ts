import { NotFound } from '@ledger/event-sourcing';
import type { RespondToRecommendation } from './recommendation.commands';
import { DecisionUnknown, ResponseReasonRequired, ResponseUnchanged } from './recommendation.errors';
import type { RecommendationResponded } from './recommendation.events';
import type { RecommendationState } from './recommendation.state';
import { DECISIONS_NEEDING_REASON, isDecision } from './recommendation.values';

/**
 * The partnership's response. A later response is a revision (e.g. a partial acceptance widened
 * after a board decision): it is recorded with the decision it replaces, so history shows both.
 */
export function respondToRecommendation(command: RespondToRecommendation, state: RecommendationState): RecommendationResponded[] {
  if (state.status === 'initial') throw new NotFound('recommendation', command.data.recommendationId);
  const { decision } = command.data;
  if (!isDecision(decision)) throw new DecisionUnknown(decision);
  const reason = command.data.reason?.trim() || null;
  if (reason === null && DECISIONS_NEEDING_REASON.includes(decision)) throw new ResponseReasonRequired(decision);
  const previousDecision = state.status === 'responded' ? state.decision : null;
  if (state.status === 'responded' && state.decision === decision && state.reason === reason) throw new ResponseUnchanged(decision);
  return [{ type: 'RecommendationResponded', data: { recommendationId: state.recommendationId, decision, reason, previousDecision } }];
}
