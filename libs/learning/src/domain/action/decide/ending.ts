import type { CancelAction, ReopenAction, SupersedeAction } from '../action.commands';
import { SuccessorRequired } from '../action.errors';
import type { ActionCancelled, ActionReopened, ActionSuperseded } from '../action.events';
import { OPEN_STATUSES, type ActionState } from '../action.state';
import { inStatus, isBlank, requiredReason } from './action-guards';

/** Any open state → Cancelled, with a reason. */
export function cancelAction(command: CancelAction, state: ActionState): readonly ActionCancelled[] {
  const { actionId } = inStatus(state, command, OPEN_STATUSES);
  return [{ type: 'ActionCancelled', data: { actionId, reason: requiredReason(command.data.reason, command) } }];
}

/** Any open state → Superseded, naming a successor action other than itself, with a reason. */
export function supersedeAction(command: SupersedeAction, state: ActionState): readonly ActionSuperseded[] {
  const { actionId } = inStatus(state, command, OPEN_STATUSES);
  const { successorActionId } = command.data;
  if (isBlank(successorActionId) || successorActionId === actionId) throw new SuccessorRequired(actionId);
  const reason = requiredReason(command.data.reason, command);
  return [{ type: 'ActionSuperseded', data: { actionId, successorActionId, reason } }];
}

/** Closed → InProgress, with a reason (e.g. a repeat audit shows the change did not last). */
export function reopenAction(command: ReopenAction, state: ActionState): readonly ActionReopened[] {
  const { actionId } = inStatus(state, command, ['closed']);
  return [{ type: 'ActionReopened', data: { actionId, reason: requiredReason(command.data.reason, command) } }];
}
