import { useState } from 'react';
import { useClient, useQuery } from 'urql';
import {
  CohortDashboardCsvDocument,
  CohortDashboardDocument,
  PartnershipCohortsDocument,
} from '../gql/generated';
import { usePageTitle } from '../router';
import { ErrorSummary, errorMessage } from '../ui/errors';
import { SelectField } from '../ui/fields';
import { countText, DemandSupplyTable, Funnel, JourneySankey } from './cohort-charts';
import { useOrganisation } from './use-organisation';

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

function Dashboard({ cohortId }: { cohortId: string }) {
  const client = useClient();
  const [{ data, fetching, error }] = useQuery({
    query: CohortDashboardDocument,
    variables: { cohortId },
    requestPolicy: 'cache-and-network',
  });
  const [csvProblem, setCsvProblem] = useState<string | null>(null);
  const d = data?.cohortDashboard;
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
      <button type="button" className="button button--secondary" onClick={exportCsv}>
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
          <div className="table-wrap">
            <table>
              <thead>
                <tr>
                  <th scope="col">Name</th>
                  <th scope="col">Borough</th>
                  <th scope="col">Stage</th>
                  <th scope="col" className="num">
                    Steps done
                  </th>
                </tr>
              </thead>
              <tbody>
                {d.learners.map((l) => (
                  <tr key={l.userId}>
                    <td>{l.displayName}</td>
                    <td>{l.borough ?? 'Not given'}</td>
                    <td>{l.stage}</td>
                    <td className="num">
                      {l.stepsCompleted} of {l.stepsTotal}
                    </td>
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

export default function PartnershipPage() {
  usePageTitle('Cohort dashboard');
  const { org, loading, problem, loaded } = useOrganisation('PARTNERSHIP');
  const [cohorts] = useQuery({
    query: PartnershipCohortsDocument,
    variables: { partnershipId: org?.id ?? '' },
    pause: !org,
  });
  const [chosen, setChosen] = useState<string | null>(null);
  const list = cohorts.data?.partnershipCohorts ?? [];
  const cohortId = chosen ?? list[0]?.id ?? null;
  return (
    <>
      <h1>Cohort dashboard</h1>
      {org && <p className="lead">{org.name}</p>}
      <ErrorSummary message={problem ?? errorMessage(cohorts.error)} />
      {loading && <p role="status">Loading…</p>}
      {loaded && !org && <p>Your account is not linked to a skills partnership yet.</p>}
      {cohorts.data && list.length === 0 && <p>You have no cohorts yet.</p>}
      {list.length > 1 && (
        <SelectField label="Cohort" value={cohortId ?? ''} onChange={(e) => setChosen(e.target.value)}>
          {list.map((c) => (
            <option key={c.id} value={c.id}>
              {c.name}
            </option>
          ))}
        </SelectField>
      )}
      {list.length === 1 && (
        <p>
          Cohort: {list[0].name}
          {list[0].joinCode ? ` (join code ${list[0].joinCode})` : ''}
        </p>
      )}
      {cohortId && <Dashboard cohortId={cohortId} />}
    </>
  );
}
