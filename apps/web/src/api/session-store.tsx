import type { UserFieldsFragment } from '../gql/generated';

const REFRESH_KEY = 'skillpath.refreshToken';

export interface Session {
  accessToken: string;
  user: UserFieldsFragment;
}

type Listener = (session: Session | null) => void;

/**
 * Holds the signed-in session. The access token lives only in memory (a script injected into the page
 * cannot read it back from storage); the refresh token is kept in localStorage so a reload or a new tab
 * keeps the person signed in.
 */
class SessionStore {
  private session: Session | null = null;
  private listeners = new Set<Listener>();

  get current(): Session | null {
    return this.session;
  }

  get refreshToken(): string | null {
    try {
      return window.localStorage.getItem(REFRESH_KEY);
    } catch {
      return null;
    }
  }

  signIn(payload: { accessToken: string; refreshToken: string; user: UserFieldsFragment }): void {
    try {
      window.localStorage.setItem(REFRESH_KEY, payload.refreshToken);
    } catch {
      // Private browsing may forbid storage: the session then lasts until the page closes.
    }
    this.set({ accessToken: payload.accessToken, user: payload.user });
  }

  signOut(): void {
    try {
      window.localStorage.removeItem(REFRESH_KEY);
    } catch {
      // nothing stored
    }
    this.set(null);
  }

  subscribe(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private set(session: Session | null): void {
    this.session = session;
    for (const l of this.listeners) l(session);
  }
}

export const sessionStore = new SessionStore();
