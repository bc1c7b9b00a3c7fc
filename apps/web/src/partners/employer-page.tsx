import { type FormEvent, useEffect, useState } from 'react';
import { useMutation, useQuery } from 'urql';
import {
  type AccreditationRecordFieldsFragment,
  ApproveAccreditationDocument,
  DeclineAccreditationDocument,
  OrganisationAccreditationsDocument,
  OrganisationListingsDocument,
  ExpressInterestDocument,
  RevokeAccreditationDocument,
  VacancyCandidatesDocument,
  type VacancyCandidatesQuery,
  VacancyInterestsDocument,
} from '../gql/generated';
import { usePageTitle } from '../router';
import { Announcement, ErrorSummary, errorMessage } from '../ui/errors';
import { Checkbox, TextArea, TextField } from '../ui/fields';
import { AcceptedCandidate } from './accepted-candidate';
import { ListingCard, NewListing } from './listing-actions';
import { formatDate, percent, progressWords } from '../ui/format';
import { DateField, type DateParts, partsOf, readDate } from '../ui/date-field';
import { useOrganisation } from './use-organisation';
import { handle } from '../ui/handlers';

const STATUS_LABEL: Record<string, string> = {
  REQUESTED: 'Waiting for your decision',
  ACTIVE: 'Accredited',
  DECLINED: 'Declined',
  REVOKED: 'Revoked',
  EXPIRED: 'Expired',
};

function oneYearFromToday(): string {
  const d = new Date();
  d.setUTCFullYear(d.getUTCFullYear() + 1);
  return d.toISOString().slice(0, 10);
}

function AccreditationCard({ a }: { a: AccreditationRecordFieldsFragment }) {
  const [approving, approve] = useMutation(ApproveAccreditationDocument);
  const [declining, decline] = useMutation(DeclineAccreditationDocument);
  const [revoking, revoke] = useMutation(RevokeAccreditationDocument);
  const [validTo, setValidTo] = useState<DateParts>(() => partsOf(oneYearFromToday()));
  const [dateError, setDateError] = useState<string | null>(null);
  const [interview, setInterview] = useState(false);
  const [reason, setReason] = useState('');
  const [reasonError, setReasonError] = useState<string | null>(null);
  const busy = approving.fetching || declining.fetching || revoking.fetching;
  const titleId = `acc-${a.id}`;

  const withReason = (act: (v: { id: string; reason: string }) => unknown) => (e: FormEvent) => {
    e.preventDefault();
    if (!reason.trim()) {
      setReasonError('Enter a reason, so the provider knows what to change');
      document.getElementById(`reason-${a.id}`)?.focus();
      return;
    }
    setReasonError(null);
    void act({ id: a.id, reason: reason.trim() });
  };

  return (
    <li className="card" aria-labelledby={titleId}>
      <h3 className="h4" id={titleId}>
        {a.courseTitle}
      </h3>
      <p>
        <strong>Status: </strong>
        {STATUS_LABEL[a.status] ?? a.status}
        {a.status === 'ACTIVE' && a.validTo ? `, until ${formatDate(a.validTo)}` : ''}
        {a.guaranteedInterview ? ' (with a guaranteed interview)' : ''}
      </p>
      <p>
        <strong>{a.providerName}</strong> asked on {formatDate(a.requestedAt)}. The course runs:{' '}
        {a.courseWhere}
        {a.courseStarts ? `, starting ${formatDate(a.courseStarts)}` : ''}.
      </p>
      <p>Skills to vouch for: {a.skills.map((s) => s.label).join(', ') || 'none named'}</p>
      {a.reason && <p>Reason: {a.reason}</p>}
      <ErrorSummary
        message={
          errorMessage(approving.error) ?? errorMessage(declining.error) ?? errorMessage(revoking.error)
        }
      />
      {a.status === 'REQUESTED' && (
        <>
          <form
            noValidate
            onSubmit={(e) => {
              e.preventDefault();
              const read = readDate(validTo, 'the date the accreditation ends', { future: true });
              if ('error' in read) {
                setDateError(read.error);
                return;
              }
              setDateError(null);
              void approve({
                id: a.id,
                input: {
                  validTo: new Date(`${read.iso}T23:59:59Z`).toISOString(),
                  guaranteedInterview: interview,
                },
              });
            }}
          >
            <ErrorSummary fields={dateError ? [{ id: `valid-${a.id}`, text: dateError }] : []} />
            <DateField
              id={`valid-${a.id}`}
              legend="Accredited until"
              hint="For example, 27 3 2027. Usually a year from today."
              value={validTo}
              onChange={setValidTo}
              error={dateError}
            />
            <Checkbox
              label="Offer an interview to everyone who completes it"
              checked={interview}
              onChange={(e) => setInterview(e.target.checked)}
            />
            <button type="submit" className="button" disabled={busy}>
              Approve<span className="visually-hidden"> {a.courseTitle}</span>
            </button>
          </form>
          <form onSubmit={withReason((v) => decline(v))}>
            <TextField
              id={`reason-${a.id}`}
              label="Reason for declining"
              value={reason}
              onChange={(e) => setReason(e.target.value)}
              error={reasonError}
            />
            <button type="submit" className="button button--secondary" disabled={busy}>
              Decline<span className="visually-hidden"> {a.courseTitle}</span>
            </button>
          </form>
        </>
      )}
      {a.status === 'ACTIVE' && (
        <form onSubmit={withReason((v) => revoke(v))}>
          <TextField
            id={`reason-${a.id}`}
            label="Reason for revoking"
            value={reason}
            onChange={(e) => setReason(e.target.value)}
            error={reasonError}
          />
          <button type="submit" className="button button--danger" disabled={busy}>
            Revoke<span className="visually-hidden"> {a.courseTitle}</span>
          </button>
        </form>
      )}
    </li>
  );
}

