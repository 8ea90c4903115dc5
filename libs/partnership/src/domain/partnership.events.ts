import type { DomainEvent } from '@ledger/event-sourcing';
import type { AgencyKind } from './agency-kind';

/** The partnership (the tenant) came into being, covering one or more local authorities. */
export type PartnershipRegistered = DomainEvent<
  'PartnershipRegistered',
  { readonly partnershipId: string; readonly name: string; readonly localAuthorities: readonly string[] }
>;

/** An agency (safeguarding partner or relevant agency) joined the partnership. */
export type AgencyAdded = DomainEvent<
  'AgencyAdded',
  { readonly partnershipId: string; readonly agencyId: string; readonly name: string; readonly kind: AgencyKind }
>;

/** A subgroup (e.g. Learning & Improvement, Case Review) was set up. */
export type SubgroupEstablished = DomainEvent<
  'SubgroupEstablished',
  { readonly partnershipId: string; readonly subgroupId: string; readonly name: string }
>;

/**
 * A new version of the partnership's theme taxonomy replaced the previous one. `taxonomyVersion`
 * counts publications (1, 2, ...) so findings can say which list their themes came from.
 */
export type ThemeListPublished = DomainEvent<
  'ThemeListPublished',
  { readonly partnershipId: string; readonly taxonomyVersion: number; readonly themes: readonly string[] }
>;

export type PartnershipEvent = PartnershipRegistered | AgencyAdded | SubgroupEstablished | ThemeListPublished;

export type PartnershipEventType = PartnershipEvent['type'];

export const PARTNERSHIP_EVENT_TYPES: readonly PartnershipEventType[] = [
  'PartnershipRegistered',
  'AgencyAdded',
  'SubgroupEstablished',
  'ThemeListPublished',
];
