import type { AgencyKind } from './agency-kind';

export interface PartnershipAgency {
  readonly agencyId: string;
  readonly name: string;
  readonly kind: AgencyKind;
}

export interface PartnershipSubgroup {
  readonly subgroupId: string;
  readonly name: string;
}

/** No PartnershipRegistered yet. */
export interface UnregisteredPartnership {
  readonly status: 'unregistered';
}

export interface RegisteredPartnership {
  readonly status: 'registered';
  readonly partnershipId: string;
  readonly name: string;
  readonly localAuthorities: readonly string[];
  readonly agencies: readonly PartnershipAgency[];
  readonly subgroups: readonly PartnershipSubgroup[];
  readonly themes: readonly string[];
  /** 0 until the first ThemeListPublished. */
  readonly taxonomyVersion: number;
}

export type PartnershipState = UnregisteredPartnership | RegisteredPartnership;
