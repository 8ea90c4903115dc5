/**
 * What the learning context needs from others, as ports. apps/api binds them to the owning
 * context's read models, so contexts never import each other.
 */
export const AGENCY_DIRECTORY = Symbol('AGENCY_DIRECTORY');

export interface AgencySummary {
  readonly name: string;
  readonly kind: string;
}

export interface AgencyDirectory {
  /** The partnership's agencies by id, as the ledger knows them now. */
  agencies(partnershipId: string): Promise<ReadonlyMap<string, AgencySummary>>;
}
