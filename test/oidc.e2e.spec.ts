import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, exportSPKI, generateKeyPair, SignJWT, UnsecuredJWT, type JWK, type JWTPayload, type KeyLike } from 'jose';
import { LedgerTestApp } from './support/ledger-test-app';

/**
 * OIDC (RS256) besides local HS256 tokens: the test serves its own discovery document and key set
 * on 127.0.0.1, signs tokens with keys it generates, and rotates the key the provider publishes.
 */

const AUDIENCE = 'learning-ledger-api';
/** Anything that would show a stack trace or where the code lives. */
const INTERNALS = /\n\s+at |node_modules|\/work\/|\/apps\/|\/libs\/|\.[jt]s:\d+|stack/i;

interface SigningKey {
  readonly kid: string;
  readonly privateKey: KeyLike;
  readonly publicKey: KeyLike;
  readonly jwk: JWK;
}

async function signingKey(kid: string): Promise<SigningKey> {
  const { privateKey, publicKey } = await generateKeyPair('RS256');
  return { kid, privateKey, publicKey, jwk: { ...(await exportJWK(publicKey)), kid, alg: 'RS256', use: 'sig' } };
}

/** Discovery and JWKS, as an identity provider serves them; `publish` swaps the keys (rotation). */
class LocalIdentityProvider {
  readonly requests: string[] = [];
  private keys: readonly JWK[] = [];
  private readonly server: Server = createServer((request, response) => {
    this.requests.push(request.url ?? '');
    const body =
      request.url === '/realms/ledger/.well-known/openid-configuration'
        ? {
            issuer: this.issuer,
            jwks_uri: `${this.issuer}/protocol/openid-connect/certs`,
            id_token_signing_alg_values_supported: ['RS256'],
          }
        : request.url === '/realms/ledger/protocol/openid-connect/certs'
          ? { keys: this.keys }
          : undefined;
    response.writeHead(body ? 200 : 404, { 'content-type': 'application/json' }).end(JSON.stringify(body ?? { error: 'not found' }));
  });

  issuer = '';