const INTEREST_TEXT: Record<string, string> = {
  PENDING: 'Asked, waiting for their answer',
  ACCEPTED: 'Said yes',
  DECLINED: 'Said no thanks',
};

type CandidateView = VacancyCandidatesQuery['vacancyCandidates'][number];

/** The employer writes a short note; the candidate decides whether to share their name and email. */
function InterestForm({
  vacancyId,
  vacancyTitle,
  candidate,
  number,
  onSent,
  onCancel,
}: {
  vacancyId: string;
  vacancyTitle: string;
  candidate: CandidateView;
  number: number;
  onSent: () => void;
  onCancel: () => void;
}) {
  const [sending, send] = useMutation(ExpressInterestDocument);
  const [message, setMessage] = useState('');
  const [messageError, setMessageError] = useState<string | null>(null);
  const fieldId = `interest-message-${vacancyId}`;
  // The form opens from a button in the table: take the focus to where they type.
  useEffect(() => document.getElementById(fieldId)?.focus(), [fieldId, candidate.candidateId]);
  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    const text = message.trim();
    if (text.length < 10) {
      setMessageError('Write a short message of at least 10 letters, saying why you would like to talk');
      document.getElementById(fieldId)?.focus();
      return;
    }
    if (text.length > 1000) {
      setMessageError('Keep the message to 1,000 letters or fewer');
      document.getElementById(fieldId)?.focus();
      return;
    }
    setMessageError(null);
    const res = await send({ vacancyId, candidateId: candidate.candidateId, message: text });
    if (res.data) onSent();
  };
  return (
    <form onSubmit={handle(onSubmit)} noValidate className="panel" aria-labelledby={`${fieldId}-title`}>
      <h5 className="h4" id={`${fieldId}-title`}>
        Contact candidate {number} ({percent(candidate.fit)} fit)
      </h5>
      <p>
        They will get your message and can say yes or no. You will only see their name and email if they say
        yes.
      </p>
      <ErrorSummary message={errorMessage(sending.error)} />
      <TextArea
        id={fieldId}
        label={`Your message about ${vacancyTitle}`}
        hint="For example: We liked your skills and would like to invite you to apply."
        value={message}
        onChange={(e) => setMessage(e.target.value)}
        error={messageError}
      />
      <p className="actions">
        <button type="submit" className="button" disabled={sending.fetching}>
          {sending.fetching ? 'Sending…' : 'Send message'}
        </button>
        <button type="button" className="button button--secondary" onClick={onCancel}>
          Cancel
        </button>
      </p>
    </form>
  );
}

