import { type FormEvent, useState } from 'react';
import { useMutation, useQuery } from 'urql';
import {
  OrganisationListingsDocument,
  RecordCompletionDocument,
  RecordEnrolmentDocument,
} from '../gql/generated';
import { usePageTitle } from '../router';
import { ErrorSummary, errorMessage } from '../ui/errors';
import { TextField } from '../ui/fields';
import { formatDate, KIND_NAMES, LEVEL_NAMES } from '../ui/format';
import { useOrganisation } from './use-organisation';

function RecordProgress({ opportunityId, title }: { opportunityId: string; title: string }) {
  const [enrolling, enrol] = useMutation(RecordEnrolmentDocument);
  const [completing, complete] = useMutation(RecordCompletionDocument);
  const [email, setEmail] = useState('');
  const [emailError, setEmailError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const act = (which: 'enrol' | 'complete') => async (e: FormEvent) => {
    e.preventDefault();
    if (!/^\S+@\S+\.\S+$/.test(email.trim())) {
      setEmailError('Enter the learner’s email address');
      return;
    }
    setEmailError(null);
    const res =
      which === 'enrol'
        ? await enrol({ opportunityId, learnerEmail: email.trim() })
        : await complete({ opportunityId, learnerEmail: email.trim() });
    if (res.data)
      setDone(
        which === 'enrol'
          ? `Enrolment recorded for ${email.trim()}.`
          : `Completion recorded for ${email.trim()}.`,
      );
  };
  return (
    <form onSubmit={act('enrol')}>
      <TextField
        id={`learner-${opportunityId}`}
        label={`Learner’s email for ${title}`}
        type="email"
        value={email}
        onChange={(e) => setEmail(e.target.value)}
        error={emailError}
      />
      <ErrorSummary message={errorMessage(enrolling.error) ?? errorMessage(completing.error)} />
      {done && (
        <p className="notice notice--success" role="status">
          {done}
        </p>
      )}
      <p className="actions">
        <button type="submit" className="button button--small" disabled={enrolling.fetching}>
          Confirm enrolment
        </button>
        <button
          type="button"
          className="button button--small button--secondary"
          disabled={completing.fetching}
          onClick={act('complete')}
        >
          Confirm completion
        </button>
      </p>
    </form>
  );
}

export default function ProviderPage() {
  usePageTitle('Your courses');
  const { org, loading, problem, loaded } = useOrganisation('PROVIDER');
  const [listings] = useQuery({
    query: OrganisationListingsDocument,
    variables: { organisationId: org?.id ?? '' },
    pause: !org,
  });
  const courses = listings.data?.organisationListings ?? [];
  return (
    <>
      <h1>{org ? org.name : 'Your courses'}</h1>
      <ErrorSummary message={problem ?? errorMessage(listings.error)} />
      {loading && <p role="status">Loading…</p>}
      {loaded && !org && <p>Your account is not linked to a training provider yet.</p>}
      {listings.data && courses.length === 0 && <p>You have not published any courses yet.</p>}
      <ul className="plain-list">
        {courses.map((c) => (
          <li key={c.id} className="card">
            <h2 className="h3">{c.title}</h2>
            <p>
              {KIND_NAMES[c.kind] ?? c.kind}, {c.status === 'ACTIVE' ? 'live' : c.status.toLowerCase()}
              {c.startDate ? `, starts ${formatDate(c.startDate)}` : ''}
            </p>
            <p>
              Teaches:{' '}
              {c.skillsTaught
                .map((s) => `${s.skill.label} (${LEVEL_NAMES[s.level]?.toLowerCase()})`)
                .join(', ') || 'no skills listed'}
            </p>
            <details>
              <summary>Confirm an enrolment or completion</summary>
              <RecordProgress opportunityId={c.id} title={c.title} />
            </details>
          </li>
        ))}
      </ul>
    </>
  );
}
