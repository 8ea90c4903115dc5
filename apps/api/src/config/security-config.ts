import { CompositeTokenVerifier, OidcTokenVerifier, TokenService, assertSecureEndpoint, type OidcSettings } from '@ledger/identity';

/** The API's security settings (docs/security.md, "Hardening controls"); every variable optional. */
export interface SecurityConfig {
  /** Set when `LEDGER_OIDC_ISSUER` is: RS256 tokens of that provider are accepted besides local HS256 ones. */
  readonly oidc: OidcSettings | undefined;
  /** Browser origins allowed to call the API cross-origin; empty: CORS off (same origin only). */
  readonly corsOrigins: readonly string[];
  /** Requests per minute per authenticated user (token `sub`); 0 turns the limit off. */
  readonly rateLimitPerUserPerMinute: number;
  /** Requests per minute per client address, before authentication; 0 turns the limit off. */
  readonly rateLimitPerIpPerMinute: number;
  /** Longest a request may take before the API answers 503 `request-timeout`. */
  readonly requestTimeoutMs: number;
  /** Express `trust proxy`: hops or addresses of the reverse proxies whose X-Forwarded-For is believed. */
  readonly trustProxy: number | string | false;
}

export function loadSecurityConfig(env: NodeJS.ProcessEnv = process.env): SecurityConfig {
  const issuer = env.LEDGER_OIDC_ISSUER || undefined;
  let oidc: OidcSettings | undefined;
  if (issuer) {
    assertSecureEndpoint(issuer, 'LEDGER_OIDC_ISSUER');
    const audience = env.LEDGER_OIDC_AUDIENCE;
    if (!audience)
      throw new Error(
        'LEDGER_OIDC_AUDIENCE must be set with LEDGER_OIDC_ISSUER: tokens minted for other clients of the provider would pass otherwise',
      );
    oidc = {
      issuer,
      audience,
      clockSkewSeconds: count(env, 'LEDGER_OIDC_CLOCK_SKEW_SECONDS', 60, 300),
      jwksCooldownSeconds: count(env, 'LEDGER_OIDC_JWKS_COOLDOWN_SECONDS', 30, 3600),
    };
  }
  return {
    oidc,
    corsOrigins: origins(env.LEDGER_CORS_ORIGINS),
    rateLimitPerUserPerMinute: count(env, 'LEDGER_RATE_LIMIT_PER_MINUTE', 600),
    rateLimitPerIpPerMinute: count(env, 'LEDGER_RATE_LIMIT_PER_IP_PER_MINUTE', 1200),
    requestTimeoutMs: Math.max(1, count(env, 'LEDGER_REQUEST_TIMEOUT_MS', 15_000)),
    trustProxy: trustProxy(env.LEDGER_TRUST_PROXY),
  };
}

/** The lines `npm start` prints for these settings, next to describeConfig's. */
export function describeSecurityConfig(config: SecurityConfig): string[] {
  const perMinute = (n: number) => (n === 0 ? '0 (off)' : `${n}/min`);
  return [
    `LEDGER_OIDC_ISSUER=${config.oidc ? config.oidc.issuer : '(unset: only local HS256 tokens)'}`,
    ...(config.oidc
      ? [
          `LEDGER_OIDC_AUDIENCE=${config.oidc.audience}`,
          `LEDGER_OIDC_CLOCK_SKEW_SECONDS=${config.oidc.clockSkewSeconds}`,
          `LEDGER_OIDC_JWKS_COOLDOWN_SECONDS=${config.oidc.jwksCooldownSeconds}`,
        ]
      : []),
    `LEDGER_CORS_ORIGINS=${config.corsOrigins.length ? config.corsOrigins.join(',') : '(unset: CORS off, same origin only)'}`,
    `LEDGER_RATE_LIMIT_PER_MINUTE=${perMinute(config.rateLimitPerUserPerMinute)} per user`,
    `LEDGER_RATE_LIMIT_PER_IP_PER_MINUTE=${perMinute(config.rateLimitPerIpPerMinute)} per address`,
    `LEDGER_REQUEST_TIMEOUT_MS=${config.requestTimeoutMs}`,
    `LEDGER_TRUST_PROXY=${config.trustProxy === false ? '(unset: the client address is the socket peer)' : String(config.trustProxy)}`,
  ];
}

/** The verifier the auth guard uses: local HS256 always, RS256 from the OIDC provider when configured. */
export function createTokenVerifier(jwtSecret: string, config: SecurityConfig): CompositeTokenVerifier {
  return new CompositeTokenVerifier(new TokenService(jwtSecret), config.oidc ? new OidcTokenVerifier(config.oidc) : undefined);
}

function count(env: NodeJS.ProcessEnv, name: string, fallback: number, max = Number.MAX_SAFE_INTEGER): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 0 || value > max)
    throw new Error(`${name} must be a whole number from 0 to ${max}, got "${raw}"`);
  return value;
}

function origins(raw: string | undefined): string[] {
  const list = (raw ?? '')
    .split(',')
    .map((origin) => origin.trim().replace(/\/+$/, ''))
    .filter(Boolean);
  for (const origin of list) {
    let parsed: URL | undefined;
    try {
      parsed = new URL(origin);
    } catch {
      parsed = undefined;
    }
    if (!parsed || parsed.origin !== origin) {
      throw new Error(
        `LEDGER_CORS_ORIGINS takes origins like https://ledger.example.gov.uk (scheme, host, port; no path, no *), got "${origin}"`,
      );
    }
  }
  return list;
}

function trustProxy(raw: string | undefined): number | string | false {
  const value = raw?.trim();
  if (!value || value === 'false') return false;
  if (/^\d+$/.test(value)) return Number(value);
  if (value === 'true')
    throw new Error('LEDGER_TRUST_PROXY=true would believe any X-Forwarded-For: give the number of proxy hops or their addresses');
  return value;
}
