import { ACCOUNT_CACHE_MS, AccountCache } from './account-cache';

const sam = { id: 'u1', email: 'sam@example.org', role: 'LEARNER' as const, displayName: 'Sam' };

describe('AccountCache', () => {
  it('trusts a looked-up account for its window only', () => {
    const cache = new AccountCache();
    cache.remember(sam, 1000);
    expect(cache.get('u1', 1000 + ACCOUNT_CACHE_MS - 1)).toEqual(sam);
    expect(cache.get('u1', 1000 + ACCOUNT_CACHE_MS)).toBeUndefined();
    // Expired entries are dropped, not served again.
    expect(cache.get('u1', 1000)).toBeUndefined();
  });

  it('forgets an account at once (erasure, role change)', () => {
    const cache = new AccountCache();
    cache.remember(sam, 0);
    cache.forget('u1');
    expect(cache.get('u1', 1)).toBeUndefined();
  });
});
