import type { Decider } from '@ledger/event-sourcing';
import type { ActionCommand } from './action.commands';
import type { ActionEvent } from './action.events';
import { evolveAction, initialActionState } from './action.evolve';
import type { ActionState } from './action.state';
import { claimCompletion, verifyCompletion, returnCompletion, assureImpact, recordImpactNotDemonstrated } from './decide/completion';
import { cancelAction, reopenAction, supersedeAction } from './decide/ending';
import { agreeAction, closeAction, pauseAction, resumeAction, startAction } from './decide/lifecycle';
import { disposeEvidence } from './decide/dispose-evidence';
import { attachEvidence, recordProgressUpdate, reviseTargetDate } from './decide/progress';
import { proposeAction } from './decide/propose-action';

/**
 * Decides an action command against the folded state. Refusals: 404 NotFound on a missing action,
 * 409 IllegalTransition when the status does not allow the command, 422 DomainRuleViolation
 * subclasses for domain rules, 400 InvalidInput for values that cannot be right (e.g. 2025-02-30).
 * Where progress updates, evidence and target-date revisions are allowed: see decide/progress.ts.
 */
export function decideAction(command: ActionCommand, state: ActionState): readonly ActionEvent[] {
  switch (command.type) {
    case 'ProposeAction':
      return proposeAction(command, state);
    case 'AgreeAction':
      return agreeAction(command, state);
    case 'StartAction':
      return startAction(command, state);
    case 'PauseAction':
      return pauseAction(command, state);
    case 'ResumeAction':
      return resumeAction(command, state);
    case 'ClaimCompletion':
      return claimCompletion(command, state);
    case 'VerifyCompletion':
      return verifyCompletion(command, state);
    case 'ReturnCompletion':
      return returnCompletion(command, state);
    case 'AssureImpact':
      return assureImpact(command, state);
    case 'RecordImpactNotDemonstrated':
      return recordImpactNotDemonstrated(command, state);
    case 'CloseAction':
      return closeAction(command, state);
    case 'CancelAction':
      return cancelAction(command, state);
    case 'SupersedeAction':
      return supersedeAction(command, state);
    case 'ReopenAction':
      return reopenAction(command, state);
    case 'RecordProgressUpdate':
      return recordProgressUpdate(command, state);
    case 'ReviseTargetDate':
      return reviseTargetDate(command, state);
    case 'AttachEvidence':
      return attachEvidence(command, state);
    case 'DisposeEvidence':
      return disposeEvidence(command, state);
    default: {
      const unknown: never = command;
      throw new Error(`unknown action command ${(unknown as { type: string }).type}`);
    }
  }
}

export const actionDecider: Decider<ActionCommand, ActionEvent, ActionState> = {
  initialState: initialActionState,
  evolve: evolveAction,
  decide: decideAction,
};
