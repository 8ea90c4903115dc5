import type { Principal } from './principal';

/**
 * What the API's guard needs from any kind of bearer token: a Principal, or an error. Refusals are
 * `InvalidToken` (401); `IdentityProviderUnavailable` means the token could not be checked at all.
 */
export interface TokenVerifier {
  verify(token: string): Promise<Principal>;
}

/** The OIDC provider's discovery document or key set could not be fetched: not the caller's fault. */
export class IdentityProviderUnavailable extends Error {
  constructor(detail: string) {
    super(`the identity provider could not be reached: ${detail}`);
    this.name = 'IdentityProviderUnavailable';
  }
}
