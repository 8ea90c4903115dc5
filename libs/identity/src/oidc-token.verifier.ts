import { createRemoteJWKSet, errors as joseErrors, jwtVerify, type JWTPayload, type JWTVerifyGetKey } from 'jose';
import { principalFromOidcClaims } from './oidc-claims';
import type { Principal } from './principal';
import { InvalidToken } from './token.service';
import { IdentityProviderUnavailable, type TokenVerifier } from './token-verifier';

/** An external OpenID Connect provider whose RS256 access tokens the API accepts. */
export interface OidcSettings {
  /** Exactly the `iss` of its tokens and the `issuer` of its discovery document. */
  readonly issuer: string;
  /** The `aud` the tokens must carry: this API's client id or resource identifier. */
  readonly audience: string;
  /** Leeway for `exp` and `nbf` against clocks that drift. */
  readonly clockSkewSeconds: number;
  /** After a key-set fetch, how long a token with an unknown `kid` waits before the next fetch. */
  readonly jwksCooldownSeconds: number;
}

/** Seams for tests without I/O; by default `fetch` and jose's remote key set. */
export interface OidcDependencies {
  readonly fetchJson?: (url: URL) => Promise<unknown>;
  readonly keySet?: (jwksUri: URL, cooldownMs: number) => JWTVerifyGetKey;
}

/** The only algorithm accepted from the identity provider. */
export const OIDC_ALGORITHMS: readonly string[] = ['RS256'];
const FETCH_TIMEOUT_MS = 5_000;

/**
 * Verifies RS256 tokens of an OIDC provider: discovery (`<issuer>/.well-known/openid-configuration`)
 * on first use, then its `jwks_uri` through jose's remote key set, which caches the keys (10 min),
 * fetches again when a token names an unknown `kid` (key rotation) at most once per cooldown, and
 * shares one fetch among concurrent requests. Checks `iss`, `aud`, `exp` and `nbf` (with skew).
 */
export class OidcTokenVerifier implements TokenVerifier {
  private keys: Promise<JWTVerifyGetKey> | undefined;
  private readonly fetchJson: (url: URL) => Promise<unknown>;
  private readonly keySet: (jwksUri: URL, cooldownMs: number) => JWTVerifyGetKey;

  constructor(
    private readonly settings: OidcSettings,
    dependencies: OidcDependencies = {},
  ) {
    assertSecureEndpoint(settings.issuer, 'the OIDC issuer');
    this.fetchJson = dependencies.fetchJson ?? fetchJson;
    this.keySet =
      dependencies.keySet ?? ((uri, cooldownDuration) => createRemoteJWKSet(uri, { cooldownDuration, timeoutDuration: FETCH_TIMEOUT_MS }));
  }

  async verify(token: string): Promise<Principal> {
    const keys = await this.keySetOnce();
    let payload: JWTPayload;
    try {
      ({ payload } = await jwtVerify(token, keys, {
        issuer: this.settings.issuer,
        audience: this.settings.audience,
        algorithms: [...OIDC_ALGORITHMS],
        clockTolerance: this.settings.clockSkewSeconds,
        requiredClaims: ['sub', 'exp'],
      }));
    } catch (error) {
      throw refusal(error);
    }
    return principalFromOidcClaims(payload);
  }

  /** Discovery happens once; a failed attempt is forgotten so the next request tries again. */
  private keySetOnce(): Promise<JWTVerifyGetKey> {
    this.keys ??= this.discover().catch((error: unknown) => {
      this.keys = undefined;
      throw error;
    });
    return this.keys;
  }

  private async discover(): Promise<JWTVerifyGetKey> {
    const url = new URL(`${this.settings.issuer.replace(/\/+$/, '')}/.well-known/openid-configuration`);
    let document: unknown;
    try {
      document = await this.fetchJson(url);
    } catch (error) {
      throw new IdentityProviderUnavailable(`${url.href}: ${error instanceof Error ? error.message : String(error)}`);
    }
    const { issuer, jwks_uri: jwksUri } = (typeof document === 'object' && document !== null ? document : {}) as Record<string, unknown>;
    if (issuer !== this.settings.issuer) {
      throw new IdentityProviderUnavailable(`the discovery document at ${url.href} names the issuer ${String(issuer)}`);
    }
    if (typeof jwksUri !== 'string') throw new IdentityProviderUnavailable(`the discovery document at ${url.href} has no jwks_uri`);
    return this.keySet(assertSecureEndpoint(jwksUri, 'the jwks_uri'), this.settings.jwksCooldownSeconds * 1000);
  }
}

/** https, or plain http on this machine's loopback only (development and tests). */
export function assertSecureEndpoint(value: string, what: string): URL {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new Error(`${what} must be a URL, got "${value}"`);
  }
  const loopback = ['localhost', '127.0.0.1', '[::1]'].includes(url.hostname);
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && loopback)) {
    throw new Error(`${what} must use https (plain http only on localhost), got "${value}"`);
  }
  return url;
}

async function fetchJson(url: URL): Promise<unknown> {
  const response = await fetch(url, { headers: { accept: 'application/json' }, signal: AbortSignal.timeout(FETCH_TIMEOUT_MS) });
  if (response.status !== 200) throw new Error(`HTTP ${response.status}`);
  return response.json();
}

/** A token the provider did not sign as claimed is refused (401); a provider out of reach is not the caller's fault. */
function refusal(error: unknown): Error {
  if (error instanceof joseErrors.JWTExpired) return new InvalidToken('the token has expired');
  if (error instanceof joseErrors.JWTClaimValidationFailed) return new InvalidToken(`the token’s ${error.claim} claim is not acceptable`);
  if (error instanceof joseErrors.JWKSNoMatchingKey) return new InvalidToken('the token was not signed by a key of the identity provider');
  const unreachable =
    error instanceof joseErrors.JWKSTimeout ||
    error instanceof joseErrors.JWKSInvalid ||
    !(error instanceof joseErrors.JOSEError) ||
    error.code === joseErrors.JOSEError.code;
  if (unreachable) return new IdentityProviderUnavailable(`its key set: ${error instanceof Error ? error.message : String(error)}`);
  return new InvalidToken('the token is not valid');
}
