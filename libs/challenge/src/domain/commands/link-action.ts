import type { LinkAction } from '../challenge.commands';
import { ActionAlreadyLinked } from '../challenge.errors';
import type { ChallengeLinkedToAction } from '../challenge.events';
import type { ChallengeState } from '../challenge.state';
import { CHALLENGE_STATUSES } from '../challenge-values';
import { challengeIn } from './guards';

const LINKABLE = CHALLENGE_STATUSES.filter((status) => status !== 'closed');

/** Links an action-plan action to the challenge, in any status but closed; each action once. */
export function linkAction(command: LinkAction, state: ChallengeState): readonly ChallengeLinkedToAction[] {
  const challenge = challengeIn(command, state, LINKABLE);
  const { actionId } = command.data;
  if (challenge.linkedActionIds.includes(actionId)) throw new ActionAlreadyLinked(actionId);
  return [{ type: 'ChallengeLinkedToAction', data: { challengeId: challenge.challengeId, actionId } }];
}
