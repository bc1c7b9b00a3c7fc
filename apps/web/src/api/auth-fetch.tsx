import { stringifyDocument } from 'urql';
import { RefreshTokenDocument, type RefreshTokenMutation } from '../gql/generated';
import { takeEarlyRefresh, takeEarlyResult } from './early-session';
import { graphqlEndpoint } from './endpoint';
import { sessionStore } from './session-store';

interface GraphQLBody {
  data?: unknown;
  errors?: Array<{ message: string; extensions?: { code?: string } }>;
}

/** Operations that must never trigger a token refresh (they are how a session starts). */
const NO_REFRESH = new Set(['Login', 'Register', 'RefreshToken']);

let inFlight: Promise<boolean> | null = null;

async function exchange(refreshToken: string): Promise<GraphQLBody> {
  const res = await fetch(graphqlEndpoint(), {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      operationName: 'RefreshToken',
      query: stringifyDocument(RefreshTokenDocument),
      variables: { refreshToken },
    }),
  });
  return (await res.json()) as GraphQLBody;
}

/** Exchanges the stored refresh token for a new session; one request at a time however many ask. */
export function refreshSession(): Promise<boolean> {
  const token = sessionStore.refreshToken;
  if (!token) return Promise.resolve(false);
  inFlight ??= (async () => {
    try {
      const body = ((await takeEarlyRefresh(graphqlEndpoint())) ?? (await exchange(token))) as GraphQLBody;
      const payload = (body.data as RefreshTokenMutation | null | undefined)?.refreshToken;
      if (payload) {
        sessionStore.signIn(payload);
        return true;
      }
      // Only a definite "no" ends the session; a network blip keeps the token for the next try.
      if (
        body.errors?.some(
          (e) => e.extensions?.code === 'UNAUTHENTICATED' || e.extensions?.code === 'BAD_USER_INPUT',
        )
      ) {
        sessionStore.signOut();
      }
      return false;
    } catch {
      return false;
    } finally {
      inFlight = null;
    }
  })();
  return inFlight;
}

function withAuth(init: RequestInit | undefined): RequestInit {
  const headers = new Headers(init?.headers);
  const token = sessionStore.current?.accessToken;
  if (token) headers.set('authorization', `Bearer ${token}`);
  return { ...init, headers };
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
  if (!sessionStore.refreshToken || NO_REFRESH.has(operationName(init) ?? '')) return res;
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
