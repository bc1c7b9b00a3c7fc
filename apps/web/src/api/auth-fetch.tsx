import type { RefreshTokenMutation } from '../gql/generated';
import { takeEarlyRefresh, takeEarlyResult } from './early-session';
import { authUrl } from './endpoint';
import { sessionStore } from './session-store';

interface GraphQLBody {
  data?: unknown;
  errors?: Array<{ message: string; extensions?: { code?: string } }>;
}

/** Operations that must never trigger a token refresh (they are how a session starts). */
const NO_REFRESH = new Set(['Login', 'Register', 'RefreshToken']);

/** Name of the Web Lock that lets one tab at a time refresh (the cookie is shared by every tab). */
const REFRESH_LOCK = 'skillpath-refresh';

let inFlight: Promise<boolean> | null = null;

/** POST /auth/refresh: the browser sends the HttpOnly cookie; the answer sets the next one. */
async function exchange(): Promise<GraphQLBody> {
  const res = await fetch(authUrl('refresh'), {
    method: 'POST',
    credentials: 'include',
    headers: { 'x-skillpath-csrf': '1' },
  });
  return (await res.json()) as GraphQLBody;
}

/** Runs `fn` holding the tab group's refresh lock where the browser has Web Locks; else directly. */
function withRefreshLock<T>(fn: () => Promise<T>): Promise<T> {
  const locks = typeof navigator !== 'undefined' ? navigator.locks : undefined;
  return locks ? (locks.request(REFRESH_LOCK, fn) as Promise<T>) : fn();
}

async function refreshOnce(): Promise<boolean> {
  const before = sessionStore.version;
  return withRefreshLock(async () => {
    // Another tab refreshed while this one waited for the lock and shared its session: use that.
    if (sessionStore.version !== before && sessionStore.current) return true;
    try {
      const body = ((await takeEarlyRefresh(authUrl('refresh'))) ?? (await exchange())) as GraphQLBody;
      const payload = (body.data as RefreshTokenMutation | null | undefined)?.refreshToken;
      if (payload) {
        sessionStore.signIn(payload);
        return true;
      }
      // Only a definite "no" ends the session; a network blip keeps it for the next try.
      if (body.errors?.some((e) => e.extensions?.code === 'UNAUTHENTICATED')) {
        sessionStore.signOut({ server: false });
      }
      return false;
    } catch {
      return false;
    }
  });
}

/**
 * Gets a new access token with the refresh cookie: one request at a time in this tab however many
 * ask, and one at a time across the tab group (a Web Lock), so tabs opened together do not race each
 * other's rotation. (The server also forgives the same token arriving twice within a few seconds.)
 */
export function refreshSession(): Promise<boolean> {
  if (!sessionStore.hasSession) return Promise.resolve(false);
  inFlight ??= refreshOnce().finally(() => {
    inFlight = null;
  });
  return inFlight;
}

function withAuth(init: RequestInit | undefined): RequestInit {
  const headers = new Headers(init?.headers);
  const token = sessionStore.current?.accessToken;
  if (token) headers.set('authorization', `Bearer ${token}`);
  // Login and register then answer with the refresh token as an HttpOnly cookie, not in the body.
  headers.set('x-skillpath-session', 'cookie');
  return { ...init, headers, credentials: 'include' };
}

function operationName(init: RequestInit | undefined): string | undefined {
  if (typeof init?.body !== 'string') return undefined;
  try {
    return (JSON.parse(init.body) as { operationName?: string }).operationName;
  } catch {
    return undefined;
  }
}

/**
 * fetch for urql: adds the access token, and when the API answers UNAUTHENTICATED (the short-lived
 * access token expired) refreshes the session once and retries the request.
 */
export async function authFetch(input: RequestInfo | URL, init?: RequestInit): Promise<Response> {
  const early = typeof init?.body === 'string' ? await takeEarlyResult(String(input), init.body) : null;
  const res = early
    ? new Response(JSON.stringify(early), { headers: { 'content-type': 'application/json' } })
    : await fetch(input, withAuth(init));
  if (!sessionStore.hasSession || NO_REFRESH.has(operationName(init) ?? '')) return res;
  let body: GraphQLBody | null = null;
  try {
    body = (await res.clone().json()) as GraphQLBody;
  } catch {
    return res;
  }
  if (!body?.errors?.some((e) => e.extensions?.code === 'UNAUTHENTICATED')) return res;
  if (!(await refreshSession())) return res;
  return fetch(input, withAuth(init));
}
