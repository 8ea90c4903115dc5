import { DomainRuleViolation, LedgerError, type FieldError } from '@ledger/event-sourcing';

/** The person was forgotten already (409). */
export class PersonAlreadyForgotten extends LedgerError {
  readonly code = 'person-already-forgotten';
  readonly kind = 'transition';
  constructor() {
    super('the person was forgotten already');
  }
}

export class PersonAlreadyRegistered extends LedgerError {
  readonly code = 'person-already-registered';
  readonly kind = 'transition';
  constructor() {
    super('the person is registered already');
  }
}

export class ReasonRequired extends DomainRuleViolation {
  readonly code = 'reason-required';
  override readonly errors: readonly FieldError[] = [{ field: 'reason', message: 'a reason is required' }];
  constructor() {
    super('reason: a reason is required');
  }
}
