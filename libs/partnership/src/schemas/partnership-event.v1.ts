/**
 * Stored JSON of the partnership's events, version 1, frozen: these types describe rows already in
 * the store and never change. A new shape gets a new version and an upcaster.
 */
export type AgencyKindV1 = 'local-authority' | 'police' | 'health' | 'education' | 'probation' | 'voluntary' | 'other';

export interface PartnershipRegisteredV1 {
  readonly partnershipId: string;
  readonly name: string;
  readonly localAuthorities: readonly string[];
}

export interface AgencyAddedV1 {
  readonly partnershipId: string;
  readonly agencyId: string;
  readonly name: string;
  readonly kind: AgencyKindV1;
}

export interface SubgroupEstablishedV1 {
  readonly partnershipId: string;
  readonly subgroupId: string;
  readonly name: string;
}

export interface ThemeListPublishedV1 {
  readonly partnershipId: string;
  readonly taxonomyVersion: number;
  readonly themes: readonly string[];
}
