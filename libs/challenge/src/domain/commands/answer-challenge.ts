import type { AcceptResponse, AcknowledgeChallenge, RejectResponse, RespondToChallenge } from '../challenge.commands';
import { ReasonRequired, ResponseRequired } from '../challenge.errors';
import type { ChallengeAcknowledged, ChallengeResponded, ChallengeResponseAccepted, ChallengeResponseRejected } from '../challenge.events';
import type { ChallengeState } from '../challenge.state';
import { challengeIn, requiredText } from './guards';

/** The challenged agency has seen the challenge. */
export function acknowledgeChallenge(command: AcknowledgeChallenge, state: ChallengeState): readonly ChallengeAcknowledged[] {
  const { challengeId } = challengeIn(command, state, ['raised']);
  return [{ type: 'ChallengeAcknowledged', data: { challengeId } }];
}

/** The agency answers: after acknowledging, after a rejected response, or once escalated. */
export function respondToChallenge(command: RespondToChallenge, state: ChallengeState): readonly ChallengeResponded[] {
  const { challengeId } = challengeIn(command, state, ['acknowledged', 'response-rejected', 'escalated']);
  const response = requiredText(command.data.response, () => new ResponseRequired());
  return [{ type: 'ChallengeResponded', data: { challengeId, response } }];
}

export function acceptResponse(command: AcceptResponse, state: ChallengeState): readonly ChallengeResponseAccepted[] {
  const { challengeId } = challengeIn(command, state, ['responded']);
  return [{ type: 'ChallengeResponseAccepted', data: { challengeId } }];
}

/** The response is not accepted; the challenge awaits a further response. */
export function rejectResponse(command: RejectResponse, state: ChallengeState): readonly ChallengeResponseRejected[] {
  const { challengeId } = challengeIn(command, state, ['responded']);
  const reason = requiredText(command.data.reason, () => new ReasonRequired());
  return [{ type: 'ChallengeResponseRejected', data: { challengeId, reason } }];
}
