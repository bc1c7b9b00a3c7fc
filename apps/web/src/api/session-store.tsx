import type { UserFieldsFragment } from '../gql/generated';
import { authUrl } from './endpoint';

/** Not a secret: only says "this browser had a session", so a reload knows to ask for it back. */
const SIGNED_IN_KEY = 'skillpath.signedIn';
/** Where older versions kept the refresh token itself; removed on sight. */
const LEGACY_REFRESH_KEY = 'skillpath.refreshToken';
/** Tabs of this app tell each other about new sessions and sign-outs here. */
const CHANNEL = 'skillpath-session';

export interface Session {
  accessToken: string;
  user: UserFieldsFragment;
}

type Listener = (session: Session | null) => void;
type Message = { type: 'session'; session: Session } | { type: 'signed-out' };

function storage(): Storage | null {
  try {
    return window.localStorage;
  } catch {
    return null; // private browsing may forbid storage
  }
}

/**
 * Holds the signed-in session. The access token lives only in memory. The refresh token is never
 * visible to scripts at all: the API keeps it in an HttpOnly, SameSite=Strict cookie on /auth, and
 * the app refreshes by POSTing there. Tabs share what they learn over a BroadcastChannel, so one
 * tab's refresh or sign-out reaches the others.
 */
class SessionStore {
  private session: Session | null = null;
  private listeners = new Set<Listener>();
  private channel: BroadcastChannel | null = null;
  /** Bumped on every change, so a waiting refresh can tell another tab already did its work. */
  version = 0;

  constructor() {
    if (typeof window === 'undefined') return;
    storage()?.removeItem(LEGACY_REFRESH_KEY);
    if (typeof BroadcastChannel !== 'undefined') {
      this.channel = new BroadcastChannel(CHANNEL);
      this.channel.onmessage = (e: MessageEvent<Message>) => {
        if (e.data?.type === 'session') this.set(e.data.session);
        else if (e.data?.type === 'signed-out') this.set(null);
      };
    }
  }

  get current(): Session | null {
    return this.session;
  }

  /** Whether this browser had a session to restore (its refresh cookie is out of the page's reach). */
  get hasSession(): boolean {
    return storage()?.getItem(SIGNED_IN_KEY) === '1';
  }

  signIn(payload: { accessToken: string; user: UserFieldsFragment }): void {
    storage()?.setItem(SIGNED_IN_KEY, '1');
    const session = { accessToken: payload.accessToken, user: payload.user };
    this.set(session);
    this.channel?.postMessage({ type: 'session', session } satisfies Message);
  }

  /**
   * Signs out here and in every tab, and ends the session on the server (POST /auth/logout revokes
   * it and clears the cookie). `server: false` when the server has already said the session is over.
   */
  signOut(opts: { server?: boolean } = {}): void {
    storage()?.removeItem(SIGNED_IN_KEY);
    if (opts.server !== false) {
      // keepalive: the request outlives a page that navigates away straight after signing out.
      void fetch(authUrl('logout'), {
        method: 'POST',
        credentials: 'include',
        keepalive: true,
        headers: { 'x-skillpath-csrf': '1' },
      }).catch(() => undefined);
    }
    this.set(null);
    this.channel?.postMessage({ type: 'signed-out' } satisfies Message);
  }

  subscribe(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private set(session: Session | null): void {
    this.session = session;
    this.version++;
    for (const l of this.listeners) l(session);
  }
}

export const sessionStore = new SessionStore();
