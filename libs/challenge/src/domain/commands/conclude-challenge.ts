import type { CloseChallenge, ResolveChallenge, WithdrawChallenge } from '../challenge.commands';
import { OutcomeRequired, ReasonRequired } from '../challenge.errors';
import type { ChallengeClosed, ChallengeResolved, ChallengeWithdrawn } from '../challenge.events';
import type { ChallengeState } from '../challenge.state';
import { OPEN_CHALLENGE_STATUSES } from '../challenge-values';
import { challengeIn, requiredText } from './guards';

/** Records the outcome once the agency's response has been accepted. */
export function resolveChallenge(command: ResolveChallenge, state: ChallengeState): readonly ChallengeResolved[] {
  const { challengeId } = challengeIn(command, state, ['response-accepted']);
  const outcome = requiredText(command.data.outcome, () => new OutcomeRequired());
  return [{ type: 'ChallengeResolved', data: { challengeId, outcome } }];
}

/** The raiser withdraws the challenge, from any open status, with a reason. */
export function withdrawChallenge(command: WithdrawChallenge, state: ChallengeState): readonly ChallengeWithdrawn[] {
  const { challengeId } = challengeIn(command, state, OPEN_CHALLENGE_STATUSES);
  const reason = requiredText(command.data.reason, () => new ReasonRequired());
  return [{ type: 'ChallengeWithdrawn', data: { challengeId, reason } }];
}

/** Closes the log entry once resolved or withdrawn (e.g. signed off at a subgroup). */
export function closeChallenge(command: CloseChallenge, state: ChallengeState): readonly ChallengeClosed[] {
  const { challengeId } = challengeIn(command, state, ['resolved', 'withdrawn']);
  return [{ type: 'ChallengeClosed', data: { challengeId } }];
}
