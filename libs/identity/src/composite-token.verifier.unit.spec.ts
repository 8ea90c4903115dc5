import { SignJWT, UnsecuredJWT } from 'jose';
import { CompositeTokenVerifier } from './composite-token.verifier';
import type { Principal } from './principal';
import { InvalidToken, TokenService } from './token.service';
import type { TokenVerifier } from './token-verifier';

class RecordingVerifier implements TokenVerifier {
  readonly seen: string[] = [];
  constructor(private readonly principal: Principal) {}
  async verify(token: string): Promise<Principal> {
    this.seen.push(token);
    return this.principal;
  }
}

const someone = (userId: string): Principal => ({ userId, name: userId, roles: ['auditor'], partnerships: [] });
const withHeader = (header: Record<string, unknown>) =>
  `${Buffer.from(JSON.stringify(header)).toString('base64url')}.${Buffer.from('{"sub":"x"}').toString('base64url')}.c2ln`;

describe('CompositeTokenVerifier', () => {
  const local = new TokenService('a-secret-for-tests');

  it('verifies HS256 tokens locally', async () => {
    const token = await local.mint({ sub: 'lead@example.org', name: 'Lead', roles: ['agency-lead'], partnerships: ['p-1'] });
    const principal = await new CompositeTokenVerifier(local).verify(token);
    expect(principal.userId).toBe('lead@example.org');
  });

  it('sends RS256 tokens to the OIDC verifier, and HS256 ones never there', async () => {
    const localSpy = new RecordingVerifier(someone('local'));
    const oidc = new RecordingVerifier(someone('oidc'));
    const verifier = new CompositeTokenVerifier(localSpy, oidc);
    await expect(verifier.verify(withHeader({ alg: 'RS256', kid: 'k1' }))).resolves.toEqual(someone('oidc'));
    await expect(verifier.verify(withHeader({ alg: 'HS256' }))).resolves.toEqual(someone('local'));
    expect([localSpy.seen.length, oidc.seen.length]).toEqual([1, 1]);
  });

  it('refuses RS256 tokens when no OIDC issuer is configured', async () => {
    const verifier = new CompositeTokenVerifier(new RecordingVerifier(someone('local')));
    expect(verifier.acceptsOidc).toBe(false);
    await expect(verifier.verify(withHeader({ alg: 'RS256' }))).rejects.toThrow(
      new InvalidToken('RS256 tokens are accepted only when an OIDC issuer is configured'),
    );
  });

  it.each(['none', 'HS512', 'RS512', 'ES256', 'PS256', 'dir'])('refuses a token whose alg is %s', async (alg) => {
    const spy = new RecordingVerifier(someone('any'));
    await expect(new CompositeTokenVerifier(spy, spy).verify(withHeader({ alg }))).rejects.toThrow(
      new InvalidToken('the token’s signing algorithm is not accepted'),
    );
    expect(spy.seen).toEqual([]);
  });

  it('refuses an unsecured JWT made with jose', async () => {
    const unsecured = new UnsecuredJWT({ roles: ['platform-admin'], partnerships: [] })
      .setSubject('mallory')
      .setExpirationTime('1h')
      .encode();
    await expect(new CompositeTokenVerifier(local).verify(unsecured)).rejects.toBeInstanceOf(InvalidToken);
  });

  it('refuses a token without an alg and anything that is not a JWT', async () => {
    const verifier = new CompositeTokenVerifier(local);
    await expect(verifier.verify(withHeader({ typ: 'JWT' }))).rejects.toThrow('the token’s signing algorithm is not accepted');
    await expect(verifier.verify('not-a-jwt')).rejects.toThrow(new InvalidToken('the token is not a signed JWT'));
  });

  it('refuses an HS256 token signed with another secret', async () => {
    const forged = await new SignJWT({ roles: ['platform-admin'], partnerships: [] })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject('mallory')
      .setExpirationTime('1h')
      .sign(new TextEncoder().encode('guessed-secret'));
    await expect(new CompositeTokenVerifier(local).verify(forged)).rejects.toBeInstanceOf(InvalidToken);
  });
});
