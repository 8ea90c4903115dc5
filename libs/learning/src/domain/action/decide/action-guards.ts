import { IllegalTransition, InvalidInput, NotFound } from '@ledger/event-sourcing';
import type { ActionCommand } from '../action.commands';
import { ReasonRequired } from '../action.errors';
import type { ActionState, ActionStatus, ExistingAction } from '../action.state';
import { isCalendarDate } from '../calendar-date';

/** Non-creating commands on an action that does not exist: 404. */
export function existing(state: ActionState, command: ActionCommand): ExistingAction {
  if (state.status === 'initial') throw new NotFound('action', command.data.actionId);
  return state;
}

/** The action must exist and be in one of `allowed`; otherwise 404 or 409. */
export function inStatus<S extends ActionStatus>(
  state: ActionState,
  command: ActionCommand,
  allowed: readonly S[],
): ExistingAction & { readonly status: S } {
  const action = existing(state, command);
  if (!(allowed as readonly ActionStatus[]).includes(action.status)) {
    throw new IllegalTransition('action', action.status, command.type);
  }
  return action as ExistingAction & { readonly status: S };
}

/** A non-blank reason, trimmed; otherwise 422 `reason-required`. */
export function requiredReason(reason: string | undefined, command: ActionCommand): string {
  const trimmed = reason?.trim() ?? '';
  if (trimmed === '') throw new ReasonRequired(command.type);
  return trimmed;
}

/** A non-blank text field, trimmed; otherwise 400 naming the field. */
export function requiredText(field: string, value: string | undefined): string {
  const trimmed = value?.trim() ?? '';
  if (trimmed === '') throw new InvalidInput(field, 'must not be blank');
  return trimmed;
}

/** A real calendar date `YYYY-MM-DD`; otherwise 400 naming the field. */
export function calendarDate(field: string, value: string): string {
  if (!isCalendarDate(value)) throw new InvalidInput(field, 'must be a real calendar date, YYYY-MM-DD');
  return value;
}

export function isBlank(value: string | undefined): boolean {
  return (value?.trim() ?? '') === '';
}

/** An optional text field, trimmed; blank or absent becomes `null` (stored explicitly). */
export function optionalText(value: string | undefined): string | null {
  const trimmed = value?.trim() ?? '';
  return trimmed === '' ? null : trimmed;
}
