import { ExecutionContext, Injectable } from '@nestjs/common';
import { GqlExecutionContext } from '@nestjs/graphql';
import { ThrottlerGuard, ThrottlerModuleOptions } from '@nestjs/throttler';
import { ThrottlerStorageRedisService } from '@nest-lab/throttler-storage-redis';
import type { AppConfig } from '@skillpath/config';

type Req = {
  ip?: string;
  socket?: { remoteAddress?: string };
  body?: { variables?: Record<string, unknown> };
};

/** Key for the per-account limit: the email being tried, whoever tries it. */
function emailTried(ctx: ExecutionContext): string {
  const args = GqlExecutionContext.create(ctx).getArgs<{ email?: unknown }>();
  return typeof args.email === 'string' ? args.email.trim().toLowerCase() : 'unknown';
}

/**
 * Login attempts are limited per IP address (someone trying many accounts) and per account
 * (many people, or a botnet, trying one account). Over either limit: RATE_LIMITED.
 */
export const LOGIN_THROTTLERS: ThrottlerModuleOptions = {
  throttlers: [
    { name: 'login-ip', ttl: 60_000, limit: 20 },
    { name: 'login-account', ttl: 60_000, limit: 5, getTracker: (_req, ctx) => emailTried(ctx) },
  ],
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
}
