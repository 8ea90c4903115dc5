import { DomainRuleViolation, IllegalTransition, type FieldError } from '@ledger/event-sourcing';

/** A rule about one field of the command; `errors` names the field for the problem response. */
abstract class SourceFieldRule extends DomainRuleViolation {
  override readonly errors: readonly FieldError[];
  constructor(field: string, message: string) {
    super(`${field}: ${message}`);
    this.errors = [{ field, message }];
  }
}

export class SourceKindUnknown extends SourceFieldRule {
  readonly code = 'source-kind-unknown';
  constructor(kind: string) {
    super('kind', `${kind} is not a kind of learning source`);
  }
}

export class SourceTitleRequired extends SourceFieldRule {
  readonly code = 'title-required';
  constructor() {
    super('title', 'a source needs a title (published pseudonym or internal reference)');
  }
}

export class FindingSummaryRequired extends SourceFieldRule {
  readonly code = 'summary-required';
  constructor() {
    super('summary', 'a finding needs a summary');
  }
}

export class ThemeInvalid extends SourceFieldRule {
  readonly code = 'theme-invalid';
  constructor(theme: string) {
    super('themes', `"${theme}" is not a theme: use lower-case words joined by hyphens, e.g. information-sharing`);
  }
}

export class ThemeDuplicated extends SourceFieldRule {
  readonly code = 'theme-duplicated';
  constructor(theme: string) {
    super('themes', `${theme} is listed more than once`);
  }
}

export class EnablerUnknown extends SourceFieldRule {
  readonly code = 'enabler-unknown';
  constructor(enabler: string) {
    super('enablers', `${enabler} is not an enabler`);
  }
}

export class EnablerDuplicated extends SourceFieldRule {
  readonly code = 'enabler-duplicated';
  constructor(enabler: string) {
    super('enablers', `${enabler} is listed more than once`);
  }
}

/** The same finding id twice (409): a retried request without an Idempotency-Key. */
export class FindingAlreadyRecorded extends IllegalTransition {
  constructor(findingId: string) {
    super('source', `already holding finding ${findingId}`, 'RecordFinding');
  }
}

/** Each milestone is reached once (409); a correction is a new event type, not a repeat. */
export class MilestoneAlreadyReached extends IllegalTransition {
  constructor(milestone: string) {
    super('source', `already past ${milestone}`, 'RecordSourceMilestone');
  }
}

export class MilestoneNotValidForKind extends SourceFieldRule {
  readonly code = 'milestone-not-valid-for-kind';
  constructor(milestone: string, kind: string, allowed: readonly string[]) {
    super('milestone', `${milestone} is not a milestone of a ${kind} source (allowed: ${allowed.join(', ')})`);
  }
}
