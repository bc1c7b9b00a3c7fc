import { lazy, Suspense, useEffect, useState } from 'react';
import { refreshSession } from './api/auth-fetch';
import { sessionStore } from './api/session-store';
import { useSession } from './api/use-session';
import type { Role } from './gql/generated';
import { SiteHeader } from './site-header';
import { Link, navigate, usePath } from './router';
import { AccountPage } from './resident/account-page';
import { GroupsPage } from './resident/groups-page';
import {
  ForgotPasswordPage,
  LogInPage,
  ResetPasswordPage,
  SignUpPage,
  VerifyEmailPage,
} from './resident/auth-pages';
import { HomePage } from './resident/home-page';
import { NotificationsPage } from './resident/notifications-page';
import { ProfilePage } from './resident/profile-page';
import { RoadmapPage } from './resident/roadmap-page';
import { RolesPage } from './resident/roles-page';
import { SelfCheckPage } from './resident/self-check-page';
import { SkillsPage } from './resident/skills-page';

// Employer, provider and partnership screens are separate chunks: a resident on a phone never loads them.
const EmployerPage = lazy(() => import('./partners/employer-page'));
const ProviderPage = lazy(() => import('./partners/provider-page'));
const PartnershipPage = lazy(() => import('./partners/partnership-page'));

const PUBLIC_PATHS = new Set(['/', '/login', '/signup', '/forgot-password']);

export function homeFor(role: Role): string {
  switch (role) {
    case 'EMPLOYER':
      return '/employer';
    case 'PROVIDER':
      return '/provider';
    case 'PARTNER':
      return '/partnership';
    default:
      return '/roadmap';
  }
}

function useRestoredSession(): boolean {
  const [restoring, setRestoring] = useState(() => !sessionStore.current && !!sessionStore.refreshToken);
  useEffect(() => {
    if (!restoring) return;
    let live = true;
    void refreshSession().finally(() => live && setRestoring(false));
    return () => {
      live = false;
    };
  }, [restoring]);
  return restoring;
}

function Page({ path }: { path: string }) {
  const session = useSession();
  // Emailed links work whether or not someone is signed in on this browser.
  if (path === '/reset-password') return <ResetPasswordPage />;
  if (path === '/verify-email') return <VerifyEmailPage />;
  if (!session) {
    if (path === '/forgot-password') return <ForgotPasswordPage />;
    if (path === '/signup') return <SignUpPage />;
    if (path === '/login' || !PUBLIC_PATHS.has(path))
      // Keep the query too: a join link (/groups?code=…) still has its code after logging in.
      return <LogInPage next={PUBLIC_PATHS.has(path) ? undefined : path + window.location.search} />;
    return <HomePage />;
  }
  const role = session.user.role;
  switch (path) {
    case '/':
    case '/login':
    case '/signup':
    case '/forgot-password':
      return <Redirect to={homeFor(role)} />;
    case '/check':
      return <SelfCheckPage />;
    case '/skills':
      return <SkillsPage />;
    case '/profile':
      return <ProfilePage />;
    case '/roles':
      return <RolesPage />;
    case '/roadmap':
      return role === 'LEARNER' ? <RoadmapPage /> : <Redirect to={homeFor(role)} />;
    case '/notifications':
      return <NotificationsPage />;
    case '/account':
      return <AccountPage />;
    case '/groups':
      return role === 'LEARNER' ? <GroupsPage /> : <Redirect to={homeFor(role)} />;
    case '/employer':
      return <EmployerPage />;
    case '/provider':
      return <ProviderPage />;
    case '/partnership':
      return <PartnershipPage />;
    default:
      return <NotFound />;
  }
}

function Redirect({ to }: { to: string }) {
  useEffect(() => navigate(to, { replace: true }), [to]);
  return null;
}

function NotFound() {
  return (
    <>
      <h1>Page not found</h1>
      <p>
        If you typed the address, check it is correct. <Link href="/">Go to the start</Link>.
      </p>
    </>
  );
}

function Loading() {
  return (
    <p className="loading" role="status">
      Loading…
    </p>
  );
}

export function App() {
  const path = usePath();
  const restoring = useRestoredSession();
  return (
    <>
      <a className="skip-link" href="#main">
        Skip to main content
      </a>
      <SiteHeader path={path} />
      <main id="main" className="container" tabIndex={-1}>
        {restoring ? (
          <Loading />
        ) : (
          <Suspense fallback={<Loading />}>
            <Page path={path} />
          </Suspense>
        )}
      </main>
      <footer className="site-footer">
        <div className="container">
          <p>Skillpath helps you find free and low-cost learning that leads to real jobs near you.</p>
        </div>
      </footer>
    </>
  );
}
