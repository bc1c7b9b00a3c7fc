import { Controller, HttpCode, Inject, Post, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import { AppError, ErrorCode } from '@skillpath/common';
import { APP_CONFIG, type AppConfig } from '@skillpath/config';
import { AuthService, type AuthResult } from './auth.service';
import { RateLimited } from './rate-limit';

/**
 * The web app's refresh token lives in this cookie: HttpOnly (no script can read it), SameSite=Strict
 * (no other site's page can make the browser send it), Path=/auth (sent to these two endpoints only,
 * never with ordinary API calls), and Secure everywhere except plain http on this machine (development
 * and tests). API clients that are not browsers keep using the GraphQL refreshToken/logout mutations.
 */
export const REFRESH_COOKIE = 'skillpath_refresh';
export const REFRESH_COOKIE_PATH = '/auth';
/** Header a browser client sends on login/register to get its refresh token as the cookie only. */
export const SESSION_COOKIE_HEADER = 'x-skillpath-session';
/** Required on the cookie endpoints: a custom header cannot be sent cross-site without a CORS preflight. */
export const CSRF_HEADER = 'x-skillpath-csrf';

type CookieReq = {
  headers: Record<string, string | string[] | undefined>;
  protocol?: string;
  hostname?: string;
};
type CookieRes = {
  setHeader?: (name: string, value: string | string[]) => unknown;
  getHeader?: (n: string) => unknown;
};

const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]', '::1']);

/** Secure except over plain http to this machine (a browser drops Secure cookies there). */
function secureFor(req: CookieReq): boolean {
  const forwarded = String(req.headers['x-forwarded-proto'] ?? '')
    .split(',')[0]
    .trim();
  const protocol = forwarded || req.protocol || 'http';
  const host = String(req.hostname ?? req.headers.host ?? '').replace(/:\d+$/, '');
  return !(protocol === 'http' && LOOPBACK_HOSTS.has(host));
}

function cookieLine(req: CookieReq, value: string, maxAgeSeconds: number): string {
  return [
    `${REFRESH_COOKIE}=${value}`,
    `Path=${REFRESH_COOKIE_PATH}`,
    'HttpOnly',
    'SameSite=Strict',
    ...(secureFor(req) ? ['Secure'] : []),
    `Max-Age=${maxAgeSeconds}`,
  ].join('; ');
}

function appendSetCookie(res: CookieRes, line: string): void {
  const prior = res.getHeader?.('set-cookie');
  const lines = Array.isArray(prior)
    ? [...(prior as string[]), line]
    : prior
      ? [String(prior), line]
      : [line];
  res.setHeader?.('set-cookie', lines);
}

/** Sets the refresh cookie on a login, register or refresh answer; the body then carries no token. */
export function setRefreshCookie(
  req: CookieReq,
  res: CookieRes,
  token: string,
  expiresInSeconds: number,
): void {
  appendSetCookie(res, cookieLine(req, token, Math.max(1, Math.floor(expiresInSeconds))));
}

export function clearRefreshCookie(req: CookieReq, res: CookieRes): void {
  appendSetCookie(res, cookieLine(req, '', 0));
}

export function refreshCookieOf(req: CookieReq): string | undefined {
  const raw = req.headers.cookie;
  const header = Array.isArray(raw) ? raw.join('; ') : (raw ?? '');
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === REFRESH_COOKIE) return part.slice(eq + 1).trim() || undefined;
  }
  return undefined;
}

export function wantsCookieSession(req: CookieReq | undefined): boolean {
  return String(req?.headers[SESSION_COOKIE_HEADER] ?? '') === 'cookie';
}

/** The cookie outlives no refresh token (the server checks the real expiry and session end anyway). */
export function cookieSeconds(config: AppConfig): number {
  return Math.min(config.auth.refreshTokenTtlDays, config.auth.sessionMaxDays) * 86_400;
}

/** The body the web client reads, shaped like the GraphQL refreshToken answer. */
function payloadOf(r: AuthResult) {
  return {
    data: {
      refreshToken: {
        accessToken: r.accessToken,
        refreshToken: '',
        user: {
          __typename: 'User',
          id: r.user.id,
          email: r.user.email,
          displayName: r.user.displayName,
          role: r.user.role,
        },
      },
    },
  };
}

function errorBody(message: string, code: ErrorCode) {
  return { errors: [{ message, extensions: { code } }], data: null };
}

/** `POST /auth/refresh` and `POST /auth/logout`: the cookie side of sessions, for the web app. */
@Controller('auth')
export class SessionCookieController {
  constructor(
    private readonly auth: AuthService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Post('refresh')
  @HttpCode(200)
  @RateLimited('refreshToken')
  async refresh(@Req() req: Request, @Res({ passthrough: true }) res: Response) {
    if (req.headers[CSRF_HEADER] !== '1') {
      res.status(403);
      return errorBody(`Send the header ${CSRF_HEADER}: 1.`, ErrorCode.FORBIDDEN);
    }
    const token = refreshCookieOf(req);
    if (!token) {
      res.status(401);
      return errorBody('You are not signed in.', ErrorCode.UNAUTHENTICATED);
    }
    try {
      const result = await this.auth.refresh(token);
      setRefreshCookie(req, res, result.refreshToken, cookieSeconds(this.config));
      res.setHeader('cache-control', 'no-store');
      return payloadOf(result);
    } catch (e) {
      if (e instanceof AppError && e.code === ErrorCode.UNAUTHENTICATED) {
        clearRefreshCookie(req, res);
        res.status(401);
        return errorBody(e.message, e.code);
      }
      throw e;
    }
  }

  @Post('logout')
  @HttpCode(200)
  async logout(@Req() req: Request, @Res({ passthrough: true }) res: Response) {
    if (req.headers[CSRF_HEADER] !== '1') {
      res.status(403);
      return errorBody(`Send the header ${CSRF_HEADER}: 1.`, ErrorCode.FORBIDDEN);
    }
    const token = refreshCookieOf(req);
    const ended = token ? await this.auth.logout(token) : false;
    clearRefreshCookie(req, res);
    return { data: { logout: ended } };
  }
}
