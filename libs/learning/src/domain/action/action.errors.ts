import { DomainRuleViolation } from '@ledger/event-sourcing';

/** Claiming completion needs at least one piece of evidence (422). */
export class CompletionNeedsEvidence extends DomainRuleViolation {
  readonly code = 'completion-needs-evidence';
  constructor(readonly actionId: string) {
    super(`action ${actionId} has no evidence attached; attach evidence before claiming completion`);
  }
}

/** Completion is verified by a named forum (subgroup, executive, LSP sign-off) (422). */
export class ForumRequired extends DomainRuleViolation {
  readonly code = 'forum-required';
  constructor(readonly actionId: string) {
    super(`verifying completion of action ${actionId} needs the forum that verified it`);
  }
}

/** Assuring impact needs at least one piece of evidence that describes impact (422). */
export class ImpactNeedsEvidence extends DomainRuleViolation {
  readonly code = 'impact-needs-evidence';
  constructor(readonly actionId: string) {
    super(`action ${actionId} has no evidence of impact; attach impact evidence before assuring impact`);
  }
}

/** Cancelling, superseding, returning, reopening, revising a date… need a reason (422). */
export class ReasonRequired extends DomainRuleViolation {
  readonly code = 'reason-required';
  constructor(readonly command: string) {
    super(`${command} needs a reason`);
  }
}

/** Superseding names a successor action other than the action itself (422). */
export class SuccessorRequired extends DomainRuleViolation {
  readonly code = 'successor-required';
  constructor(readonly actionId: string) {
    super(`superseding action ${actionId} needs a successor action other than itself`);
  }
}

/** A target-date revision must change the date (422). */
export class TargetDateUnchanged extends DomainRuleViolation {
  readonly code = 'target-date-unchanged';
  constructor(readonly targetDate: string) {
    super(`the target date is already ${targetDate}`);
  }
}

/** The same evidence id cannot be attached twice (422). */
export class EvidenceAlreadyAttached extends DomainRuleViolation {
  readonly code = 'evidence-already-attached';
  constructor(readonly evidenceId: string) {
    super(`evidence ${evidenceId} is already attached to this action`);
  }
}
