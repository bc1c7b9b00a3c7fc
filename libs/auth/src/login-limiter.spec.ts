import { ThrottlerStorageService } from '@nestjs/throttler';
import { LoginLimiter } from './login-limiter';
import { LOGIN_LIMITS } from './login-throttle.guard';

describe('LoginLimiter', () => {
  let storage: ThrottlerStorageService;
  let limiter: LoginLimiter;

  beforeEach(() => {
    storage = new ThrottlerStorageService();
    limiter = new LoginLimiter(storage);
  });
  afterEach(() => storage.onApplicationShutdown());

  it('allows five attempts on one account a minute, then refuses it (whatever the case) but not others', async () => {
    for (let i = 0; i < LOGIN_LIMITS.perAccount.limit; i++)
      expect(await limiter.attempt(`10.0.0.${i}`, 'ops@example.org')).toEqual({ allowed: true });
    const refused = await limiter.attempt('10.0.0.99', ' OPS@example.org');
    // Blocked for the limit's whole minute.
    expect(refused).toEqual({ allowed: false, retryAfterSeconds: 60 });
    expect(await limiter.attempt('10.0.0.99', 'other@example.org')).toEqual({ allowed: true });
  });

  it('allows twenty attempts from one address a minute, over any accounts', async () => {
    for (let i = 0; i < LOGIN_LIMITS.perIp.limit; i++)
      expect(await limiter.attempt('10.0.0.1', `user${i}@example.org`)).toEqual({ allowed: true });
    expect((await limiter.attempt('10.0.0.1', 'fresh@example.org')).allowed).toBe(false);
    expect((await limiter.attempt('10.0.0.2', 'fresh@example.org')).allowed).toBe(true);
  });
});
