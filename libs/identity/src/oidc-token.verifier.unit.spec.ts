import { createLocalJWKSet, exportJWK, generateKeyPair, SignJWT, type JWK, type JWTPayload, type KeyLike } from 'jose';
import { OidcTokenVerifier, assertSecureEndpoint, type OidcSettings } from './oidc-token.verifier';
import { InvalidToken } from './token.service';
import { IdentityProviderUnavailable } from './token-verifier';

const ISSUER = 'https://login.example.gov.uk/realms/ledger';
const SETTINGS: OidcSettings = { issuer: ISSUER, audience: 'learning-ledger-api', clockSkewSeconds: 60, jwksCooldownSeconds: 30 };
const CLAIMS = { roles: ['inspector'], partnerships: ['p-1'], name: 'An inspector' };

interface Key {
  readonly kid: string;
  readonly privateKey: KeyLike;
  readonly publicJwk: JWK;
}

async function rsaKey(kid: string, alg = 'RS256'): Promise<Key> {
  const { privateKey, publicKey } = await generateKeyPair(alg);
  return { kid, privateKey, publicJwk: { ...(await exportJWK(publicKey)), kid, alg, use: 'sig' } };
}

const now = () => Math.floor(Date.now() / 1000);

function sign(key: Key, overrides: JWTPayload = {}, alg = 'RS256'): Promise<string> {
  return new SignJWT({ iss: ISSUER, aud: 'learning-ledger-api', sub: 'idp|4711', iat: now(), exp: now() + 300, ...CLAIMS, ...overrides })
    .setProtectedHeader({ alg, kid: key.kid, typ: 'JWT' })
    .sign(key.privateKey);
}

/** A verifier over an in-memory discovery document and key set: no I/O. */
function verifierWith(
  keys: readonly Key[],
  discovery: Record<string, unknown> = { issuer: ISSUER, jwks_uri: `${ISSUER}/protocol/openid-connect/certs` },
) {
  const fetched: string[] = [];
  const verifier = new OidcTokenVerifier(SETTINGS, {
    fetchJson: async (url) => {
      fetched.push(url.href);
      return discovery;
    },
    keySet: () => createLocalJWKSet({ keys: keys.map((key) => key.publicJwk) }),
  });
  return { verifier, fetched };
}

describe('OidcTokenVerifier', () => {
  let key: Key;
  beforeAll(async () => {
    key = await rsaKey('k1');
  });

  it('accepts a token of the issuer for this audience and maps its claims', async () => {
    const { verifier, fetched } = verifierWith([key]);
    await expect(verifier.verify(await sign(key))).resolves.toEqual({
      userId: 'idp|4711',
      name: 'An inspector',
      roles: ['inspector'],
      partnerships: ['p-1'],
    });
    await verifier.verify(await sign(key));
    expect(fetched).toEqual([`${ISSUER}/.well-known/openid-configuration`]);
  });

  it('refuses another issuer and another audience', async () => {
    const { verifier } = verifierWith([key]);
    await expect(verifier.verify(await sign(key, { iss: 'https://evil.example.com' }))).rejects.toThrow(
      new InvalidToken('the token’s iss claim is not acceptable'),
    );
    await expect(verifier.verify(await sign(key, { aud: 'another-client' }))).rejects.toThrow(
      new InvalidToken('the token’s aud claim is not acceptable'),
    );
  });

  it('allows the clock skew and no more', async () => {
    const { verifier } = verifierWith([key]);
    await expect(verifier.verify(await sign(key, { exp: now() - 30 }))).resolves.toMatchObject({ userId: 'idp|4711' });
    await expect(verifier.verify(await sign(key, { exp: now() - 120 }))).rejects.toThrow(new InvalidToken('the token has expired'));
    await expect(verifier.verify(await sign(key, { nbf: now() + 30 }))).resolves.toMatchObject({ userId: 'idp|4711' });
    await expect(verifier.verify(await sign(key, { nbf: now() + 300 }))).rejects.toThrow(
      new InvalidToken('the token’s nbf claim is not acceptable'),
    );
  });

  it('refuses a token without exp', async () => {
    const { verifier } = verifierWith([key]);
    await expect(verifier.verify(await sign(key, { exp: undefined }))).rejects.toBeInstanceOf(InvalidToken);
  });

  it('refuses a key the provider does not publish', async () => {
    const { verifier } = verifierWith([key]);
    await expect(verifier.verify(await sign(await rsaKey('stranger')))).rejects.toThrow(
      new InvalidToken('the token was not signed by a key of the identity provider'),
    );
  });

  it('accepts RS256 only, even from a published key', async () => {
    const rs512 = await rsaKey('k512', 'RS512');
    const { verifier } = verifierWith([rs512]);
    await expect(verifier.verify(await sign(rs512, {}, 'RS512'))).rejects.toBeInstanceOf(InvalidToken);
  });

  it('reports an unreachable provider as such, and tries discovery again on the next token', async () => {
    let calls = 0;
    const verifier = new OidcTokenVerifier(SETTINGS, {
      fetchJson: async () => {
        calls += 1;
        if (calls === 1) throw new Error('connect ECONNREFUSED');
        return { issuer: ISSUER, jwks_uri: `${ISSUER}/certs` };
      },
      keySet: () => createLocalJWKSet({ keys: [key.publicJwk] }),
    });
    await expect(verifier.verify(await sign(key))).rejects.toBeInstanceOf(IdentityProviderUnavailable);
    await expect(verifier.verify(await sign(key))).resolves.toMatchObject({ userId: 'idp|4711' });
  });

  it('refuses a discovery document that names another issuer or an insecure jwks_uri', async () => {
    const other = verifierWith([key], { issuer: 'https://evil.example.com', jwks_uri: `${ISSUER}/certs` });
    await expect(other.verifier.verify(await sign(key))).rejects.toBeInstanceOf(IdentityProviderUnavailable);
    const insecure = verifierWith([key], { issuer: ISSUER, jwks_uri: 'http://keys.example.com/certs' });
    await expect(insecure.verifier.verify(await sign(key))).rejects.toThrow('the jwks_uri must use https');
  });
});

describe('assertSecureEndpoint', () => {
  it('takes https anywhere and plain http on loopback only', () => {
    expect(assertSecureEndpoint('https://login.example.gov.uk', 'issuer').host).toBe('login.example.gov.uk');
    expect(assertSecureEndpoint('http://127.0.0.1:8080/realm', 'issuer').port).toBe('8080');
    expect(assertSecureEndpoint('http://localhost:8080', 'issuer').hostname).toBe('localhost');
    expect(() => assertSecureEndpoint('http://login.example.gov.uk', 'issuer')).toThrow('issuer must use https');
    expect(() => assertSecureEndpoint('not a url', 'issuer')).toThrow('issuer must be a URL');
  });
});
