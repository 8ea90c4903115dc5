/**
 * Errors below apps/ are small named classes with a stable `code` and a `kind` that one exception
 * filter in apps/api maps to HTTP: not-found → 404, transition → 409, stale → 409,
 * precondition → 412, rule → 422, invalid → 400, forbidden → 403.
 */
export type ErrorKind = 'not-found' | 'transition' | 'stale' | 'precondition' | 'rule' | 'invalid' | 'forbidden';

export interface FieldError {
  readonly field: string;
  readonly message: string;
}

export abstract class LedgerError extends Error {
  abstract readonly code: string;
  abstract readonly kind: ErrorKind;
  readonly errors: readonly FieldError[] = [];

  constructor(message: string) {
    super(message);
    this.name = new.target.name;
  }
}

/** A command the current state does not allow (409). */
export class IllegalTransition extends LedgerError {
  readonly code = 'illegal-transition';
  readonly kind = 'transition';
  constructor(
    readonly aggregate: string,
    readonly from: string,
    readonly command: string,
  ) {
    super(`${command} is not allowed when the ${aggregate} is ${from}`);
  }
}

/** A domain rule refused the command (422). Subclasses give the stable code. */
export abstract class DomainRuleViolation extends LedgerError {
  readonly kind = 'rule';
}

export class NotFound extends LedgerError {
  readonly code = 'not-found';
  readonly kind = 'not-found';
  constructor(
    readonly what: string,
    readonly id: string,
  ) {
    super(`${what} ${id} was not found`);
  }
}

/** Another writer appended first (409 stale-version). */
export class WrongExpectedVersion extends LedgerError {
  readonly code = 'stale-version';
  readonly kind = 'stale';
  constructor(
    readonly streamId: string,
    readonly expected: string,
    readonly actual: bigint | null,
  ) {
    super(`stream ${streamId} is at version ${actual ?? 'none'}, expected ${expected}`);
  }
}

/** If-Match named a version that is not the current one (412). */
export class PreconditionFailed extends LedgerError {
  readonly code = 'version-mismatch';
  readonly kind = 'precondition';
  constructor(
    readonly expected: bigint,
    readonly actual: bigint,
  ) {
    super(`If-Match expected version ${expected} but the item is at version ${actual}`);
  }
}

/** Input that passed the DTO shape but is invalid in context (400), naming the field. */
export class InvalidInput extends LedgerError {
  readonly code = 'invalid-input';
  readonly kind = 'invalid';
  override readonly errors: readonly FieldError[];
  constructor(field: string, message: string) {
    super(`${field}: ${message}`);
    this.errors = [{ field, message }];
  }
}

/** A body field names something that does not exist in this partnership (422). */
export class UnknownReference extends LedgerError {
  readonly code = 'unknown-reference';
  readonly kind = 'rule';
  override readonly errors: readonly FieldError[];
  constructor(field: string, id: string) {
    super(`${field} names ${id}, which does not exist in this partnership`);
    this.errors = [{ field, message: `unknown id ${id}` }];
  }
}
