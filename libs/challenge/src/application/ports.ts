/** What the challenge context needs from others; apps/api binds these to their read models. */
export const CHALLENGE_AGENCY_DIRECTORY = Symbol('CHALLENGE_AGENCY_DIRECTORY');
export const CHALLENGE_ACTION_DIRECTORY = Symbol('CHALLENGE_ACTION_DIRECTORY');

export interface ChallengeAgencyDirectory {
  /** Agency ids of the partnership (id → name). */
  agencies(partnershipId: string): Promise<ReadonlyMap<string, { readonly name: string; readonly kind: string }>>;
}

export interface ChallengeActionDirectory {
  /** Whether the action exists in the partnership. */
  exists(partnershipId: string, actionId: string): Promise<boolean>;
}