  async start(): Promise<void> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    this.issuer = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/realms/ledger`;
  }

  publish(...keys: readonly SigningKey[]): void {
    this.keys = keys.map((key) => key.jwk);
  }

  async close(): Promise<void> {
    if (!this.server.listening) return;
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}

describe('OIDC bearer tokens', () => {
  const idp = new LocalIdentityProvider();
  let app: LedgerTestApp;
  let first: SigningKey;
  let partnershipId: string;

  const now = () => Math.floor(Date.now() / 1000);
  const claims = (overrides: JWTPayload): JWTPayload => ({
    iss: idp.issuer,
    aud: AUDIENCE,
    sub: 'idp|inspector-7',
    name: 'An inspector',
    roles: ['inspector', 'offline_access'],
    partnerships: [partnershipId],
    iat: now(),
    exp: now() + 300,
    ...overrides,
  });
  const signed = (key: SigningKey, overrides: JWTPayload = {}) =>
    new SignJWT(claims(overrides)).setProtectedHeader({ alg: 'RS256', kid: key.kid, typ: 'JWT' }).sign(key.privateKey);
  const readPartnership = (token: string) =>
    app.http().get(`/api/v1/partnerships/${partnershipId}`).set('Authorization', `Bearer ${token}`);

  async function expectRefused(token: string): Promise<void> {
    const response = await readPartnership(token);
    expect(response.status).toBe(401);
    expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(response.body).toMatchObject({ status: 401, code: 'invalid-token' });
    expect(JSON.stringify(response.body)).not.toMatch(INTERNALS);
  }

  beforeAll(async () => {
    first = await signingKey('key-2025-01');
    await idp.start();
    idp.publish(first);
    app = await LedgerTestApp.start({
      LEDGER_OIDC_ISSUER: idp.issuer,
      LEDGER_OIDC_AUDIENCE: AUDIENCE,
      LEDGER_OIDC_CLOCK_SKEW_SECONDS: '60',
      // Rotation is tested at once; in service the cooldown keeps unknown kids from hammering the provider.
      LEDGER_OIDC_JWKS_COOLDOWN_SECONDS: '0',
    });
    const platform = await app.bearer({ sub: 'platform-admin@example.org', roles: ['platform-admin'] });
    const created = await app
      .http()
      .post('/api/v1/partnerships')
      .set(platform)
      .send({ name: 'Northshire Safeguarding Children Partnership', localAuthorities: ['Northshire County Council'] })
      .expect(201);
    partnershipId = created.body.id;
    // The tokens below are an inspector's: they reach the partnership only during a grant (docs/roles.md).
    await app
      .http()
      .post(`/api/v1/partnerships/${partnershipId}/inspector-grants`)
      .set(platform)
      .send({
        inspectorId: 'idp|inspector-7',
        from: new Date(Date.now() - 60_000).toISOString(),
        until: new Date(Date.now() + 86_400_000).toISOString(),
        reason: 'Inspection',
      })
      .expect(201);
  });
  afterAll(async () => {
    await app?.close();
    await idp.close();
  });

  it('accepts a valid token of the issuer and maps its roles and partnerships', async () => {
    const response = await readPartnership(await signed(first)).expect(200);
    expect(response.body).toMatchObject({ id: partnershipId });
    expect(idp.requests).toEqual(['/realms/ledger/.well-known/openid-configuration', '/realms/ledger/protocol/openid-connect/certs']);
  });

  it('applies the roles claim: a read-only role may not command', async () => {
    const response = await app
      .http()
      .post(`/api/v1/partnerships/${partnershipId}/agencies`)
      .set('Authorization', `Bearer ${await signed(first)}`)
      .send({ name: 'Northshire Constabulary', kind: 'police' });
    expect(response.status).toBe(403);
  });

  it('applies the partnerships claim: another partnership is not found', async () => {
    const response = await readPartnership(await signed(first, { partnerships: ['00000000-0000-4000-8000-000000000000'] }));
    expect(response.status).toBe(404);
  });

  it('still accepts local HS256 tokens', async () => {
    await app
      .http()
      .get(`/api/v1/partnerships/${partnershipId}`)
      .set(await app.bearer({ roles: ['auditor'], partnerships: [partnershipId] }))
      .expect(200);
  });

  it('accepts a token expired within the clock skew', async () => {
    await readPartnership(await signed(first, { exp: now() - 20 })).expect(200);
  });

  it('refuses a token of another issuer', async () => {
    await expectRefused(await signed(first, { iss: 'http://127.0.0.1:1/realms/other' }));
  });

  it('refuses a token for another audience', async () => {
    await expectRefused(await signed(first, { aud: 'another-client' }));
  });

  it('refuses a token expired beyond the clock skew', async () => {
    await expectRefused(await signed(first, { iat: now() - 3600, exp: now() - 120 }));
  });

  it('refuses a token that is not yet valid', async () => {
    await expectRefused(await signed(first, { nbf: now() + 600 }));
  });

  it('refuses a token signed by a key the provider does not publish', async () => {
    await expectRefused(await signed(await signingKey('key-2025-01')));
    await expectRefused(await signed(await signingKey('unknown-kid')));
  });

  it('refuses an unsigned token (alg none)', async () => {
    await expectRefused(new UnsecuredJWT(claims({ roles: ['platform-admin'] })).encode());
  });

  it('refuses an HS256 token forged with the provider’s public key as the secret', async () => {
    for (const secret of [await exportSPKI(first.publicKey), JSON.stringify(first.jwk)]) {
      const forged = await new SignJWT(claims({ roles: ['platform-admin'] }))
        .setProtectedHeader({ alg: 'HS256', kid: first.kid, typ: 'JWT' })
        .sign(new TextEncoder().encode(secret));
      await expectRefused(forged);
    }
  });

  it('follows a key rotation: a token of the new key is accepted, the retired key is refused', async () => {
    const second = await signingKey('key-2025-02');
    idp.publish(second);
    await readPartnership(await signed(second)).expect(200);
    await expectRefused(await signed(first));
  });

  it('answers 503 when the provider is out of reach, not 401: the token was never judged', async () => {
    await idp.close();
    const response = await readPartnership(await signed(await signingKey('key-2025-03')));
    expect(response.status).toBe(503);
    expect(response.body).toMatchObject({ status: 503, code: 'identity-provider-unavailable' });
    expect(JSON.stringify(response.body)).not.toMatch(INTERNALS);
  });
});