function Candidates({ vacancyId, vacancyTitle }: { vacancyId: string; vacancyTitle: string }) {
  const [{ data, fetching, error }, refetch] = useQuery({
    query: VacancyCandidatesDocument,
    variables: { vacancyId },
    requestPolicy: 'cache-and-network',
  });
  const [interests, refetchInterests] = useQuery({
    query: VacancyInterestsDocument,
    variables: { vacancyId },
    requestPolicy: 'cache-and-network',
  });
  const [contacting, setContacting] = useState<string | null>(null);
  const [sent, setSent] = useState('');
  if (fetching && !data) return <p role="status">Loading candidates…</p>;
  if (error) return <ErrorSummary message={errorMessage(error)} />;
  const list = data?.vacancyCandidates ?? [];
  const accepted = (interests.data?.vacancyInterests ?? []).filter((i) => i.status === 'ACCEPTED');
  return (
    <>
      {sent && (
        <p className="notice notice--success" role="status">
          {sent}
        </p>
      )}
      {list.length === 0 ? (
        <p>No consenting candidates fit this job yet.</p>
      ) : (
        <ul className="plain-list" aria-label={`Candidates for ${vacancyTitle}`}>
          {list.map((c, i) => (
            <li key={c.candidateId} className="card candidate" aria-labelledby={`cand-${c.candidateId}`}>
              <h4 id={`cand-${c.candidateId}`}>
                Candidate {i + 1}: {percent(c.fit)} fit
              </h4>
              <dl className="facts">
                <div>
                  <dt>Borough</dt>
                  <dd>{c.borough ?? 'Not given'}</dd>
                </div>
                <div>
                  <dt>Roadmap progress</dt>
                  <dd>{progressWords(c.stepsCompleted, c.stepsTotal)}</dd>
                </div>
                <div>
                  <dt>Still to learn</dt>
                  <dd>{c.missingSkills.map((s) => s.label).join(', ') || 'Nothing'}</dd>
                </div>
              </dl>
              {c.interestStatus ? (
                <p>
                  <strong>Contact: </strong>
                  {INTEREST_TEXT[c.interestStatus] ?? c.interestStatus}
                </p>
              ) : contacting === c.candidateId ? (
                <InterestForm
                  vacancyId={vacancyId}
                  vacancyTitle={vacancyTitle}
                  candidate={c}
                  number={i + 1}
                  onCancel={() => setContacting(null)}
                  onSent={() => {
                    setContacting(null);
                    setSent(
                      `Message sent to candidate ${i + 1}. We will show their name and email here if they say yes.`,
                    );
                    refetch({ requestPolicy: 'network-only' });
                    refetchInterests({ requestPolicy: 'network-only' });
                  }}
                />
              ) : (
                <button
                  type="button"
                  className="button button--small button--secondary"
                  onClick={() => {
                    setSent('');
                    setContacting(c.candidateId);
                  }}
                >
                  Say you are interested<span className="visually-hidden"> in candidate {i + 1}</span>
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
      {accepted.length > 0 && (
        <>
          <h4 id={`accepted-${vacancyId}`}>People who said yes</h4>
          <p>Once you have interviewed someone, or they have started work with you, record it here.</p>
          <ul className="plain-list" aria-labelledby={`accepted-${vacancyId}`}>
            {accepted.map((i) => (
              <AcceptedCandidate key={i.id} interest={i} />
            ))}
          </ul>
        </>
      )}
    </>
  );
}

export default function EmployerPage() {
  usePageTitle('Employer');
  const { org, loading, problem, loaded } = useOrganisation('EMPLOYER');
  const organisationId = org?.id ?? '';
  const [acc] = useQuery({
    query: OrganisationAccreditationsDocument,
    variables: { organisationId },
    pause: !org,
    requestPolicy: 'cache-and-network',
  });
  const [listings, refetchListings] = useQuery({
    query: OrganisationListingsDocument,
    variables: { organisationId },
    pause: !org,
    requestPolicy: 'cache-and-network',
  });
  const [open, setOpen] = useState<string | null>(null);
  const [announcement, setAnnouncement] = useState('');
  const changed = (message: string) => {
    setAnnouncement(message);
    refetchListings({ requestPolicy: 'network-only' });
  };
  const records = acc.data?.organisationAccreditations ?? [];
  const waiting = records.filter((a) => a.status === 'REQUESTED');
  const others = records.filter((a) => a.status !== 'REQUESTED');
  const vacancies = (listings.data?.organisationListings ?? []).filter(
    (l) => l.kind === 'VACANCY' || l.kind === 'APPRENTICESHIP',
  );

  return (
    <>
      <h1>{org ? org.name : 'Employer'}</h1>
      <ErrorSummary message={problem ?? errorMessage(acc.error) ?? errorMessage(listings.error)} />
      {loading && <p role="status">Loading…</p>}
      {loaded && !org && (
        <p>Your account is not linked to an employer yet. Ask your organisation’s owner to invite you.</p>
      )}
      {org && (
        <>
          <section aria-labelledby="vacancies-title">
            <h2 id="vacancies-title">Your jobs</h2>
            <Announcement message={announcement} />
            <NewListing audience="EMPLOYER" organisationId={org.id} onDone={changed} />
            {vacancies.length === 0 && <p>You have no jobs listed.</p>}
            <ul className="plain-list">
              {vacancies.map((v) => (
                <ListingCard key={v.id} listing={v} audience="EMPLOYER" onChanged={changed}>
                  <button
                    type="button"
                    className="button button--secondary"
                    aria-expanded={open === v.id}
                    onClick={() => setOpen(open === v.id ? null : v.id)}
                  >
                    {open === v.id ? 'Hide candidates' : 'Show candidates'}
                    <span className="visually-hidden"> for {v.title}</span>
                  </button>
                  {open === v.id && <Candidates vacancyId={v.id} vacancyTitle={v.title} />}
                </ListingCard>
              ))}
            </ul>
          </section>
          <section aria-labelledby="requests-title">
            <h2 id="requests-title">Accreditation requests ({waiting.length})</h2>
            <p>
              Training providers ask you to vouch that a course teaches the skills you hire for. Learners see
              your name on it.
            </p>
            {waiting.length === 0 ? (
              <p>No requests are waiting for you.</p>
            ) : (
              <ul className="plain-list">
                {waiting.map((a) => (
                  <AccreditationCard key={a.id} a={a} />
                ))}
              </ul>
            )}
          </section>
          <section aria-labelledby="accredited-title">
            <h2 id="accredited-title">Courses you have decided on</h2>
            {others.length === 0 ? (
              <p>None yet.</p>
            ) : (
              <ul className="plain-list">
                {others.map((a) => (
                  <AccreditationCard key={a.id} a={a} />
                ))}
              </ul>
            )}
          </section>
        </>
      )}
    </>
  );
}
