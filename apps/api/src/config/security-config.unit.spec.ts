import { CompositeTokenVerifier } from '@ledger/identity';
import { createTokenVerifier, describeSecurityConfig, loadSecurityConfig } from './security-config';

describe('loadSecurityConfig', () => {
  it('defaults: OIDC and CORS off, 600/min per user, 1200/min per address, 15 s per request', () => {
    const config = loadSecurityConfig({});
    expect(config).toEqual({
      oidc: undefined,
      corsOrigins: [],
      rateLimitPerUserPerMinute: 600,
      rateLimitPerIpPerMinute: 1200,
      requestTimeoutMs: 15_000,
      trustProxy: false,
    });
    expect(describeSecurityConfig(config)).toContain('LEDGER_CORS_ORIGINS=(unset: CORS off, same origin only)');
  });

  it('reads the OIDC issuer, audience, skew and cooldown', () => {
    const config = loadSecurityConfig({
      LEDGER_OIDC_ISSUER: 'https://login.example.gov.uk/realms/ledger',
      LEDGER_OIDC_AUDIENCE: 'learning-ledger-api',
      LEDGER_OIDC_CLOCK_SKEW_SECONDS: '30',
    });
    expect(config.oidc).toEqual({
      issuer: 'https://login.example.gov.uk/realms/ledger',
      audience: 'learning-ledger-api',
      clockSkewSeconds: 30,
      jwksCooldownSeconds: 30,
    });
    expect(createTokenVerifier('secret', config).acceptsOidc).toBe(true);
    expect(createTokenVerifier('secret', loadSecurityConfig({}))).toBeInstanceOf(CompositeTokenVerifier);
    expect(createTokenVerifier('secret', loadSecurityConfig({})).acceptsOidc).toBe(false);
  });

  it('refuses an issuer without an audience, or over plain http off this machine', () => {
    expect(() => loadSecurityConfig({ LEDGER_OIDC_ISSUER: 'https://login.example.gov.uk' })).toThrow('LEDGER_OIDC_AUDIENCE must be set');
    expect(() => loadSecurityConfig({ LEDGER_OIDC_ISSUER: 'http://login.example.gov.uk', LEDGER_OIDC_AUDIENCE: 'api' })).toThrow(
      'must use https',
    );
  });

  it('reads CORS origins and refuses anything that is not an origin', () => {
    expect(loadSecurityConfig({ LEDGER_CORS_ORIGINS: 'https://a.example.org, https://b.example.org:8443/' }).corsOrigins).toEqual([
      'https://a.example.org',
      'https://b.example.org:8443',
    ]);
    expect(() => loadSecurityConfig({ LEDGER_CORS_ORIGINS: '*' })).toThrow('LEDGER_CORS_ORIGINS takes origins');
    expect(() => loadSecurityConfig({ LEDGER_CORS_ORIGINS: 'https://a.example.org/app' })).toThrow('LEDGER_CORS_ORIGINS takes origins');
  });

  it('reads limits, with 0 turning a rate limit off, and refuses nonsense', () => {
    const config = loadSecurityConfig({
      LEDGER_RATE_LIMIT_PER_MINUTE: '0',
      LEDGER_RATE_LIMIT_PER_IP_PER_MINUTE: '50',
      LEDGER_REQUEST_TIMEOUT_MS: '5000',
    });
    expect([config.rateLimitPerUserPerMinute, config.rateLimitPerIpPerMinute, config.requestTimeoutMs]).toEqual([0, 50, 5000]);
    expect(() => loadSecurityConfig({ LEDGER_RATE_LIMIT_PER_MINUTE: 'lots' })).toThrow(
      'LEDGER_RATE_LIMIT_PER_MINUTE must be a whole number',
    );
    expect(() =>
      loadSecurityConfig({
        LEDGER_OIDC_ISSUER: 'https://x.example.org',
        LEDGER_OIDC_AUDIENCE: 'a',
        LEDGER_OIDC_CLOCK_SKEW_SECONDS: '3600',
      }),
    ).toThrow('from 0 to 300');
  });

  it('trusts proxies only by hop count or address, never blindly', () => {
    expect(loadSecurityConfig({ LEDGER_TRUST_PROXY: '1' }).trustProxy).toBe(1);
    expect(loadSecurityConfig({ LEDGER_TRUST_PROXY: 'loopback, 10.0.0.0/8' }).trustProxy).toBe('loopback, 10.0.0.0/8');
    expect(() => loadSecurityConfig({ LEDGER_TRUST_PROXY: 'true' })).toThrow('LEDGER_TRUST_PROXY=true');
  });
});
