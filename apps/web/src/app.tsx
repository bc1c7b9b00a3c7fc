import { lazy, Suspense, useEffect, useState } from 'react';
import { refreshSession } from './api/auth-fetch';
import { sessionStore } from './api/session-store';
import { useSession } from './api/use-session';
import type { Role } from './gql/generated';
import { SiteHeader } from './site-header';
import { Link, navigate, usePageTitle, usePath } from './router';
import { AccountPage } from './resident/account-page';
import { CredentialsPage } from './resident/credentials-page';
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

/** Pages behind a log-in: a signed-out visitor is asked to log in; any other address is a 404. */
const PRIVATE_PATHS = new Set([
  '/check',
  '/skills',
  '/profile',
  '/roles',
  '/roadmap',
  '/notifications',
  '/account',
  '/groups',
  '/credentials',
  '/employer',
  '/provider',
  '/partnership',
]);

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
  const [restoring, setRestoring] = useState(() => !sessionStore.current && sessionStore.hasSession);
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
    if (path === '/account-deleted') return <AccountDeletedPage />;
    if (path === '/signup') return <SignUpPage />;
    if (path === '/login') return <LogInPage />;
    // Keep the query too: a join link (/groups?code=…) still has its code after logging in.
    if (PRIVATE_PATHS.has(path)) return <LogInPage next={path + window.location.search} />;
    if (path !== '/') return <NotFound />;
    return <HomePage />;
  }
  const role = session.user.role;
  switch (path) {
    case '/':
    case '/login':
    case '/signup':
    case '/forgot-password':
    case '/account-deleted':
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
    case '/credentials':
      return role === 'LEARNER' ? <CredentialsPage /> : <Redirect to={homeFor(role)} />;
    case '/groups':
      return role === 'LEARNER' ? <GroupsPage /> : <Redirect to={homeFor(role)} />;
    case '/employer':
      return role === 'EMPLOYER' || role === 'ADMIN' ? (
        <EmployerPage />
      ) : (
        <NotForYou page="employers" role={role} />
      );
    case '/provider':
      return role === 'PROVIDER' || role === 'ADMIN' ? (
        <ProviderPage />
      ) : (
        <NotForYou page="training providers" role={role} />
      );
    case '/partnership':
      return role === 'PARTNER' || role === 'ADMIN' ? (
        <PartnershipPage />
      ) : (
        <NotForYou page="skills partnerships and councils" role={role} />
      );
    default:
      return <NotFound />;
  }
}

function Redirect({ to }: { to: string }) {
  useEffect(() => navigate(to, { replace: true }), [to]);
  return null;
}

function NotFound() {
  usePageTitle('Page not found');
  return (
    <div className="narrow">
      <h1>Page not found</h1>
      <p>If you typed the address, check it is correct.</p>
      <p>If you pasted the address, check you copied all of it.</p>
      <p>
        <Link href="/">Go to the start</Link>
      </p>
    </div>
  );
}

const ROLE_WORDS: Record<string, string> = {
  LEARNER: 'a resident',
  EMPLOYER: 'an employer',
  PROVIDER: 'a training provider',
  PARTNER: 'a skills partnership',
  ADMIN: 'an administrator',
};

/** A page for another kind of account: say so, and where this person's own pages are. */
function NotForYou({ page, role }: { page: string; role: Role }) {
  usePageTitle(`This page is for ${page}`);
  return (
    <div className="narrow">
      <h1>This page is for {page}</h1>
      <p>You are signed in as {ROLE_WORDS[role] ?? 'someone else'}, so there is nothing for you here.</p>
      <p>
        <Link href={homeFor(role)}>Go to your pages</Link>
      </p>
    </div>
  );
}

function AccountDeletedPage() {
  usePageTitle('Your account has been deleted');
  return (
    <div className="narrow">
      <h1>Your account has been deleted</h1>
      <p>We have deleted your profile, skills, roadmaps and messages. You have been signed out.</p>
      <p>
        If you change your mind, you can <Link href="/signup">create a new account</Link> at any time.
      </p>
    </div>
  );
}

const FOOTER_TEXT: Record<string, string> = {
  LEARNER: 'Skillpath helps you find free and low-cost learning that leads to real jobs near you.',
  EMPLOYER: 'Skillpath shows your jobs and accredited courses to residents who are training for them.',
  PROVIDER: 'Skillpath puts your courses in front of residents whose plans need them.',
  PARTNER: 'Skillpath shows your partnership how its residents move from learning into work.',
  ADMIN: 'Skillpath administration.',
};

function Loading() {
  return (
    <p className="loading" role="status">
      Loading…
    </p>
  );
}

export function App() {
  const path = usePath();
  const session = useSession();
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
          <p>{FOOTER_TEXT[session?.user.role ?? 'LEARNER'] ?? FOOTER_TEXT.LEARNER}</p>
        </div>
      </footer>
    </>
  );
}
