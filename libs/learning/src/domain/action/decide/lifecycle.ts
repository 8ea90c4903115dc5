import type { AgreeAction, CloseAction, PauseAction, ResumeAction, StartAction } from '../action.commands';
import type { ActionAgreed, ActionClosed, ActionPaused, ActionResumed, ActionStarted } from '../action.events';
import type { ActionState } from '../action.state';
import { inStatus } from './action-guards';

/** Proposed → Agreed (the agreeing forum, if any, goes in metadata). */
export function agreeAction(command: AgreeAction, state: ActionState): readonly ActionAgreed[] {
  const { actionId } = inStatus(state, command, ['proposed']);
  return [{ type: 'ActionAgreed', data: { actionId } }];
}

/** Agreed → InProgress. */
export function startAction(command: StartAction, state: ActionState): readonly ActionStarted[] {
  const { actionId } = inStatus(state, command, ['agreed']);
  return [{ type: 'ActionStarted', data: { actionId } }];
}

/** InProgress → Paused (on hold). */
export function pauseAction(command: PauseAction, state: ActionState): readonly ActionPaused[] {
  const { actionId } = inStatus(state, command, ['in-progress']);
  return [{ type: 'ActionPaused', data: { actionId } }];
}

/** Paused → InProgress. */
export function resumeAction(command: ResumeAction, state: ActionState): readonly ActionResumed[] {
  const { actionId } = inStatus(state, command, ['paused']);
  return [{ type: 'ActionResumed', data: { actionId } }];
}

/** ImpactAssured → Closed: an action closes only once its impact has been assured. */
export function closeAction(command: CloseAction, state: ActionState): readonly ActionClosed[] {
  const { actionId } = inStatus(state, command, ['impact-assured']);
  return [{ type: 'ActionClosed', data: { actionId } }];
}
