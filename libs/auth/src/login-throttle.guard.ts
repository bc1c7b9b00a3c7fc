import { ExecutionContext, Injectable } from '@nestjs/common';
import { GqlExecutionContext } from '@nestjs/graphql';
import { ThrottlerGuard, ThrottlerModuleOptions } from '@nestjs/throttler';
import { ThrottlerStorageRedisService } from '@nest-lab/throttler-storage-redis';
import type { AppConfig } from '@skillpath/config';
import { createHash } from 'crypto';

type Req = {
  ip?: string;
  socket?: { remoteAddress?: string };
  body?: { variables?: Record<string, unknown> };
};

/**
 * The per-address login budget, shared by the GraphQL login and every other door that checks a
 * password. There is deliberately no per-account count that blocks: that let anyone lock any account
 * out (see LoginDelays for what replaced it).
 */
export const LOGIN_LIMITS = {
  perIp: { name: 'login-ip', ttl: 60_000, limit: 20 },
} as const;

/** One storage key per limit and tracker, whichever door the attempt came through. */
export function loginThrottleKey(throttlerName: string, tracker: string): string {
  return createHash('sha256').update(`login-${throttlerName}-${tracker}`).digest('hex');
}

export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}

/** Login attempts are limited per IP address (someone trying many accounts). Over it: RATE_LIMITED. */
export const LOGIN_THROTTLERS: ThrottlerModuleOptions = {
  throttlers: [{ ...LOGIN_LIMITS.perIp }],
};

/**
 * Counters live in Redis, under the app's key prefix, so every API replica counts the same attempts:
 * with per-process counters N replicas would allow N times the limit. The storage owns its connection
 * and closes it when the module is destroyed. A login while Redis is unreachable fails (it is not let
 * through uncounted).
 */
export function loginThrottleStorage(config: AppConfig): ThrottlerStorageRedisService {
  return new ThrottlerStorageRedisService(config.redis.url, {
    keyPrefix: `${config.redis.prefix}:login-throttle:`,
    maxRetriesPerRequest: 2,
    lazyConnect: true,
  });
}

@Injectable()
export class LoginThrottleGuard extends ThrottlerGuard {
  protected override getRequestResponse(context: ExecutionContext) {
    const ctx = GqlExecutionContext.create(context).getContext<{ req: Req; res: Record<string, unknown> }>();
    return { req: ctx.req as Record<string, unknown>, res: ctx.res };
  }

  protected override async getTracker(req: Record<string, unknown>): Promise<string> {
    const r = req as Req;
    return r.ip ?? r.socket?.remoteAddress ?? 'unknown';
  }

  protected override generateKey(_context: ExecutionContext, tracker: string, throttlerName: string): string {
    return loginThrottleKey(throttlerName, tracker);
  }
}
