import { DomainRuleViolation, LedgerError } from '@ledger/event-sourcing';

/** The evidence was already disposed of (409): disposal happens once. */
export class EvidenceAlreadyDisposed extends LedgerError {
  readonly code = 'evidence-already-disposed';
  readonly kind = 'transition';
  constructor(readonly evidenceId: string) {
    super(`evidence ${evidenceId} was already disposed of`);
  }
}

/** The evidence's retention period has not run out, or its class is permanent (422). */
export class RetentionNotExpired extends DomainRuleViolation {
  readonly code = 'retention-not-expired';
  constructor(
    readonly evidenceId: string,
    readonly dueOn: string | null,
  ) {
    super(
      dueOn === null
        ? `evidence ${evidenceId} is kept permanently (or its retention start is unknown); it is never disposed of`
        : `evidence ${evidenceId} is retained until ${dueOn}`,
    );
  }
}
