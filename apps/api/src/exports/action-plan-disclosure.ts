import type { ActionPlanRow } from '@ledger/learning';
import type { PersonReference } from '@ledger/people';

/** A row after DisclosureService.disclose: an owner who is a person gains `ownerPerson` beside the id. */
export type DisclosedActionPlanRow = ActionPlanRow & { readonly ownerPerson?: PersonReference };

/**
 * Disclosed rows as a file shows them (ADR 0013): the owner column reads the person's name, or
 * `[erased]` once they are forgotten, never their id; redacted text already reads `[redacted]`.
 * The XLSX and CSV exports and the inspection pack's action-plan.csv all pass their rows here.
 */
export function ownersByName(rows: readonly DisclosedActionPlanRow[]): ActionPlanRow[] {
  return rows.map(({ ownerPerson, ...row }) => (ownerPerson ? { ...row, owner: ownerPerson.name } : row));
}
