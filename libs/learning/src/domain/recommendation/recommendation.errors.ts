import { DomainRuleViolation, type FieldError } from '@ledger/event-sourcing';

abstract class RecommendationFieldRule extends DomainRuleViolation {
  override readonly errors: readonly FieldError[];
  constructor(field: string, message: string) {
    super(`${field}: ${message}`);
    this.errors = [{ field, message }];
  }
}

export class RecommendationTextRequired extends RecommendationFieldRule {
  readonly code = 'text-required';
  constructor() {
    super('text', 'a recommendation needs its text');
  }
}

export class RecommendationNumberRequired extends RecommendationFieldRule {
  readonly code = 'number-required';
  constructor() {
    super('number', 'a recommendation needs a number');
  }
}

export class AddresseeRequired extends RecommendationFieldRule {
  readonly code = 'addressee-required';
  constructor() {
    super('addresseeAgencyIds', 'a recommendation is addressed to at least one agency');
  }
}

export class DuplicateReference extends RecommendationFieldRule {
  readonly code = 'duplicate-reference';
  constructor(field: string, id: string) {
    super(field, `${id} is listed more than once`);
  }
}

export class ScopeUnknown extends RecommendationFieldRule {
  readonly code = 'scope-unknown';
  constructor(scope: string) {
    super('scope', `${scope} is not a scope (local, regional, national)`);
  }
}

export class DecisionUnknown extends RecommendationFieldRule {
  readonly code = 'decision-unknown';
  constructor(decision: string) {
    super('decision', `${decision} is not a decision (accepted, partially-accepted, not-accepted)`);
  }
}

export class ResponseReasonRequired extends RecommendationFieldRule {
  readonly code = 'reason-required';
  constructor(decision: string) {
    super('reason', `a ${decision} response must give the reason`);
  }
}

/** A revision that changes nothing (same decision, same reason) is refused rather than recorded twice. */
export class ResponseUnchanged extends RecommendationFieldRule {
  readonly code = 'response-unchanged';
  constructor(decision: string) {
    super('decision', `the recommendation is already ${decision} for the same reason`);
  }
}
