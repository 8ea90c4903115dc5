import { DomainRuleViolation, LedgerError, type FieldError } from '@ledger/event-sourcing';

/** That field of that event is redacted already (409). */
export class FieldAlreadyRedacted extends LedgerError {
  readonly code = 'field-already-redacted';
  readonly kind = 'transition';
  constructor(field: string) {
    super(`${field} of that event is redacted already`);
  }
}

/** Only a field holding text can be redacted (ids, dates and flags are not free text). */
export class FieldNotRedactable extends DomainRuleViolation {
  readonly code = 'field-not-redactable';
  override readonly errors: readonly FieldError[];
  constructor(field: string) {
    super(`field: ${field} is not a text field of that event`);
    this.errors = [{ field: 'field', message: `${field} is not a text field of that event` }];
  }
}

/** The named stream or item does not hold the named event. */
export class EventNotInItem extends DomainRuleViolation {
  readonly code = 'event-not-in-item';
  override readonly errors: readonly FieldError[] = [{ field: 'eventId', message: 'the event does not belong to that item' }];
  constructor() {
    super('eventId: the event does not belong to that item');
  }
}
