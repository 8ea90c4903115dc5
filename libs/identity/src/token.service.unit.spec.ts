import { InvalidToken, TokenService } from './token.service';

describe('TokenService', () => {
  const tokens = new TokenService('a-secret-for-tests');
  const request = { sub: 'lead@example.org', name: 'Agency lead', roles: ['agency-lead'] as const, partnerships: ['p-1'], agency: 'a-1' };

  it('verifies a token it minted and reads the claims of DESIGN §5', async () => {
    const principal = await tokens.verify(await tokens.mint(request));
    expect(principal).toEqual({
      userId: 'lead@example.org',
      name: 'Agency lead',
      roles: ['agency-lead'],
      partnerships: ['p-1'],
      agencyId: 'a-1',
    });
  });

  it('refuses an expired token', async () => {
    const token = await tokens.mint({ ...request, expiresInSeconds: 60 }, new Date(Date.now() - 3_600_000));
    await expect(tokens.verify(token)).rejects.toThrow(new InvalidToken('the token has expired'));
  });

  it('refuses a token signed with another secret', async () => {
    const forged = await new TokenService('another-secret').mint(request);
    await expect(tokens.verify(forged)).rejects.toBeInstanceOf(InvalidToken);
  });

  it('refuses a token whose roles are not the platform’s', async () => {
    const token = await tokens.mint({ ...request, roles: ['superuser' as never] });
    await expect(tokens.verify(token)).rejects.toThrow('the token has no valid roles claim');
  });
});
