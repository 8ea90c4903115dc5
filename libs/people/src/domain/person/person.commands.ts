import type { Command } from '@ledger/event-sourcing';

export type RegisterPerson = Command<
  'RegisterPerson',
  { readonly partnershipId: string; readonly personId: string; readonly agencyId: string | null; readonly ciphertext: string }
>;
export type ForgetPerson = Command<'ForgetPerson', { readonly personId: string; readonly reason: string }>;

export type PersonCommand = RegisterPerson | ForgetPerson;
