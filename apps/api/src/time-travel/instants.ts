import { InvalidInput } from '@ledger/event-sourcing';
import { parseInstant } from '../http/instant';

/** The two times of a time-travel query (DESIGN §5); at least one is set. */
export interface Instants {
  /** Record time: only events the ledger had recorded by then. */
  readonly asOf?: Date;
  /** Business time: only events that had occurred by then. */
  readonly validAt?: Date;
}

/** The instants a query asks for, or null for a live query. Refuses a bad one, naming it. */
export function instantsOf(query: { readonly asOf?: string | undefined; readonly validAt?: string | undefined }): Instants | null {
  const asOf = instantParam('asOf', query.asOf);
  const validAt = instantParam('validAt', query.validAt);
  if (!asOf && !validAt) return null;
  return { ...(asOf ? { asOf } : {}), ...(validAt ? { validAt } : {}) };
}

/** An optional instant query parameter; 400 naming it when present and not an ISO-8601 instant with a zone. */
export function instantParam(name: string, value: string | undefined): Date | undefined {
  if (value === undefined) return undefined;
  const instant = parseInstant(value);
  if (instant === null) throw new InvalidInput(name, 'must be an ISO-8601 instant with a zone');
  return instant;
}

/** When derived values (overdue, stale, age) are judged: business time if given, else record time. */
export function judgedAt(at: Instants): Date {
  const instant = at.validAt ?? at.asOf;
  if (!instant) throw new Error('a time-travel query needs asOf or validAt');
  return instant;
}

/** How a response names the instants it answers for. */
export function describeInstants(at: Instants): { asOf: string | null; validAt: string | null } {
  return { asOf: at.asOf?.toISOString() ?? null, validAt: at.validAt?.toISOString() ?? null };
}
