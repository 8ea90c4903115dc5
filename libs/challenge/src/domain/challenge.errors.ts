import { DomainRuleViolation, type FieldError } from '@ledger/event-sourcing';

/** A rule about one body field; `errors` names the field for the problem+json response. */
abstract class FieldRuleViolation extends DomainRuleViolation {
  override readonly errors: readonly FieldError[];
  constructor(field: string, message: string) {
    super(`${field}: ${message}`);
    this.errors = [{ field, message }];
  }
}

export class SubjectRequired extends FieldRuleViolation {
  readonly code = 'subject-required';
  constructor() {
    super('subject', 'a subject is required');
  }
}

export class DetailRequired extends FieldRuleViolation {
  readonly code = 'detail-required';
  constructor() {
    super('detail', 'the detail of the challenge is required');
  }
}

export class ResponseRequired extends FieldRuleViolation {
  readonly code = 'response-required';
  constructor() {
    super('response', 'a response is required');
  }
}

export class ReasonRequired extends FieldRuleViolation {
  readonly code = 'reason-required';
  constructor() {
    super('reason', 'a reason is required');
  }
}

export class OutcomeRequired extends FieldRuleViolation {
  readonly code = 'outcome-required';
  constructor() {
    super('outcome', 'an outcome is required');
  }
}

export class ResponseDueBeforeRaised extends FieldRuleViolation {
  readonly code = 'response-due-before-raised';
  constructor(
    readonly responseDueDate: string,
    readonly raisedOn: string,
  ) {
    super('responseDueDate', `${responseDueDate} is before the day the challenge was raised (${raisedOn})`);
  }
}

export class EscalationMustRise extends FieldRuleViolation {
  readonly code = 'escalation-must-rise';
  constructor(
    readonly level: string,
    readonly currentLevel: string,
  ) {
    super('level', `the challenge is already escalated to ${currentLevel}; ${level} is not higher`);
  }
}

export class ActionAlreadyLinked extends FieldRuleViolation {
  readonly code = 'action-already-linked';
  constructor(readonly actionId: string) {
    super('actionId', `action ${actionId} is already linked to this challenge`);
  }
}
