import type { JWTPayload } from 'jose';
import { isRole, type Role } from './roles';
import type { Principal } from './principal';
import { InvalidToken } from './token.service';

/**
 * Maps the claims of a verified OIDC access token to a Principal (docs/security.md, "OIDC").
 *
 * - `sub` → userId (required; stable per issuer);
 * - `name`, else `preferred_username`, else `sub` → name;
 * - `roles` (array of strings) → roles: the platform's roles are kept, anything else the identity
 *   provider adds (e.g. `offline_access`) is ignored; at least one platform role is required;
 * - `partnerships` (array of partnership ids) → partnerships; absent means none;
 * - `agency` (string) → agencyId.
 */
export function principalFromOidcClaims(payload: JWTPayload): Principal {
  const sub = payload.sub;
  if (typeof sub !== 'string' || sub.length === 0) throw new InvalidToken('the token has no subject');
  const roles = platformRoles(payload['roles']);
  const partnerships = stringArray(payload['partnerships'], 'partnerships');
  const name = firstString(payload['name'], payload['preferred_username']) ?? sub;
  const agency = payload['agency'];
  if (agency !== undefined && typeof agency !== 'string') throw new InvalidToken('the token’s agency claim is not a string');
  return { userId: sub, name, roles, partnerships, ...(agency ? { agencyId: agency } : {}) };
}

function platformRoles(claim: unknown): Role[] {
  if (!Array.isArray(claim) || !claim.every((role) => typeof role === 'string')) {
    throw new InvalidToken('the token has no valid roles claim');
  }
  const roles = claim.filter(isRole);
  if (roles.length === 0) throw new InvalidToken('the token carries none of the platform’s roles');
  return [...new Set(roles)];
}

function stringArray(claim: unknown, name: string): string[] {
  if (claim === undefined) return [];
  if (!Array.isArray(claim) || !claim.every((item) => typeof item === 'string')) {
    throw new InvalidToken(`the token’s ${name} claim is not a list of ids`);
  }
  return claim;
}

function firstString(...values: unknown[]): string | undefined {
  return values.find((value): value is string => typeof value === 'string' && value.length > 0);
}
