import { type FormEvent, useEffect, useRef, useState } from 'react';
import { useMutation } from 'urql';
import { sessionStore } from '../api/session-store';
import {
  LoginDocument,
  RegisterDocument,
  RequestPasswordResetDocument,
  ResetPasswordDocument,
  VerifyEmailDocument,
  type Role,
} from '../gql/generated';
import { Link, navigate, usePageTitle } from '../router';
import { ErrorSummary, errorMessage, fieldProblems } from '../ui/errors';
import { SelectField, TextField } from '../ui/fields';
import { handle } from '../ui/handlers';

function homeFor(role: Role): string {
  return (
    { EMPLOYER: '/employer', PROVIDER: '/provider', PARTNER: '/partnership' }[role as string] ?? '/check'
  );
}

const ACCOUNT_KINDS: Array<{ role: Role; label: string }> = [
  { role: 'LEARNER', label: 'Someone looking to learn or find work' },
  { role: 'EMPLOYER', label: 'An employer' },
  { role: 'PROVIDER', label: 'A training provider' },
  { role: 'PARTNER', label: 'A skills partnership or council' },
];

export function SignUpPage() {
  usePageTitle('Create your account');
  const [, register] = useMutation(RegisterDocument);
  const [form, setForm] = useState({
    displayName: '',
    email: '',
    password: '',
    role: 'LEARNER' as Role,
    organisationName: '',
  });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const found: Record<string, string> = {};
    if (!form.displayName.trim()) found.displayName = 'Enter your name';
    if (!/^\S+@\S+\.\S+$/.test(form.email.trim()))
      found.email = 'Enter an email address like name@example.com';
    if (form.password.length < 10) found.password = 'Your password must be at least 10 characters';
    if (form.role !== 'LEARNER' && !form.organisationName.trim())
      found.organisationName = 'Enter the name of your organisation';
    setErrors(found);
    setProblem(null);
    if (Object.keys(found).length) return;
    setBusy(true);
    const res = await register({
      input: {
        displayName: form.displayName.trim(),
        email: form.email.trim(),
        password: form.password,
        role: form.role,
        organisationName: form.role === 'LEARNER' ? undefined : form.organisationName.trim(),
      },
    });
    setBusy(false);
    if (res.data) {
      sessionStore.signIn(res.data.register);
      navigate(homeFor(res.data.register.user.role));
    } else setProblem(errorMessage(res.error));
  };

  const set = (k: keyof typeof form) => (e: { target: { value: string } }) =>
    setForm({ ...form, [k]: e.target.value });
  return (
    <div className="narrow">
      <h1>Create your account</h1>
      <p>It is free. We only use your details to build your plan, and you can delete them at any time.</p>
      <ErrorSummary message={problem} fields={fieldProblems(errors, 'signup-')} />
      <form onSubmit={handle(submit)} noValidate>
        <TextField
          id="signup-displayName"
          label="Your name"
          autoComplete="name"
          value={form.displayName}
          onChange={set('displayName')}
          error={errors.displayName}
        />
        <TextField
          id="signup-email"
          label="Email address"
          type="email"
          autoComplete="email"
          value={form.email}
          onChange={set('email')}
          error={errors.email}
        />
        <TextField
          id="signup-password"
          label="Create a password"
          hint="At least 10 characters. A few words you will remember works well."
          type="password"
          autoComplete="new-password"
          value={form.password}
          onChange={set('password')}
          error={errors.password}
        />
        <SelectField id="signup-role" label="I am" value={form.role} onChange={set('role')}>
          {ACCOUNT_KINDS.map((k) => (
            <option key={k.role} value={k.role}>
              {k.label}
            </option>
          ))}
        </SelectField>
        {form.role !== 'LEARNER' && (
          <TextField
            id="signup-organisationName"
            label="Organisation name"
            autoComplete="organization"
            value={form.organisationName}
            onChange={set('organisationName')}
            error={errors.organisationName}
          />
        )}
        <button className="button" type="submit" disabled={busy}>
          {busy ? 'Creating your account…' : 'Create account'}
        </button>
      </form>
      <p>
        Already have an account? <Link href="/login">Log in</Link>
      </p>
    </div>
  );
}

export function LogInPage({ next }: { next?: string }) {
  usePageTitle('Log in');
  const [, login] = useMutation(LoginDocument);
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const found: Record<string, string> = {};
    if (!email.trim()) found.email = 'Enter your email address';
    if (!password) found.password = 'Enter your password';
    setErrors(found);
    setProblem(null);
    if (Object.keys(found).length) return;
    setBusy(true);
    const res = await login({ email: email.trim(), password });
    setBusy(false);
    if (res.data) {
      sessionStore.signIn(res.data.login);
      const role = res.data.login.user.role;
      navigate(next ?? (role === 'LEARNER' ? '/roadmap' : homeFor(role)));
    } else setProblem(errorMessage(res.error));
  };

  return (
    <div className="narrow">
      <h1>Log in</h1>
      <ErrorSummary message={problem} fields={fieldProblems(errors, 'login-')} />
      <form onSubmit={handle(submit)} noValidate>
        <TextField
          id="login-email"
          label="Email address"
          type="email"
          autoComplete="email"
          value={email}
          onChange={(e) => setEmail(e.target.value)}
          error={errors.email}
        />
        <TextField
          id="login-password"
          label="Password"
          type="password"
          autoComplete="current-password"
          value={password}
          onChange={(e) => setPassword(e.target.value)}
          error={errors.password}
        />
        <button className="button" type="submit" disabled={busy}>
          {busy ? 'Logging in…' : 'Log in'}
        </button>
      </form>
      <p>
        <Link href="/forgot-password">Forgot your password?</Link>
      </p>
      <p>
        New to Skillpath? <Link href="/signup">Create an account</Link>
      </p>
    </div>
  );
}

