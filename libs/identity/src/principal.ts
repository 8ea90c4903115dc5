import type { Role } from './roles';

/** The authenticated caller, from the bearer token's claims (DESIGN §5). */
export interface Principal {
  readonly userId: string;
  readonly name: string;
  readonly roles: readonly Role[];
  readonly partnerships: readonly string[];
  readonly agencyId?: string;
}

export function canActIn(principal: Principal, partnershipId: string): boolean {
  return principal.roles.includes('platform-admin') || principal.partnerships.includes(partnershipId);
}
