/** Port the guard uses to 404 a partnership id that does not exist. */
export const PARTNERSHIP_EXISTENCE = Symbol('PARTNERSHIP_EXISTENCE');

export interface PartnershipExistence {
  exists(partnershipId: string): Promise<boolean>;
}
