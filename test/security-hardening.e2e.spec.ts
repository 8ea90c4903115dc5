import { LedgerTestApp } from './support/ledger-test-app';

/**
 * HTTP hardening (docs/security.md): security headers that still let Swagger UI run, CORS only
 * for configured origins, rate limits per user and per address answered as problem+json with
 * Retry-After, and no stack traces or internals in any error.
 */

const ALLOWED_ORIGIN = 'https://ledger.example.gov.uk';
const OTHER_ORIGIN = 'https://evil.example.com';
/** Anything that would show a stack trace or where the code lives. */
const INTERNALS = /\n\s+at |node_modules|\/work\/|\/apps\/|\/libs\/|\.[jt]s:\d+|stack/i;

describe('HTTP hardening', () => {
  let app: LedgerTestApp;
  beforeAll(async () => {
    app = await LedgerTestApp.start({
      LEDGER_CORS_ORIGINS: `${ALLOWED_ORIGIN},https://partner.example.org`,
      LEDGER_RATE_LIMIT_PER_MINUTE: '3',
    });
  });
  afterAll(async () => {
    await app?.close();
  });

  describe('security headers', () => {
    it('sends helmet’s headers on API answers, without x-powered-by, and keeps them out of caches', async () => {
      const response = await app
        .http()
        .get('/api/v1/partnerships')
        .set(await app.bearer({ roles: ['auditor'] }))
        .expect(200);
      expect(response.headers).toMatchObject({
        'x-content-type-options': 'nosniff',
        'x-frame-options': 'DENY',
        'referrer-policy': 'no-referrer',
        'strict-transport-security': 'max-age=31536000; includeSubDomains',
        'cross-origin-opener-policy': 'same-origin',
        'cache-control': 'no-store',
      });
      expect(response.headers['content-security-policy']).toContain("frame-ancestors 'none'");
      expect(response.headers['x-powered-by']).toBeUndefined();
    });

    it('serves Swagger UI under a CSP it can run with: own scripts only, no inline script', async () => {
      const page = await app.http().get('/api/docs').redirects(1).expect(200);
      const csp = page.headers['content-security-policy'] ?? '';
      expect(csp).toContain("script-src 'self'");
      expect(csp).toContain("style-src 'self' 'unsafe-inline'");
      expect(csp).toContain("img-src 'self' data:");
      expect(csp).not.toContain('unsafe-eval');
      const scripts = [...page.text.matchAll(/<script([^>]*)>/g)].map((match) => match[1] ?? '');
      expect(scripts.length).toBeGreaterThan(0);
      for (const attributes of scripts) expect(attributes).toMatch(/src=["']\.?\/?[\w./-]+["']/);
      await app.http().get('/api/docs/swagger-ui-init.js').expect(200);
      await app.http().get('/api/docs-json').expect(200);
    });
  });

  describe('CORS', () => {
    it('answers a preflight from a configured origin with what a browser client needs', async () => {
      const response = await app
        .http()
        .options('/api/v1/partnerships')
        .set('Origin', ALLOWED_ORIGIN)
        .set('Access-Control-Request-Method', 'POST')
        .set('Access-Control-Request-Headers', 'authorization,content-type,idempotency-key,if-match');
      expect(response.status).toBe(204);
      expect(response.headers['access-control-allow-origin']).toBe(ALLOWED_ORIGIN);
      expect(response.headers['access-control-allow-headers']?.toLowerCase()).toContain('idempotency-key');
      expect(response.headers['access-control-allow-credentials']).toBeUndefined();
    });

    it('lets a configured origin read answers, and exposes ETag and Retry-After', async () => {
      const response = await app.http().get('/health/live').set('Origin', ALLOWED_ORIGIN).expect(200);
      expect(response.headers['access-control-allow-origin']).toBe(ALLOWED_ORIGIN);
      expect(response.headers['access-control-expose-headers']).toContain('Retry-After');
    });

    it('gives any other origin no CORS headers, so its browser withholds the answer', async () => {
      const preflight = await app
        .http()
        .options('/api/v1/partnerships')
        .set('Origin', OTHER_ORIGIN)
        .set('Access-Control-Request-Method', 'POST');
      expect(preflight.headers['access-control-allow-origin']).toBeUndefined();
      const simple = await app.http().get('/health/live').set('Origin', OTHER_ORIGIN);
      expect(simple.headers['access-control-allow-origin']).toBeUndefined();
    });
  });

  describe('rate limit per user', () => {
    it('answers 429 problem+json with Retry-After past the limit, for that user only', async () => {
      const busy = await app.bearer({ sub: 'busy@example.org', roles: ['analyst'] });
      for (let i = 0; i < 3; i += 1) await app.http().get('/api/v1/partnerships').set(busy).expect(200);
      const refused = await app.http().get('/api/v1/partnerships').set(busy);
      expect(refused.status).toBe(429);
      expect(refused.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(refused.body).toMatchObject({ status: 429, code: 'rate-limited', title: 'Too Many Requests' });
      const retryAfter = Number(refused.headers['retry-after']);
      expect(retryAfter).toBeGreaterThanOrEqual(1);
      expect(retryAfter).toBeLessThanOrEqual(60);
      await app
        .http()
        .get('/api/v1/partnerships')
        .set(await app.bearer({ sub: 'calm@example.org', roles: ['analyst'] }))
        .expect(200);
    });
  });

  describe('errors', () => {
    it('never show a stack trace or where the code lives', async () => {
      const auth = await app.bearer({ sub: 'errors@example.org', roles: ['platform-admin'] });
      const answers = await Promise.all([
        app
          .http()
          .post('/api/v1/partnerships')
          .set('Authorization', auth.Authorization)
          .set('Content-Type', 'application/json')
          .send('{"name": '),
        app.http().get('/api/v1/partnerships/%E0%A4%A'),
        app.http().get('/api/v1/no-such-route'),
        app.http().get('/api/v1/partnerships').set('Authorization', 'Bearer not.a.jwt'),
      ]);
      for (const response of answers) {
        expect(response.status).toBeGreaterThanOrEqual(400);
        expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
        expect(response.text).not.toMatch(INTERNALS);
      }
    });
  });
});

describe('HTTP hardening: rate limit per address', () => {
  let app: LedgerTestApp;
  beforeAll(async () => {
    app = await LedgerTestApp.start({ LEDGER_RATE_LIMIT_PER_IP_PER_MINUTE: '4' });
  });
  afterAll(async () => {
    await app?.close();
  });

  it('refuses anonymous floods before authentication, but never health probes', async () => {
    for (let i = 0; i < 4; i += 1) await app.http().get('/api/v1/partnerships').set('Authorization', 'Bearer guessed').expect(401);
    const refused = await app.http().get('/api/v1/partnerships').set('Authorization', 'Bearer guessed');
    expect(refused.status).toBe(429);
    expect(refused.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(refused.body).toMatchObject({ status: 429, code: 'rate-limited' });
    expect(Number(refused.headers['retry-after'])).toBeGreaterThanOrEqual(1);
    await app.http().get('/health/live').expect(200);
  });

  it('sends no CORS headers when no origin is configured', async () => {
    const response = await app.http().get('/health/live').set('Origin', ALLOWED_ORIGIN).expect(200);
    expect(response.headers['access-control-allow-origin']).toBeUndefined();
  });
});
