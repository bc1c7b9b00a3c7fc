import { useEffect, useState } from 'react';
import { useQuery } from 'urql';
import { sessionStore } from './api/session-store';
import { useSession } from './api/use-session';
import { UnreadCountDocument } from './gql/generated';
import { Link } from './router';

const RESIDENT_LINKS = [
  { href: '/roadmap', label: 'My roadmap' },
  { href: '/roles', label: 'Jobs in reach' },
  { href: '/skills', label: 'My skills' },
  { href: '/profile', label: 'About me' },
  { href: '/groups', label: 'Groups' },
  { href: '/credentials', label: 'My credentials' },
];

const ROLE_LINKS: Record<string, Array<{ href: string; label: string }>> = {
  EMPLOYER: [{ href: '/employer', label: 'Employer' }],
  PROVIDER: [{ href: '/provider', label: 'Courses' }],
  PARTNER: [{ href: '/partnership', label: 'Cohorts' }],
  ADMIN: [{ href: '/partnership', label: 'Cohorts' }],
};

/** How often the unread count and the messages list are asked again. */
export const POLL_MS = 30_000;

function UnreadBadge({ path }: { path: string }) {
  const [{ data }, refetch] = useQuery({ query: UnreadCountDocument, requestPolicy: 'network-only' });
  useEffect(() => refetch({ requestPolicy: 'network-only' }), [path, refetch]);
  // New messages show without a reload: ask again every half minute while the page is open and seen.
  useEffect(() => {
    const timer = setInterval(() => {
      if (document.visibilityState === 'visible') refetch({ requestPolicy: 'network-only' });
    }, POLL_MS);
    return () => clearInterval(timer);
  }, [refetch]);
  const count = data?.notifications.length ?? 0;
  if (!count) return null;
  return (
    <span className="badge">
      {count}
      <span className="visually-hidden"> unread</span>
    </span>
  );
}

export function SiteHeader({ path }: { path: string }) {
  const session = useSession();
  // On a phone the links sit behind a Menu button instead of taking 200 px above every page.
  const [open, setOpen] = useState(false);
  useEffect(() => setOpen(false), [path]);
  const links = session
    ? session.user.role === 'LEARNER'
      ? RESIDENT_LINKS
      : (ROLE_LINKS[session.user.role] ?? [])
    : [];
  return (
    <header className="site-header">
      <div className="container site-header__inner">
        <Link href="/" className="brand">
          Skillpath
        </Link>
        {session && (
          <nav aria-label="Main" className={`site-nav${open ? ' site-nav--open' : ''}`}>
            <button
              type="button"
              className="menu-button"
              aria-expanded={open}
              aria-controls="main-nav-list"
              onClick={() => setOpen(!open)}
            >
              Menu
            </button>
            <ul className="nav" id="main-nav-list">
              {links.map((l) => (
                <li key={l.href}>
                  <Link href={l.href} aria-current={path === l.href ? 'page' : undefined}>
                    {l.label}
                  </Link>
                </li>
              ))}
              {session.user.role === 'LEARNER' && (
                <li>
                  <Link href="/notifications" aria-current={path === '/notifications' ? 'page' : undefined}>
                    Messages <UnreadBadge path={path} />
                  </Link>
                </li>
              )}
              <li>
                <Link href="/account" aria-current={path === '/account' ? 'page' : undefined}>
                  Account
                </Link>
              </li>
              <li>
                <button
                  type="button"
                  className="link-button"
                  onClick={() => {
                    sessionStore.signOut();
                    // A full reload drops everything cached for this person.
                    window.location.assign('/');
                  }}
                >
                  Log out
                </button>
              </li>
            </ul>
          </nav>
        )}
      </div>
    </header>
  );
}
