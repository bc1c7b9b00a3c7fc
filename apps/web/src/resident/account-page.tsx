import { type FormEvent, useState } from 'react';
import { useClient, useMutation, useQuery } from 'urql';
import { sessionStore } from '../api/session-store';
import { useSession } from '../api/use-session';
import {
  DeleteMyAccountDocument,
  ExportMyDataDocument,
  MeDocument,
  RequestEmailVerificationDocument,
} from '../gql/generated';
import { usePageTitle } from '../router';
import { ErrorSummary, errorMessage } from '../ui/errors';
import { TextField } from '../ui/fields';
import { handle } from '../ui/handlers';

export function AccountPage() {
  usePageTitle('Your account');
  const session = useSession();
  const client = useClient();
  const [deleting, deleteAccount] = useMutation(DeleteMyAccountDocument);
  const [exportProblem, setExportProblem] = useState<string | null>(null);
  const [exporting, setExporting] = useState(false);
  const [me] = useQuery({ query: MeDocument, requestPolicy: 'network-only' });
  const [verifying, requestVerification] = useMutation(RequestEmailVerificationDocument);
  const [password, setPassword] = useState('');
  const [passwordError, setPasswordError] = useState<string | null>(null);

  const download = async () => {
    setExporting(true);
    setExportProblem(null);
    const res = await client.query(ExportMyDataDocument, {}, { requestPolicy: 'network-only' }).toPromise();
    setExporting(false);
    if (!res.data) {
      setExportProblem(errorMessage(res.error));
      return;
    }
    const blob = new Blob([JSON.stringify(res.data.exportMyData, null, 2)], { type: 'application/json' });
    const url = URL.createObjectURL(blob);
    const a = document.createElement('a');
    a.href = url;
    a.download = 'skillpath-my-data.json';
    document.body.appendChild(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  };

  const onDelete = async (e: FormEvent) => {
    e.preventDefault();
    if (!password) {
      setPasswordError('Enter your password to confirm');
      document.getElementById('delete-password')?.focus();
      return;
    }
    setPasswordError(null);
    const res = await deleteAccount({ password });
    if (res.data?.deleteMyAccount) {
      sessionStore.signOut();
      window.location.assign('/account-deleted');
    } else if (res.error?.graphQLErrors[0]?.extensions?.code === 'UNAUTHENTICATED') {
      setPasswordError('That password is not right');
      document.getElementById('delete-password')?.focus();
    }
  };

  return (
    <div className="narrow">
      <h1>Your account</h1>
      {session && (
        <p>
          Signed in as {session.user.displayName} ({session.user.email}).
        </p>
      )}
      {me.data?.me && !me.data.me.emailVerified && (
        <section aria-labelledby="verify-title" className="panel">
          <h2 id="verify-title">Confirm your email address</h2>
          {verifying.data ? (
            <p role="status">
              We have sent a new link to {me.data.me.email}. Open it to confirm your address. It works for 7
              days.
            </p>
          ) : (
            <>
              <p>
                We sent a link to {me.data.me.email} when you signed up. Confirm your address so we can send
                you a reset link if you forget your password.
              </p>
              <ErrorSummary message={errorMessage(verifying.error)} />
              <button
                type="button"
                className="button button--secondary"
                disabled={verifying.fetching}
                onClick={() => void requestVerification({})}
              >
                Send me a new link
              </button>
            </>
          )}
        </section>
      )}
      <section aria-labelledby="export-title" className="panel">
        <h2 id="export-title">Download your data</h2>
        <p>Get a copy of everything Skillpath holds about you, as a file you can keep or take elsewhere.</p>
        <ErrorSummary message={exportProblem} />
        <button
          type="button"
          className="button button--secondary"
          onClick={handle(download)}
          disabled={exporting}
        >
          {exporting ? 'Preparing your file…' : 'Download my data'}
        </button>
      </section>
      <section aria-labelledby="delete-title" className="panel panel--danger">
        <h2 id="delete-title">Delete your account</h2>
        <p>This deletes your profile, skills, roadmaps and messages for good. It cannot be undone.</p>
        <ErrorSummary
          message={
            deleting.error?.graphQLErrors[0]?.extensions?.code === 'UNAUTHENTICATED'
              ? null
              : errorMessage(deleting.error)
          }
        />
        <form onSubmit={handle(onDelete)} noValidate>
          <TextField
            id="delete-password"
            label="Your password"
            type="password"
            autoComplete="current-password"
            value={password}
            onChange={(e) => setPassword(e.target.value)}
            error={passwordError}
          />
          <button type="submit" className="button button--danger" disabled={deleting.fetching}>
            {deleting.fetching ? 'Deleting…' : 'Delete my account'}
          </button>
        </form>
      </section>
    </div>
  );
}
