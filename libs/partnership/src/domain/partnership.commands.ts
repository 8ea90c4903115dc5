import type { Command } from '@ledger/event-sourcing';

export type RegisterPartnership = Command<
  'RegisterPartnership',
  { readonly partnershipId: string; readonly name: string; readonly localAuthorities: readonly string[] }
>;

/** `kind` is a string so an unchecked value is refused by the decider, not trusted by type. */
export type AddAgency = Command<
  'AddAgency',
  { readonly partnershipId: string; readonly agencyId: string; readonly name: string; readonly kind: string }
>;

export type EstablishSubgroup = Command<
  'EstablishSubgroup',
  { readonly partnershipId: string; readonly subgroupId: string; readonly name: string }
>;

export type PublishThemes = Command<'PublishThemes', { readonly partnershipId: string; readonly themes: readonly string[] }>;

export type PartnershipCommand = RegisterPartnership | AddAgency | EstablishSubgroup | PublishThemes;
