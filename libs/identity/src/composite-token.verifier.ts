import { decodeProtectedHeader } from 'jose';
import type { Principal } from './principal';
import { InvalidToken } from './token.service';
import type { TokenVerifier } from './token-verifier';

/**
 * The API's one verifier: routes a token by its header's `alg` — HS256 to the local TokenService
 * (LEDGER_JWT_SECRET), RS256 to the OIDC provider when one is configured — and refuses every other
 * algorithm, `none` included. Each verifier then pins its own algorithm again, so a token can never
 * be checked with the other kind's key (the RS256/HS256 confusion attack).
 */
export class CompositeTokenVerifier implements TokenVerifier {
  constructor(
    private readonly local: TokenVerifier,
    private readonly oidc?: TokenVerifier,
  ) {}

  get acceptsOidc(): boolean {
    return this.oidc !== undefined;
  }

  async verify(token: string): Promise<Principal> {
    let algorithm: unknown;
    try {
      algorithm = decodeProtectedHeader(token).alg;
    } catch {
      throw new InvalidToken('the token is not a signed JWT');
    }
    switch (algorithm) {
      case 'HS256':
        return this.local.verify(token);
      case 'RS256':
        if (!this.oidc) throw new InvalidToken('RS256 tokens are accepted only when an OIDC issuer is configured');
        return this.oidc.verify(token);
      default:
        throw new InvalidToken('the token’s signing algorithm is not accepted');
    }
  }
}
