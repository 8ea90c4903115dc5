import { IllegalTransition, NotFound } from '@ledger/event-sourcing';
import type { ChallengeCommand } from '../challenge.commands';
import type { ChallengeState, ExistingChallenge } from '../challenge.state';
import type { ChallengeStatus } from '../challenge-values';

/** The challenge, if the command may run in its status: NotFound before it exists, else IllegalTransition. */
export function challengeIn(command: ChallengeCommand, state: ChallengeState, allowed: readonly ChallengeStatus[]): ExistingChallenge {
  if (state.status === 'none') throw new NotFound('challenge', command.data.challengeId);
  if (!allowed.includes(state.status)) throw new IllegalTransition('challenge', state.status, command.type);
  return state;
}

/** The trimmed text, or the rule's error when it is blank. */
export function requiredText(value: string, missing: () => Error): string {
  const trimmed = value.trim();
  if (trimmed === '') throw missing();
  return trimmed;
}
