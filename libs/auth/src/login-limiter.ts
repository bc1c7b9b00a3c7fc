import { Injectable } from '@nestjs/common';
import { InjectThrottlerStorage, ThrottlerStorage } from '@nestjs/throttler';
import { LOGIN_LIMITS, loginThrottleKey, normaliseEmail } from './login-throttle.guard';

export type LoginAttempt = { allowed: true } | { allowed: false; retryAfterSeconds: number };

/**
 * The login limits for password checks outside GraphQL (HTTP Basic on the admin pages). It counts
 * in the same store and under the same keys as the GraphQL login, so the two doors share one budget.
 */
@Injectable()
export class LoginLimiter {
  constructor(@InjectThrottlerStorage() private readonly storage: ThrottlerStorage) {}

  /** Counts one attempt on `email` from `ip`; refused while either limit is exceeded. */
  async attempt(ip: string, email: string): Promise<LoginAttempt> {
    const checks = [
      { ...LOGIN_LIMITS.perIp, tracker: ip },
      { ...LOGIN_LIMITS.perAccount, tracker: normaliseEmail(email) },
    ];
    const hits = await Promise.all(
      checks.map((c) =>
        this.storage.increment(loginThrottleKey(c.name, c.tracker), c.ttl, c.limit, c.ttl, c.name),
      ),
    );
    const blocked = hits.filter((h) => h.isBlocked);
    if (!blocked.length) return { allowed: true };
    return { allowed: false, retryAfterSeconds: Math.max(1, ...blocked.map((h) => h.timeToBlockExpire)) };
  }
}
