import { Logger } from '@nestjs/common';
import type { OperationName, Principal } from '@ledger/identity';

/** The stable prefix of every refusal line: `grep 'access-refused '` finds them all. */
export const REFUSAL_LOG_PREFIX = 'access-refused';

/** Why the guard refused, more precisely than the response says (a stranger learns only "404"). */
export type RefusalReason =
  | 'no-token'
  | 'invalid-token'
  | 'not-a-member'
  | 'no-active-grant'
  | 'partnership-not-found'
  | 'target-not-found'
  | 'role-not-allowed'
  | 'agency-claim-required'
  | 'outside-agency-scope'
  | 'operation-not-declared';

/** One refusal: who (as far as known) tried what, and why it was refused. */
export interface Refusal {
  readonly status: 401 | 403 | 404;
  readonly reason: RefusalReason;
  readonly sub: string | null;
  readonly roles: readonly string[];
  readonly agency: string | null;
  readonly method: string;
  readonly path: string;
  readonly operation: OperationName | null;
}

export function refusalOf(
  status: Refusal['status'],
  reason: RefusalReason,
  principal: Principal | undefined,
  what: Pick<Refusal, 'method' | 'path' | 'operation'>,
): Refusal {
  return {
    status,
    reason,
    sub: principal?.userId ?? null,
    roles: principal?.roles ?? [],
    agency: principal?.agencyId ?? null,
    ...what,
  };
}

/**
 * Writes each refusal as one structured line through the Nest logger (context `AccessRefused`,
 * level warn): `access-refused {"status":403,"reason":"role-not-allowed","sub":…}`. The line
 * holds ids and codes only, never a token or a request body.
 */
export class RefusalLog {
  private readonly logger = new Logger('AccessRefused');

  record(refusal: Refusal): void {
    this.logger.warn(`${REFUSAL_LOG_PREFIX} ${JSON.stringify(refusal)}`);
  }
}
