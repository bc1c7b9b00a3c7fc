import { type FormEvent, useState } from 'react';
import { useMutation, useQuery } from 'urql';
import {
  OrganisationAccreditationsDocument,
  OrganisationListingsDocument,
  RecordCompletionDocument,
  RecordEnrolmentDocument,
} from '../gql/generated';
import { usePageTitle } from '../router';
import { Announcement, ErrorSummary, errorMessage } from '../ui/errors';
import { TextField } from '../ui/fields';
import { ListingCard, NewListing } from './listing-actions';
import { AccreditationStatus, RequestAccreditation } from './request-accreditation';
import { useOrganisation } from './use-organisation';
import { handle } from '../ui/handlers';

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
    // The learner is asked to confirm; the reply is the same whoever the email belongs to (issue 13).
    const message =
      res.data &&
      ('recordEnrolment' in res.data ? res.data.recordEnrolment : res.data.recordCompletion).message;
    if (message) setDone(message);
  };
  return (
    <form onSubmit={handle(act('enrol'))}>
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
          Ask to confirm enrolment
        </button>
        <button
          type="button"
          className="button button--small button--secondary"
          disabled={completing.fetching}
          onClick={handle(act('complete'))}
        >
          Ask to confirm completion
        </button>
      </p>
    </form>
  );
}

export default function ProviderPage() {
  usePageTitle('Your courses');
  const { org, loading, problem, loaded } = useOrganisation('PROVIDER');
  const organisationId = org?.id ?? '';
  const [listings, refetchListings] = useQuery({
    query: OrganisationListingsDocument,
    variables: { organisationId },
    pause: !org,
    requestPolicy: 'cache-and-network',
  });
  const [acc, refetchAcc] = useQuery({
    query: OrganisationAccreditationsDocument,
    variables: { organisationId },
    pause: !org,
    requestPolicy: 'cache-and-network',
  });
  const [announcement, setAnnouncement] = useState('');
  const changed = (message: string) => {
    setAnnouncement(message);
    refetchListings({ requestPolicy: 'network-only' });
    refetchAcc({ requestPolicy: 'network-only' });
  };
  const courses = listings.data?.organisationListings ?? [];
  const records = acc.data?.organisationAccreditations ?? [];
  return (
    <>
      <h1>{org ? org.name : 'Your courses'}</h1>
      <ErrorSummary message={problem ?? errorMessage(listings.error) ?? errorMessage(acc.error)} />
      {loading && <p role="status">Loading…</p>}
      {loaded && !org && <p>Your account is not linked to a training provider yet.</p>}
      <Announcement message={announcement} />
      {org && (
        <section aria-labelledby="courses-title">
          <h2 id="courses-title">Your courses</h2>
          <NewListing audience="PROVIDER" organisationId={org.id} onDone={changed} />
          {listings.data && courses.length === 0 && <p>You have not published any courses yet.</p>}
          <ul className="plain-list">
            {courses.map((c) => (
              <ListingCard key={c.id} listing={c} audience="PROVIDER" onChanged={changed}>
                <h4 className="h4">Employer accreditation</h4>
                <AccreditationStatus records={records.filter((r) => r.opportunityId === c.id)} />
                <details>
                  <summary>Ask an employer to accredit this course</summary>
                  <RequestAccreditation course={c} onRequested={changed} />
                </details>
                <details>
                  <summary>Confirm an enrolment or completion</summary>
                  <RecordProgress opportunityId={c.id} title={c.title} />
                </details>
              </ListingCard>
            ))}
          </ul>
        </section>
      )}
    </>
  );
}
