/** A person as their stream says: not yet registered, registered, or forgotten. */
export type PersonState =
  | { readonly status: 'unregistered' }
  | { readonly status: 'registered'; readonly partnershipId: string; readonly personId: string }
  | { readonly status: 'forgotten'; readonly partnershipId: string; readonly personId: string };
