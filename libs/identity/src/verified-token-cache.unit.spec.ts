import type { Principal } from './principal';
import { InvalidToken, TokenService } from './token.service';
import { VerifiedTokenCache } from './verified-token-cache';

const lead: Principal = { userId: 'lead@example.org', name: 'Pat Example', roles: ['agency-lead'], partnerships: ['p-1'] };

describe('VerifiedTokenCache', () => {
  it('answers a copy of the principal until exp, and nothing from exp on', () => {
    let now = 1_000_000;
    const cache = new VerifiedTokenCache(10, () => now);
    cache.set('t', lead, 1_010); // exp 1,010 s = 1,010,000 ms
    now = 1_009_999;
    const hit = cache.get('t');
    expect(hit).toEqual(lead);
    expect(hit).not.toBe(lead);
    now = 1_010_000;
    expect(cache.get('t')).toBeUndefined();
    expect(cache.size).toBe(0);
  });

  it('keeps nothing without exp or already expired, and drops the oldest past its capacity', () => {
    let now = 0;
    const cache = new VerifiedTokenCache(2, () => now);
    cache.set('no-exp', lead, undefined);
    cache.set('expired', lead, 0);
    expect(cache.size).toBe(0);
    cache.set('a', lead, 10);
    cache.set('b', lead, 10);
    cache.set('c', lead, 10);
    expect([cache.get('a'), cache.get('b'), cache.get('c')].map(Boolean)).toEqual([false, true, true]);
    now = 10_000;
    expect(cache.get('b')).toBeUndefined();
  });

  it('does not let a caller change what later callers get', () => {
    const cache = new VerifiedTokenCache(10, () => 0);
    cache.set('t', lead, 10);
    (cache.get('t')!.partnerships as string[]).push('p-2');
    expect(cache.get('t')!.partnerships).toEqual(['p-1']);
  });
});

describe('TokenService with its cache', () => {
  const service = new TokenService('a-secret-for-tests');

  it('still refuses an expired token that it verified while it was valid', async () => {
    const token = await service.mint({ ...mintOf(lead), expiresInSeconds: 60 });
    await expect(service.verify(token)).resolves.toMatchObject({ userId: lead.userId });
    // Two minutes on: well past exp, whatever second the token was minted in.
    jest.useFakeTimers({ now: Date.now() + 120_000, doNotFake: ['nextTick', 'setImmediate', 'queueMicrotask'] });
    try {
      await expect(service.verify(token)).rejects.toThrow(new InvalidToken('the token has expired'));
    } finally {
      jest.useRealTimers();
    }
  });

  it('never caches a refusal: a tampered token stays refused, the genuine one is accepted', async () => {
    const token = await service.mint(mintOf(lead));
    const tampered = `${token.slice(0, -2)}${token.endsWith('AA') ? 'BB' : 'AA'}`;
    await expect(service.verify(tampered)).rejects.toBeInstanceOf(InvalidToken);
    await expect(service.verify(token)).resolves.toEqual(lead);
    await expect(service.verify(token)).resolves.toEqual(lead);
    await expect(service.verify(tampered)).rejects.toBeInstanceOf(InvalidToken);
  });
});

function mintOf(principal: Principal) {
  return { sub: principal.userId, name: principal.name, roles: principal.roles, partnerships: principal.partnerships };
}
