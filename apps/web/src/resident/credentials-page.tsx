import { useState } from 'react';
import { useQuery } from 'urql';
import { MyCredentialsDocument } from '../gql/generated';
import { Link, usePageTitle } from '../router';
import { ErrorSummary, errorMessage } from '../ui/errors';
import { formatDate } from '../ui/format';

type Json = Record<string, unknown>;
const obj = (v: unknown): Json => (v && typeof v === 'object' ? (v as Json) : {});

/** What a credential proves, read from its signed payload (a JWS: header.payload.signature). */
function proves(jws: string): { description: string | null; skills: string[]; endorsements: string[] } {
  try {
    const b64 = jws.split('.')[1].replace(/-/g, '+').replace(/_/g, '/');
    const bytes = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
    const payload = obj(JSON.parse(new TextDecoder().decode(bytes)));
    const achievement = obj(obj(obj(payload.vc).credentialSubject).achievement);
    const list = (v: unknown) => (Array.isArray(v) ? v : []);
    return {
      description: typeof achievement.description === 'string' ? achievement.description : null,
      skills: list(achievement.alignment)
        .map((a) => obj(a).targetName)
        .filter((s): s is string => typeof s === 'string'),
      endorsements: list(achievement.endorsement)
        .map((e) => obj(obj(e).credentialSubject).endorsementComment)
        .filter((s): s is string => typeof s === 'string'),
    };
  } catch {
    return { description: null, skills: [], endorsements: [] };
  }
}

function download(name: string, jws: string, verifyUrl: string) {
  const file = new Blob([JSON.stringify({ verifyUrl, credential: jws }, null, 2)], {
    type: 'application/json',
  });
  const url = URL.createObjectURL(file);
  const a = document.createElement('a');
  a.href = url;
  a.download = `${name.replace(/[^A-Za-z0-9]+/g, '-').toLowerCase()}-credential.json`;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** The resident's credentials: what each proves, a link to share with employers, a file to keep. */
export function CredentialsPage() {
  usePageTitle('My credentials');
  const [{ data, fetching, error }] = useQuery({
    query: MyCredentialsDocument,
    requestPolicy: 'cache-and-network',
  });
  const [copied, setCopied] = useState<string | null>(null);
  const list = data?.myCredentials ?? [];
  return (
    <div className="narrow">
      <h1>My credentials</h1>
      <p>
        When you finish an employer-backed course and the provider confirms it, you get a credential. Share
        its link with an employer: they can check it is genuine without an account.
      </p>
      <ErrorSummary message={errorMessage(error)} />
      {fetching && !data && <p role="status">Loading your credentials…</p>}
      {data && list.length === 0 && (
        <p>
          You have no credentials yet. Finish an employer-backed course on{' '}
          <Link href="/roadmap">your roadmap</Link> to earn one.
        </p>
      )}
      <ul className="plain-list">
        {list.map((c) => {
          const p = proves(c.jws);
          const titleId = `credential-${c.id}`;
          return (
            <li key={c.id} className="card">
              <section aria-labelledby={titleId}>
                <h2 className="h3" id={titleId}>
                  {c.achievementName}
                </h2>
                <p className="muted">
                  Issued {formatDate(c.issuedAt)}
                  {c.expiresAt ? `, valid until ${formatDate(c.expiresAt)}` : ''}
                </p>
                <h3 className="h4">What it proves</h3>
                {p.description && <p>{p.description}</p>}
                {p.skills.length > 0 && <p>Skills: {p.skills.join(', ')}.</p>}
                {p.endorsements.map((e) => (
                  <p key={e}>{e}</p>
                ))}
                <h3 className="h4">Share it</h3>
                <p>
                  <a href={c.verifyUrl}>
                    Check this credential<span className="visually-hidden">: {c.achievementName}</span>
                  </a>{' '}
                  (the page an employer sees)
                </p>
                <p className="actions">
                  <button
                    type="button"
                    className="button button--secondary button--small"
                    onClick={() => {
                      void navigator.clipboard
                        ?.writeText(c.verifyUrl)
                        .then(() => setCopied(c.id))
                        .catch(() => setCopied(null));
                    }}
                  >
                    Copy the link<span className="visually-hidden"> to {c.achievementName}</span>
                  </button>
                  <button
                    type="button"
                    className="button button--secondary button--small"
                    onClick={() => download(c.achievementName, c.jws, c.verifyUrl)}
                  >
                    Download<span className="visually-hidden"> {c.achievementName}</span>
                  </button>
                </p>
                <p role="status">
                  {copied === c.id ? 'Link copied. Paste it into an email or application.' : ''}
                </p>
              </section>
            </li>
          );
        })}
      </ul>
    </div>
  );
}
