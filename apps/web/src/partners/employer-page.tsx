import { type FormEvent, useState } from 'react';
import { useMutation, useQuery } from 'urql';
import {
  type AccreditationRecordFieldsFragment,
  ApproveAccreditationDocument,
  DeclineAccreditationDocument,
  OrganisationAccreditationsDocument,
  OrganisationListingsDocument,
  RevokeAccreditationDocument,
  VacancyCandidatesDocument,
} from '../gql/generated';
import { usePageTitle } from '../router';
import { ErrorSummary, errorMessage } from '../ui/errors';
import { Checkbox, TextField } from '../ui/fields';
import { formatDate, percent } from '../ui/format';
import { useOrganisation } from './use-organisation';

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
  const [validTo, setValidTo] = useState(oneYearFromToday);
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
            onSubmit={(e) => {
              e.preventDefault();
              void approve({
                id: a.id,
                input: {
                  validTo: new Date(`${validTo}T23:59:59Z`).toISOString(),
                  guaranteedInterview: interview,
                },
              });
            }}
          >
            <TextField
              id={`valid-${a.id}`}
              label="Accredited until"
              type="date"
              value={validTo}
              onChange={(e) => setValidTo(e.target.value)}
              className="input--short"
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

function Candidates({ vacancyId }: { vacancyId: string }) {
  const [{ data, fetching, error }] = useQuery({
    query: VacancyCandidatesDocument,
    variables: { vacancyId },
  });
  if (fetching && !data) return <p role="status">Loading candidates…</p>;
  if (error) return <ErrorSummary message={errorMessage(error)} />;
  const list = data?.vacancyCandidates ?? [];
  if (!list.length) return <p>No consenting candidates fit this job yet.</p>;
  return (
    <div className="table-wrap">
      <table>
        <caption className="visually-hidden">Candidates who agreed to be seen by employers</caption>
        <thead>
          <tr>
            <th scope="col">Fit</th>
            <th scope="col">Borough</th>
            <th scope="col">Progress</th>
            <th scope="col">Still to learn</th>
          </tr>
        </thead>
        <tbody>
          {list.map((c) => (
            <tr key={c.candidateId}>
              <td>{percent(c.fit)}</td>
              <td>{c.borough ?? 'Not given'}</td>
              <td>
                {c.stepsCompleted} of {c.stepsTotal} steps
              </td>
              <td>{c.missingSkills.map((s) => s.label).join(', ') || 'Nothing'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
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
  const [listings] = useQuery({
    query: OrganisationListingsDocument,
    variables: { organisationId },
    pause: !org,
  });
  const [open, setOpen] = useState<string | null>(null);
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
          <section aria-labelledby="vacancies-title">
            <h2 id="vacancies-title">Your vacancies</h2>
            {vacancies.length === 0 && <p>You have no vacancies listed.</p>}
            <ul className="plain-list">
              {vacancies.map((v) => (
                <li key={v.id} className="card">
                  <h3 className="h4">{v.title}</h3>
                  <p>
                    {v.status === 'ACTIVE' ? 'Open' : v.status.toLowerCase()}
                    {v.closingDate ? `, closes ${formatDate(v.closingDate)}` : ''}
                  </p>
                  <button
                    type="button"
                    className="button button--secondary"
                    aria-expanded={open === v.id}
                    onClick={() => setOpen(open === v.id ? null : v.id)}
                  >
                    {open === v.id ? 'Hide candidates' : 'Show candidates'}
                    <span className="visually-hidden"> for {v.title}</span>
                  </button>
                  {open === v.id && <Candidates vacancyId={v.id} />}
                </li>
              ))}
            </ul>
          </section>
        </>
      )}
    </>
  );
}
