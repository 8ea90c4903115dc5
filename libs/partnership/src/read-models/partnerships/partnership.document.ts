import type { AgencyKind } from '../../domain/agency-kind';

/** One row of rm_partnerships: the partnership as the API shows it. Instants are ISO strings. */
export interface PartnershipDocument {
  readonly id: string;
  readonly name: string;
  readonly localAuthorities: readonly string[];
  readonly agencies: readonly { readonly id: string; readonly name: string; readonly kind: AgencyKind; readonly addedAt: string }[];
  readonly subgroups: readonly { readonly id: string; readonly name: string; readonly establishedAt: string }[];
  readonly themes: readonly string[];
  /** 0 until a theme list is published. */
  readonly taxonomyVersion: number;
  readonly version: number;
  /** Business time of registration. */
  readonly registeredAt: string;
}
