import { useSyncExternalStore } from 'react';
import { type Session, sessionStore } from './session-store';

export function useSession(): Session | null {
  return useSyncExternalStore(
    (l) => sessionStore.subscribe(l),
    () => sessionStore.current,
  );
}
