import { SignJWT, jwtVerify, errors as joseErrors, type JWTPayload } from 'jose';
import { isRole, type Role } from './roles';
import type { Principal } from './principal';
import type { TokenVerifier } from './token-verifier';
import { VerifiedTokenCache } from './verified-token-cache';

export class InvalidToken extends Error {}

export interface MintRequest {
  readonly sub: string;
  readonly name: string;
  readonly roles: readonly Role[];
  readonly partnerships: readonly string[];
  readonly agency?: string;
  /** Lifetime in seconds. */
  readonly expiresInSeconds?: number;
}

/**
 * Local HS256 tokens signed with LEDGER_JWT_SECRET (DESIGN §5). The key is fixed for the life of
 * the service, so a verified token is remembered until its `exp` (VerifiedTokenCache): a client
 * sending the same token on every request pays the HMAC and claim checks once.
 */
export class TokenService implements TokenVerifier {
  private readonly key: Uint8Array;
  private readonly verified = new VerifiedTokenCache();

  constructor(secret: string) {
    this.key = new TextEncoder().encode(secret);
  }

  async mint(request: MintRequest, now = new Date()): Promise<string> {
    const issuedAt = Math.floor(now.getTime() / 1000);
    return new SignJWT({
      name: request.name,
      roles: [...request.roles],
      partnerships: [...request.partnerships],
      ...(request.agency ? { agency: request.agency } : {}),
    })
      .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
      .setSubject(request.sub)
      .setIssuedAt(issuedAt)
      .setExpirationTime(issuedAt + (request.expiresInSeconds ?? 8 * 3600))
      .sign(this.key);
  }

  async verify(token: string): Promise<Principal> {
    const known = this.verified.get(token);
    if (known) return known;
    let payload: JWTPayload;
    try {
      ({ payload } = await jwtVerify(token, this.key, { algorithms: ['HS256'], requiredClaims: ['sub', 'exp'] }));
    } catch (error) {
      if (error instanceof joseErrors.JWTExpired) throw new InvalidToken('the token has expired');
      throw new InvalidToken('the token is not valid');
    }
    const roles: unknown = payload['roles'];
    const partnerships: unknown = payload['partnerships'];
    if (!Array.isArray(roles) || !roles.every(isRole)) throw new InvalidToken('the token has no valid roles claim');
    if (!Array.isArray(partnerships) || !partnerships.every((p) => typeof p === 'string')) {
      throw new InvalidToken('the token has no valid partnerships claim');
    }
    const principal: Principal = {
      userId: payload.sub!,
      name: typeof payload.name === 'string' ? payload.name : payload.sub!,
      roles,
      partnerships,
      ...(typeof payload.agency === 'string' ? { agencyId: payload.agency } : {}),
    };
    this.verified.set(token, principal, payload.exp);
    return principal;
  }
}
