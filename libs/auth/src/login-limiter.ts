import { Injectable } from '@nestjs/common';
import { InjectThrottlerStorage, ThrottlerStorage } from '@nestjs/throttler';
import type { ThrottlerStorageRedisService } from '@nest-lab/throttler-storage-redis';
import { LoginDelays, type LoginGate } from './login-delays';
import { LOGIN_LIMITS, loginThrottleKey, normaliseEmail } from './login-throttle.guard';

export type LoginAttempt = LoginGate;

/**
 * Every door that checks a password (the GraphQL login, HTTP Basic on the admin pages) goes through
 * here: one per-address budget, and progressive delays per account (see LoginDelays) instead of a
 * lockout. Counted in Redis under the app prefix, so the doors and the API replicas share one state.
 */
@Injectable()
export class LoginLimiter {
  private readonly delays: LoginDelays;

  constructor(@InjectThrottlerStorage() private readonly storage: ThrottlerStorage) {
    this.delays = new LoginDelays((storage as ThrottlerStorageRedisService).redis);
  }

  /** Counts one attempt from `ip` (the per-address budget) and applies the delays on `email`. */
  async attempt(ip: string, email: string): Promise<LoginAttempt> {
    const l = LOGIN_LIMITS.perIp;
    const hit = await this.storage.increment(loginThrottleKey(l.name, ip), l.ttl, l.limit, l.ttl, l.name);
    if (hit.isBlocked) return { allowed: false, retryAfterSeconds: Math.max(1, hit.timeToBlockExpire) };
    return this.gate(ip, email);
  }

  /** The delays alone (the GraphQL login counts its per-address budget in its guard). */
  gate(ip: string, email: string): Promise<LoginGate> {
    return this.delays.gate(ip, normaliseEmail(email));
  }

  failed(ip: string, email: string): Promise<void> {
    return this.delays.failed(ip, normaliseEmail(email));
  }

  succeeded(ip: string, email: string): Promise<void> {
    return this.delays.succeeded(ip, normaliseEmail(email));
  }
}
