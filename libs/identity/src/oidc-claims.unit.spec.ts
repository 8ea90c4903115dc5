import { principalFromOidcClaims } from './oidc-claims';
import { InvalidToken } from './token.service';

describe('principalFromOidcClaims', () => {
  const claims = { sub: 'idp|4711', name: 'Lead officer', roles: ['agency-lead'], partnerships: ['p-1', 'p-2'], agency: 'a-1' };

  it('maps sub, name, roles, partnerships and agency to a Principal', () => {
    expect(principalFromOidcClaims(claims)).toEqual({
      userId: 'idp|4711',
      name: 'Lead officer',
      roles: ['agency-lead'],
      partnerships: ['p-1', 'p-2'],
      agencyId: 'a-1',
    });
  });

  it('keeps the platform’s roles and ignores the identity provider’s own', () => {
    expect(principalFromOidcClaims({ ...claims, roles: ['offline_access', 'auditor', 'auditor', 'uma_authorization'] }).roles).toEqual([
      'auditor',
    ]);
  });

  it('refuses a token with none of the platform’s roles', () => {
    expect(() => principalFromOidcClaims({ ...claims, roles: ['offline_access'] })).toThrow(
      new InvalidToken('the token carries none of the platform’s roles'),
    );
  });

  it('refuses a roles claim that is not a list of strings', () => {
    expect(() => principalFromOidcClaims({ ...claims, roles: 'platform-admin' })).toThrow('the token has no valid roles claim');
    expect(() => principalFromOidcClaims({ ...claims, roles: undefined })).toThrow('the token has no valid roles claim');
  });

  it('reads an absent partnerships claim as none, and refuses a malformed one', () => {
    expect(principalFromOidcClaims({ ...claims, partnerships: undefined }).partnerships).toEqual([]);
    expect(() => principalFromOidcClaims({ ...claims, partnerships: 'p-1' })).toThrow(
      'the token’s partnerships claim is not a list of ids',
    );
  });

  it('falls back to preferred_username, then sub, for the name', () => {
    expect(principalFromOidcClaims({ ...claims, name: undefined, preferred_username: 'lead.officer' }).name).toBe('lead.officer');
    expect(principalFromOidcClaims({ ...claims, name: undefined }).name).toBe('idp|4711');
  });

  it('refuses a token without a subject or with a malformed agency', () => {
    expect(() => principalFromOidcClaims({ ...claims, sub: undefined })).toThrow('the token has no subject');
    expect(() => principalFromOidcClaims({ ...claims, agency: 42 })).toThrow('the token’s agency claim is not a string');
  });
});