/** The token of an emailed link (…/reset-password#token=…), read once and then taken out of the address bar. */
function useLinkToken(): string {
  const [token] = useState(() => new URLSearchParams(window.location.hash.slice(1)).get('token') ?? '');
  useEffect(() => {
    if (window.location.hash) window.history.replaceState(null, '', window.location.pathname);
  }, []);
  return token;
}

const EMAIL_PATTERN = /^\S+@\S+\.\S+$/;

export function ForgotPasswordPage() {
  usePageTitle('Reset your password');
  const [, requestReset] = useMutation(RequestPasswordResetDocument);
  const [email, setEmail] = useState('');
  const [error, setError] = useState<string | undefined>();
  const [problem, setProblem] = useState<string | null>(null);
  const [sentTo, setSentTo] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const found = EMAIL_PATTERN.test(email.trim())
      ? undefined
      : 'Enter an email address like name@example.com';
    setError(found);
    setProblem(null);
    if (found) return;
    setBusy(true);
    const res = await requestReset({ email: email.trim() });
    setBusy(false);
    if (res.data) setSentTo(email.trim());
    else setProblem(errorMessage(res.error));
  };

  if (sentTo)
    return (
      <div className="narrow">
        <h1>Check your email</h1>
        <p>
          If <strong>{sentTo}</strong> belongs to a Skillpath account, we have sent it a link to choose a new
          password. The link works once, for 1 hour.
        </p>
        <p>It can take a few minutes to arrive. Check your spam or junk folder too.</p>
        <p>
          <Link href="/login">Back to log in</Link>
        </p>
      </div>
    );
  return (
    <div className="narrow">
      <h1>Reset your password</h1>
      <p>Enter the email address you use for Skillpath. We will send you a link to choose a new password.</p>
      <ErrorSummary message={problem} fields={fieldProblems({ email: error }, 'forgot-')} />
      <form onSubmit={handle(submit)} noValidate>
        <TextField
          id="forgot-email"
          label="Email address"
          type="email"
          autoComplete="email"
          value={email}
          onChange={(e) => setEmail(e.target.value)}
          error={error}
        />
        <button className="button" type="submit" disabled={busy}>
          {busy ? 'Sending…' : 'Send me a link'}
        </button>
      </form>
      <p>
        Remembered it? <Link href="/login">Log in</Link>
      </p>
    </div>
  );
}

export function ResetPasswordPage() {
  usePageTitle('Choose a new password');
  const token = useLinkToken();
  const [, reset] = useMutation(ResetPasswordDocument);
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | undefined>();
  const [problem, setProblem] = useState<string | null>(null);
  const [done, setDone] = useState(false);
  const [busy, setBusy] = useState(false);

  if (!token)
    return (
      <div className="narrow">
        <h1>Choose a new password</h1>
        <p>
          This page needs the link from your password reset email. Open the link from the email, or{' '}
          <Link href="/forgot-password">ask for a new one</Link>.
        </p>
      </div>
    );

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const found = password.length < 10 ? 'Your password must be at least 10 characters' : undefined;
    setError(found);
    setProblem(null);
    if (found) return;
    setBusy(true);
    const res = await reset({ token, password });
    setBusy(false);
    if (res.data) {
      sessionStore.signOut();
      setDone(true);
    } else setProblem(errorMessage(res.error));
  };

  if (done)
    return (
      <div className="narrow">
        <h1>Your password has been changed</h1>
        <p>We have signed you out everywhere. Log in with your new password.</p>
        <p>
          <Link className="button" href="/login">
            Log in
          </Link>
        </p>
      </div>
    );
  return (
    <div className="narrow">
      <h1>Choose a new password</h1>
      <ErrorSummary message={problem} fields={fieldProblems({ password: error }, 'reset-')} />
      {problem && (
        <p>
          <Link href="/forgot-password">Ask for a new link</Link>
        </p>
      )}
      <form onSubmit={handle(submit)} noValidate>
        <TextField
          id="reset-password"
          label="New password"
          hint="At least 10 characters. A few words you will remember works well."
          type="password"
          autoComplete="new-password"
          value={password}
          onChange={(e) => setPassword(e.target.value)}
          error={error}
        />
        <button className="button" type="submit" disabled={busy}>
          {busy ? 'Saving…' : 'Save new password'}
        </button>
      </form>
    </div>
  );
}

export function VerifyEmailPage() {
  const token = useLinkToken();
  const [state, verify] = useMutation(VerifyEmailDocument);
  const started = useRef(false);
  useEffect(() => {
    if (!token || started.current) return;
    started.current = true;
    void verify({ token });
  }, [token, verify]);
  const ok = !!state.data?.verifyEmail;
  const failed = !token || (!!state.error && !state.fetching);
  usePageTitle(
    ok ? 'Email address confirmed' : failed ? 'We could not confirm your email' : 'Confirming your email',
  );
  return (
    <div className="narrow">
      {ok ? (
        <>
          <h1>Email address confirmed</h1>
          <p>Thank you. If you ever forget your password, we can send a reset link to this address.</p>
          <p>
            <Link href="/">Continue</Link>
          </p>
        </>
      ) : failed ? (
        <>
          <h1>We could not confirm your email</h1>
          <p>
            {token
              ? errorMessage(state.error)
              : 'This page needs the link from your confirmation email. Open the link from the email.'}
          </p>
          <p>
            Log in and go to <Link href="/account">Your account</Link> to get a new link.
          </p>
        </>
      ) : (
        <>
          <h1>Confirming your email</h1>
          <p role="status">Please wait…</p>
        </>
      )}
    </div>
  );
}
