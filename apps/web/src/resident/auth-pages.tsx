import { type FormEvent, useState } from 'react';
import { useMutation } from 'urql';
import { sessionStore } from '../api/session-store';
import { LoginDocument, RegisterDocument, type Role } from '../gql/generated';
import { Link, navigate, usePageTitle } from '../router';
import { ErrorSummary, errorMessage } from '../ui/errors';
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
    if (Object.keys(found).length) {
      document.getElementById(`signup-${Object.keys(found)[0]}`)?.focus();
      return;
    }
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
      <ErrorSummary message={problem} />
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
    if (Object.keys(found).length) {
      document.getElementById(`login-${Object.keys(found)[0]}`)?.focus();
      return;
    }
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
      <ErrorSummary message={problem} />
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
        New to Skillpath? <Link href="/signup">Create an account</Link>
      </p>
    </div>
  );
}
