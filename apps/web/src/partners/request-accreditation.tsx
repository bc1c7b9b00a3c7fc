import { type FormEvent, useState } from 'react';
import { useClient, useMutation } from 'urql';
import {
  type AccreditationRecordFieldsFragment,
  FindEmployersDocument,
  type FindEmployersQuery,
  type ListingFieldsFragment,
  RequestAccreditationDocument,
} from '../gql/generated';
import { ErrorSummary, errorCode, errorMessage } from '../ui/errors';
import { Checkbox, TextField } from '../ui/fields';
import { formatDate } from '../ui/format';
import { handle } from '../ui/handlers';

type Employer = FindEmployersQuery['employers'][number];

const STATUS_TEXT: Record<string, string> = {
  REQUESTED: 'asked, waiting for their decision',
  ACTIVE: 'accredited',
  DECLINED: 'declined',
  REVOKED: 'revoked',
  EXPIRED: 'expired',
};

/** What employers have said about this course so far. */
export function AccreditationStatus({ records }: { records: AccreditationRecordFieldsFragment[] }) {
  if (!records.length) return <p>No employer has been asked to accredit this course yet.</p>;
  return (
    <ul>
      {records.map((r) => (
        <li key={r.id}>
          {r.employerName}: {STATUS_TEXT[r.status] ?? r.status.toLowerCase()}
          {r.status === 'ACTIVE' && r.validTo ? ` until ${formatDate(r.validTo)}` : ''}
          {r.reason ? ` (reason: ${r.reason})` : ''}
        </li>
      ))}
    </ul>
  );
}

/**
 * A provider finds an employer by name and asks it to vouch for some of the skills the course
 * teaches. The employer then approves or declines on its own page.
 */
export function RequestAccreditation({
  course,
  onRequested,
}: {
  course: ListingFieldsFragment;
  onRequested: (message: string) => void;
}) {
  const client = useClient();
  const [requesting, request] = useMutation(RequestAccreditationDocument);
  const prefix = `acc-${course.id}`;
  const [search, setSearch] = useState('');
  const [searchError, setSearchError] = useState<string | null>(null);
  const [searching, setSearching] = useState(false);
  const [found, setFound] = useState<Employer[] | null>(null);
  const [employerId, setEmployerId] = useState('');
  const [employerError, setEmployerError] = useState<string | null>(null);
  const [skillIds, setSkillIds] = useState<string[]>(() => course.skillsTaught.map((s) => s.skill.id));
  const [skillsError, setSkillsError] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);

  const find = async () => {
    const text = search.trim();
    if (text.length < 2) {
      setSearchError('Type at least 2 letters of the employer’s name');
      document.getElementById(`${prefix}-search`)?.focus();
      return;
    }
    setSearchError(null);
    setSearching(true);
    const res = await client
      .query(FindEmployersDocument, { search: text }, { requestPolicy: 'network-only' })
      .toPromise();
    setSearching(false);
    if (!res.data) {
      setSearchError(errorMessage(res.error));
      return;
    }
    setFound(res.data.employers);
    const only = res.data.employers.length === 1 ? res.data.employers[0].id : '';
    setEmployerId(only);
    if (only) setEmployerError(null);
    setTimeout(() => document.getElementById(`${prefix}-results`)?.focus(), 0);
  };

  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    setProblem(null);
    const noEmployer = !employerId;
    const noSkills = skillIds.length === 0;
    setEmployerError(noEmployer ? 'Find and choose the employer to ask' : null);
    setSkillsError(noSkills ? 'Choose at least one skill for the employer to vouch for' : null);
    if (noEmployer || noSkills) {
      document
        .getElementById(
          noEmployer ? `${prefix}-search` : `${prefix}-skill-${course.skillsTaught[0]?.skill.id}`,
        )
        ?.focus();
      return;
    }
    const res = await request({ input: { employerId, opportunityId: course.id, skillIds } });
    if (res.data) {
      const name = res.data.requestAccreditation.employerName;
      setFound(null);
      setSearch('');
      setEmployerId('');
      onRequested(`We have asked ${name} to accredit “${course.title}”. You will see their answer here.`);
      return;
    }
    // "Already asked" is about the employer chosen; anything else goes at the top.
    if (errorCode(res.error) === 'CONFLICT') setEmployerError(errorMessage(res.error));
    else setProblem(errorMessage(res.error));
  };

  return (
    <form onSubmit={handle(onSubmit)} noValidate>
      <ErrorSummary message={problem} />
      <div>
        <TextField
          id={`${prefix}-search`}
          label="Employer’s name"
          hint="Type part of the name, then choose Find"
          value={search}
          onChange={(e) => setSearch(e.target.value)}
          onKeyDown={(e) => {
            // Enter in the search box searches; it does not send the request.
            if (e.key === 'Enter') {
              e.preventDefault();
              void find();
            }
          }}
          error={searchError ?? employerError}
        />
        <button
          type="button"
          className="button button--secondary"
          onClick={handle(find)}
          disabled={searching}
        >
          {searching ? 'Finding…' : 'Find'}
        </button>
        {found && (
          <fieldset id={`${prefix}-results`} tabIndex={-1} className="field form-section">
            <legend>
              {found.length === 0
                ? 'No employer has that name on Skillpath. Check the spelling, or try part of the name.'
                : `Choose the employer (${found.length} found)`}
            </legend>
            {found.map((o) => (
              <div className="radio" key={o.id}>
                <input
                  type="radio"
                  id={`${prefix}-employer-${o.id}`}
                  name={`${prefix}-employer`}
                  checked={employerId === o.id}
                  onChange={() => {
                    setEmployerId(o.id);
                    setEmployerError(null);
                  }}
                />
                <label htmlFor={`${prefix}-employer-${o.id}`}>
                  {o.name}
                  {o.borough ? `, ${o.borough}` : ''}
                </label>
              </div>
            ))}
          </fieldset>
        )}
      </div>
      <fieldset
        className={`field${skillsError ? ' field--error' : ''}`}
        aria-describedby={skillsError ? `${prefix}-skills-error` : undefined}
      >
        <legend>Skills you would like them to vouch for</legend>
        {skillsError && (
          <p className="field-error" id={`${prefix}-skills-error`}>
            <span className="visually-hidden">Error: </span>
            {skillsError}
          </p>
        )}
        {course.skillsTaught.map((s) => (
          <Checkbox
            key={s.skill.id}
            id={`${prefix}-skill-${s.skill.id}`}
            label={s.skill.label}
            checked={skillIds.includes(s.skill.id)}
            onChange={(e) =>
              setSkillIds(
                e.target.checked ? [...skillIds, s.skill.id] : skillIds.filter((x) => x !== s.skill.id),
              )
            }
          />
        ))}
      </fieldset>
      <button type="submit" className="button" disabled={requesting.fetching}>
        {requesting.fetching ? 'Sending…' : 'Ask for accreditation'}
      </button>
    </form>
  );
}
