import { CanActivate, ExecutionContext, Inject, Injectable, SetMetadata } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { InjectThrottlerStorage, ThrottlerStorage } from '@nestjs/throttler';
import { createHash } from 'crypto';
import { AppError, ErrorCode } from '@skillpath/common';
import { APP_CONFIG, AppConfig } from '@skillpath/config';
import { requestOf } from './access.decorators';

interface Limit {
  limit: number;
  windowSeconds: number;
}

/**
 * Expensive or abusable operations and their budgets, counted in Redis (shared by every API replica).
 * Each alias of an operation counts once, so one request cannot multiply them. RATE_LIMIT_FACTOR
 * scales every figure (e.g. 5 behind a large NAT such as a library's Wi-Fi).
 */
export const RATE_LIMITS = {
  /** Accounts made from one address: 25 in one request was the attack. */
  register: { perIp: { limit: 20, windowSeconds: 3600 } },
  /** A session's token refresh: a handful an hour is normal, so this only stops loops. */
  refreshToken: { perIp: { limit: 120, windowSeconds: 60 } },
  /** Re-plans a roadmap (the matching engine and several writes): 100 in one request was the attack. */
  planRoadmap: {
    perAccount: { limit: 20, windowSeconds: 600 },
    perIp: { limit: 100, windowSeconds: 600 },
  },
  /** Runs the sentence encoder over up to 5,000 characters: a resident tries a few phrasings, not hundreds. */
  suggestSkills: {
    perAccount: { limit: 60, windowSeconds: 600 },
    perIp: { limit: 300, windowSeconds: 600 },
  },
  /** Plans the goal several ways (each a full roadmap plan). */
  roadmapOptions: {
    perAccount: { limit: 60, windowSeconds: 600 },
    perIp: { limit: 300, windowSeconds: 600 },
  },
  /** Sends an email: a few a day is plenty, and it must not become a way to flood someone's inbox. */
  requestEmailVerification: {
    perAccount: { limit: 5, windowSeconds: 3600 },
    perIp: { limit: 30, windowSeconds: 3600 },
  },
} satisfies Record<string, { perAccount?: Limit; perIp: Limit }>;

export type RateLimitName = keyof typeof RATE_LIMITS;

const RATE_LIMIT = 'skillpath:rate-limit';

/** Counts each call of the operation against its budget in RATE_LIMITS; over it: RATE_LIMITED. */
export const RateLimited = (name: RateLimitName) => SetMetadata(RATE_LIMIT, name);

export function rateLimited(what: string, retryAfterSeconds: number): AppError {
  return new AppError(
    ErrorCode.RATE_LIMITED,
    `Too many ${what} requests. Try again in ${retryAfterSeconds} second${retryAfterSeconds === 1 ? '' : 's'}.`,
    { retryAfterSeconds },
  );
}

/** Global guard, after the AuthGuard (so the account is known): applies @RateLimited budgets. */
@Injectable()
export class RateLimitGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    @InjectThrottlerStorage() private readonly storage: ThrottlerStorage,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async canActivate(ctx: ExecutionContext): Promise<boolean> {
    const name = this.reflector.get<RateLimitName | undefined>(RATE_LIMIT, ctx.getHandler());
    if (!name) return true;
    const rule: { perAccount?: Limit; perIp: Limit } = RATE_LIMITS[name];
    const req = requestOf(ctx);
    const raw = req as { ip?: string; socket?: { remoteAddress?: string } };
    const ip = raw.ip ?? raw.socket?.remoteAddress ?? 'unknown';
    const factor = this.config.rateLimitFactor;
    const checks: [string, Limit][] = [[`ip:${ip}`, rule.perIp]];
    if (rule.perAccount && req.user) checks.push([`account:${req.user.id}`, rule.perAccount]);
    const hits = await Promise.all(
      checks.map(([tracker, l]) => {
        const ttl = l.windowSeconds * 1000;
        const key = createHash('sha256').update(`rate-${name}-${tracker}`).digest('hex');
        return this.storage.increment(
          key,
          ttl,
          Math.max(1, Math.round(l.limit * factor)),
          ttl,
          `rate-${name}`,
        );
      }),
    );
    const blocked = hits.filter((h) => h.isBlocked);
    if (!blocked.length) return true;
    throw rateLimited(name, Math.max(1, ...blocked.map((h) => h.timeToBlockExpire)));
  }
}
