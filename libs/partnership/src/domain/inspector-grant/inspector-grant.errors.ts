import { DomainRuleViolation, type FieldError } from '@ledger/event-sourcing';

/** The longest window one grant may open: an inspection's fieldwork and reporting, not standing access. */
export const MAX_GRANT_DAYS = 92;

abstract class GrantRuleViolation extends DomainRuleViolation {
  override readonly errors: readonly FieldError[];
  constructor(field: string, message: string) {
    super(`${field}: ${message}`);
    this.errors = [{ field, message }];
  }
}

export class InspectorRequired extends GrantRuleViolation {
  readonly code = 'inspector-required';
  constructor() {
    super('inspectorId', 'the inspector’s user id (the token sub) is required');
  }
}

export class GrantReasonRequired extends GrantRuleViolation {
  readonly code = 'reason-required';
  constructor() {
    super('reason', 'a reason is required');
  }
}

export class GrantWindowEmpty extends GrantRuleViolation {
  readonly code = 'grant-window-empty';
  constructor() {
    super('until', 'must be after from');
  }
}

export class GrantWindowOver extends GrantRuleViolation {
  readonly code = 'grant-window-over';
  constructor() {
    super('until', 'is already past: a grant must end in the future');
  }
}

export class GrantWindowTooLong extends GrantRuleViolation {
  readonly code = 'grant-window-too-long';
  constructor() {
    super('until', `a grant may last at most ${MAX_GRANT_DAYS} days`);
  }
}
