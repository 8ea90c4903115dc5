import type { InspectorGrantQueries } from '@ledger/partnership';
import type { Principal } from '@ledger/identity';
import type { PartnershipExistence } from './partnership-existence';

export type Reachability = 'member' | 'not-a-member' | 'no-active-grant' | 'partnership-not-found';

/**
 * Tenancy: who reaches which partnership. A platform admin reaches every one; any other role one
 * that the token's `partnerships` claim lists. For an inspector the claim is necessary but not
 * enough: the partnership must also have a grant naming the inspector's `sub` that is active now.
 * (A caller with another role as well reaches its claimed partnerships through that role.)
 */
export class PartnershipAccess {
  constructor(
    private readonly existence: PartnershipExistence,
    private readonly grants: Pick<InspectorGrantQueries, 'isActive' | 'activePartnerships'>,
  ) {}

  async reach(principal: Principal, partnershipId: string, now: Date): Promise<Reachability> {
    if (!principal.roles.includes('platform-admin')) {
      if (!principal.partnerships.includes(partnershipId)) return 'not-a-member';
      if (onlyInspector(principal) && !(await this.grants.isActive(partnershipId, principal.userId, now))) return 'no-active-grant';
    }
    return (await this.existence.exists(partnershipId)) ? 'member' : 'partnership-not-found';
  }

  /** The principal as the routes see it: an inspector's partnerships are the claimed ones with an active grant. */
  async effective(principal: Principal, now: Date): Promise<Principal> {
    if (!onlyInspector(principal)) return principal;
    const granted = new Set(await this.grants.activePartnerships(principal.userId, now));
    return { ...principal, partnerships: principal.partnerships.filter((id) => granted.has(id)) };
  }
}

/** Inspector is the caller's only role that could reach a partnership. */
function onlyInspector(principal: Principal): boolean {
  return principal.roles.includes('inspector') && principal.roles.every((role) => role === 'inspector');
}
