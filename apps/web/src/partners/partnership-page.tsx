import { type FormEvent, useState } from 'react';
import { useClient, useMutation, useQuery } from 'urql';
import {
  CohortDashboardCsvDocument,
  CohortDashboardDocument,
  CreateCohortDocument,
  type DashboardFieldsFragment,
  PartnershipHomeDocument,
} from '../gql/generated';
import { usePageTitle } from '../router';
import { Announcement, ErrorSummary, errorCode, errorMessage } from '../ui/errors';
import { SelectField, TextField } from '../ui/fields';
import { countText, DemandSupplyTable, Funnel, JourneySankey } from './cohort-charts';
import { handle } from '../ui/handlers';
import { progressWords } from '../ui/format';

function download(name: string, content: string) {
  const url = URL.createObjectURL(new Blob([content], { type: 'text/csv' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

function Dashboard({ cohortId, initial }: { cohortId: string; initial?: DashboardFieldsFragment | null }) {
  const client = useClient();
  // The first cohort's dashboard comes with the page's one request; another cohort's is fetched.
  const [{ data, fetching, error }] = useQuery({
    query: CohortDashboardDocument,
    variables: { cohortId },
    requestPolicy: 'cache-and-network',
    pause: !!initial,
  });
  const [csvProblem, setCsvProblem] = useState<string | null>(null);
  const d = initial ?? data?.cohortDashboard;
  const exportCsv = async () => {
    setCsvProblem(null);
    const res = await client
      .query(CohortDashboardCsvDocument, { cohortId }, { requestPolicy: 'network-only' })
      .toPromise();
    if (!res.data) return setCsvProblem(errorMessage(res.error));
    for (const f of res.data.cohortDashboardCsv) download(f.name, f.content);
  };
  if (fetching && !d) return <p role="status">Loading the dashboard…</p>;
  if (error) return <ErrorSummary message={errorMessage(error)} />;
  if (!d) return null;
  return (
    <div className="dashboard">
      <p className="muted">
        Numbers from 1 to 4 are shown as “fewer than 5” so that no one can be identified.
      </p>
      <ErrorSummary message={csvProblem} />
      <button type="button" className="button button--secondary" onClick={handle(exportCsv)}>
        Download as CSV
      </button>
      <div className="stat-grid">
        <section className="panel" aria-labelledby="funnel-title">
          <h2 id="funnel-title">Progress funnel</h2>
          <Funnel funnel={d.funnel} />
        </section>
        <section className="panel" aria-labelledby="interviews-title">
          <h2 id="interviews-title">Guaranteed interviews</h2>
          <dl className="facts">
            <div>
              <dt>Promised</dt>
              <dd className={d.interviews.promised.suppressed ? 'suppressed' : undefined}>
                {countText(d.interviews.promised)}
              </dd>
            </div>
            <div>
              <dt>Held</dt>
              <dd className={d.interviews.recorded.suppressed ? 'suppressed' : undefined}>
                {countText(d.interviews.recorded)}
              </dd>
            </div>
          </dl>
        </section>
      </div>
      <section aria-labelledby="journey-title">
        <h2 id="journey-title">The cohort’s journey</h2>
        <JourneySankey journey={d.journey} />
      </section>
      <section aria-labelledby="skills-title">
        <h2 id="skills-title">Skills demand and supply by borough</h2>
        {d.skills.length ? <DemandSupplyTable skills={d.skills} /> : <p>No skills data yet.</p>}
      </section>
      {d.learners.length > 0 && (
        <section aria-labelledby="learners-title">
          <h2 id="learners-title">Learners who agreed to individual monitoring</h2>
          <div
            className="table-wrap"
            role="region"
            aria-label="Learners who agreed to individual monitoring (scrolls sideways)"
            tabIndex={0}
          >
            <table>
              <thead>
                <tr>
                  <th scope="col">Name</th>
                  <th scope="col">Borough</th>
                  <th scope="col">Stage</th>
                  <th scope="col" className="num">
                    Roadmap progress
                  </th>
                </tr>
              </thead>
              <tbody>
                {d.learners.map((l) => (
                  <tr key={l.userId}>
                    <td>{l.displayName}</td>
                    <td>{l.borough ?? 'Not given'}</td>
                    <td>{l.stage}</td>
                    <td className="num">{progressWords(l.stepsCompleted, l.stepsTotal)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>
      )}
    </div>
  );
}

function CreateCohort({
  partnershipId,
  onCreated,
}: {
  partnershipId: string;
  onCreated: (c: { id: string; name: string }) => void;
}) {
  const [creating, create] = useMutation(CreateCohortDocument);
  const [open, setOpen] = useState(false);
  const [name, setName] = useState('');
  const [nameError, setNameError] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    const text = name.trim();
    const bad =
      text.length < 3
        ? 'Enter a name of at least 3 letters, like “Digital returners, spring”'
        : text.length > 120
          ? 'Keep the name to 120 letters or fewer'
          : null;
    setNameError(bad);
    setProblem(null);
    if (bad) {
      document.getElementById('cohort-name')?.focus();
      return;
    }
    const res = await create({ partnershipId, name: text });
    if (res.data) {
      setName('');
      setOpen(false);
      onCreated(res.data.createCohort);
      return;
    }
    if (errorCode(res.error) === 'BAD_USER_INPUT') {
      setNameError(errorMessage(res.error));
      document.getElementById('cohort-name')?.focus();
    } else setProblem(errorMessage(res.error));
  };
  if (!open)
    return (
      <button
        id="new-cohort-toggle"
        type="button"
        className="button button--secondary"
        aria-expanded={false}
        onClick={() => {
          setOpen(true);
          setTimeout(() => document.getElementById('cohort-name')?.focus(), 0);
        }}
      >
        Start a new cohort
      </button>
    );
  return (
    <form className="panel" onSubmit={handle(onSubmit)} noValidate aria-labelledby="new-cohort-title">
      <h2 id="new-cohort-title">Start a new cohort</h2>
      <p>
        You will get a join code to give to residents. They join with it on their phone, and choose whether
        you may see their own progress.
      </p>
      <ErrorSummary message={problem} />
      <TextField
        id="cohort-name"
        label="Cohort name"
        hint="Residents see this name when they join"
        value={name}
        onChange={(e) => setName(e.target.value)}
        error={nameError}
      />
      <p className="actions">
        <button type="submit" className="button" disabled={creating.fetching}>
          {creating.fetching ? 'Creating…' : 'Create cohort'}
        </button>
        <button
          type="button"
          className="button button--secondary"
          onClick={() => {
            setOpen(false);
            setTimeout(() => document.getElementById('new-cohort-toggle')?.focus(), 0);
          }}
        >
          Cancel
        </button>
      </p>
    </form>
  );
}

/** The code residents type, and a link that fills it in for them. */
function JoinCode({ cohort }: { cohort: { name: string; joinCode?: string | null } }) {
  if (!cohort.joinCode) return null;
  const link = `${window.location.origin}/groups?code=${encodeURIComponent(cohort.joinCode)}`;
  return (
    <section className="panel" aria-labelledby="join-code-title">
      <h2 id="join-code-title" className="h3">
        Join code for {cohort.name}
      </h2>
      <p className="join-code">{cohort.joinCode}</p>
      <p>
        Residents type it under <strong>Groups</strong> in Skillpath, or open this link:{' '}
        <a href={link}>{link}</a>
      </p>
    </section>
  );
}

export default function PartnershipPage() {
  usePageTitle('Cohort dashboard');
  const [home, refetchHome] = useQuery({
    query: PartnershipHomeDocument,
    requestPolicy: 'cache-and-network',
  });
  const org =
    home.data?.myOrganisations.find((m) => m.organisation.kind === 'PARTNERSHIP')?.organisation ?? null;
  const loading = home.fetching && !home.data;
  const loaded = !!home.data;
  const [chosen, setChosen] = useState<string | null>(null);
  const [announcement, setAnnouncement] = useState('');
  const list = org?.cohorts ?? [];
  const cohortId = chosen ?? list[0]?.id ?? null;
  const current = list.find((c) => c.id === cohortId);
  return (
    <>
      <h1>Cohort dashboard</h1>
      {org && <p className="lead">{org.name}</p>}
      <ErrorSummary message={errorMessage(home.error)} />
      {loading && <p role="status">Loading…</p>}
      {loaded && !org && <p>Your account is not linked to a skills partnership yet.</p>}
      <Announcement message={announcement} />
      {org && list.length === 0 && <p>You have no cohorts yet.</p>}
      {org && (
        <CreateCohort
          partnershipId={org.id}
          onCreated={(c) => {
            setChosen(c.id);
            setAnnouncement(`Cohort “${c.name}” is ready. Give residents its join code, shown below.`);
            refetchHome({ requestPolicy: 'network-only' });
          }}
        />
      )}
      {list.length > 1 && (
        <SelectField label="Cohort" value={cohortId ?? ''} onChange={(e) => setChosen(e.target.value)}>
          {list.map((c) => (
            <option key={c.id} value={c.id}>
              {c.name}
            </option>
          ))}
        </SelectField>
      )}
      {list.length === 1 && <p>Cohort: {list[0].name}</p>}
      {current && <JoinCode cohort={current} />}
      {cohortId && (
        <Dashboard
          key={cohortId}
          cohortId={cohortId}
          initial={cohortId === list[0]?.id ? org?.firstCohortDashboard : undefined}
        />
      )}
    </>
  );
}
