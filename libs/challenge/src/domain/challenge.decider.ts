import type { Decider } from '@ledger/event-sourcing';
import type { ChallengeCommand } from './challenge.commands';
import type { ChallengeEvent } from './challenge.events';
import { evolveChallenge } from './challenge.evolve';
import type { ChallengeState } from './challenge.state';
import { acceptResponse, acknowledgeChallenge, rejectResponse, respondToChallenge } from './commands/answer-challenge';
import { closeChallenge, resolveChallenge, withdrawChallenge } from './commands/conclude-challenge';
import { escalateChallenge } from './commands/escalate-challenge';
import { linkAction } from './commands/link-action';
import { raiseChallenge } from './commands/raise-challenge';

export function challengeStreamId(challengeId: string): string {
  return `challenge-${challengeId}`;
}

function initialState(): ChallengeState {
  return { status: 'none' };
}

function decide(command: ChallengeCommand, state: ChallengeState): readonly ChallengeEvent[] {
  switch (command.type) {
    case 'RaiseChallenge':
      return raiseChallenge(command, state);
    case 'AcknowledgeChallenge':
      return acknowledgeChallenge(command, state);
    case 'RespondToChallenge':
      return respondToChallenge(command, state);
    case 'AcceptResponse':
      return acceptResponse(command, state);
    case 'RejectResponse':
      return rejectResponse(command, state);
    case 'EscalateChallenge':
      return escalateChallenge(command, state);
    case 'ResolveChallenge':
      return resolveChallenge(command, state);
    case 'WithdrawChallenge':
      return withdrawChallenge(command, state);
    case 'CloseChallenge':
      return closeChallenge(command, state);
    case 'LinkAction':
      return linkAction(command, state);
    default: {
      const unhandled: never = command;
      throw new Error(`unknown challenge command ${(unhandled as ChallengeCommand).type}`);
    }
  }
}

/**
 * The Challenge aggregate (stream `challenge-<id>`), the board's challenge log entry:
 * Raised → Acknowledged → Responded → ResponseAccepted → Resolved → Closed, with rejected
 * responses, rising escalation levels, withdrawal from any open status and linked actions.
 */
export const challengeDecider: Decider<ChallengeCommand, ChallengeEvent, ChallengeState> = {
  initialState,
  evolve: evolveChallenge,
  decide,
};
