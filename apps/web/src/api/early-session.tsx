/** What the script inlined in index.html started before the app ran (see apps/web/scripts/early-session.ts). */
interface Early {
  /** The GraphQL endpoint the early queries went to. */
  url: string;
  /** Where the early refresh went (POST /auth/refresh, with the HttpOnly cookie). */
  refreshUrl?: string;
  refresh: Promise<unknown> | null;
  queries: Record<string, { query: string; body: Promise<unknown> } | undefined>;
}

type EarlyWindow = Window & { __skillpathEarly?: Early };

// Taken off `window` as the app starts, so the access token in it stays out of reach of other scripts.
let early: Early | null = null;
if (typeof window !== 'undefined') {
  early = (window as EarlyWindow).__skillpathEarly ?? null;
  delete (window as EarlyWindow).__skillpathEarly;
}

/**
 * The early refresh at `refreshUrl` (the cookie exchanged at POST /auth/refresh), if the inlined script
 * started one: its answer, once. The token rotates on use, so the app waits for this rather than
 * sending the cookie again.
 */
export function takeEarlyRefresh(refreshUrl: string): Promise<unknown> | null {
  if (!early?.refresh || early.refreshUrl !== refreshUrl) return null;
  const refresh = early.refresh;
  early.refresh = null;
  return refresh;
}

/**
 * The early answer to this exact request body (same operation, same query text, no variables),
 * once; null when there is none or it failed, and the request should go to the network.
 */
export async function takeEarlyResult(url: string, body: string): Promise<unknown> {
  if (!early || early.url !== url) return null;
  let sent: { operationName?: string; query?: string; variables?: Record<string, unknown> };
  try {
    sent = JSON.parse(body) as typeof sent;
  } catch {
    return null;
  }
  const waiting = sent.operationName ? early.queries[sent.operationName] : undefined;
  if (!waiting || waiting.query !== sent.query || Object.keys(sent.variables ?? {}).length) return null;
  early.queries[sent.operationName!] = undefined;
  return waiting.body;
}
