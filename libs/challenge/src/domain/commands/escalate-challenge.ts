import { InvalidInput } from '@ledger/event-sourcing';
import type { EscalateChallenge } from '../challenge.commands';
import { EscalationMustRise, ReasonRequired } from '../challenge.errors';
import type { ChallengeEscalated } from '../challenge.events';
import type { ChallengeState } from '../challenge.state';
import { ESCALATION_LEVELS, escalationRank, isEscalationLevel } from '../challenge-values';
import { challengeIn, requiredText } from './guards';

/** Escalates to a higher level than any reached so far, while a response is awaited or unsatisfactory. */
export function escalateChallenge(command: EscalateChallenge, state: ChallengeState): readonly ChallengeEscalated[] {
  const challenge = challengeIn(command, state, ['raised', 'acknowledged', 'response-rejected', 'escalated']);
  const { level } = command.data;
  if (!isEscalationLevel(level)) throw new InvalidInput('level', `must be one of ${ESCALATION_LEVELS.join(', ')}`);
  const fromLevel = challenge.escalationLevel;
  if (fromLevel !== null && escalationRank(level) <= escalationRank(fromLevel)) throw new EscalationMustRise(level, fromLevel);
  const reason = requiredText(command.data.reason, () => new ReasonRequired());
  return [{ type: 'ChallengeEscalated', data: { challengeId: challenge.challengeId, level, fromLevel, reason } }];
}
