import { useState } from 'react';
import { useMutation, useQuery } from 'urql';
import { PlanRoadmapDocument, ReachableRolesDocument, SetGoalDocument } from '../gql/generated';
import { Link, navigate, usePageTitle } from '../router';
import { ErrorSummary, errorMessage } from '../ui/errors';
import { percent } from '../ui/format';

export function RolesPage() {
  usePageTitle('Jobs within reach');
  const [{ data, fetching, error }] = useQuery({
    query: ReachableRolesDocument,
    variables: { first: 10 },
    requestPolicy: 'cache-and-network',
  });
  const [goal, setGoal] = useMutation(SetGoalDocument);
  const [plan, planRoadmap] = useMutation(PlanRoadmapDocument);
  const [choosing, setChoosing] = useState<string | null>(null);

  const choose = async (occupationId: string) => {
    setChoosing(occupationId);
    const set = await setGoal({ input: { occupationId } });
    if (set.data && (await planRoadmap({})).data) navigate('/roadmap');
    setChoosing(null);
  };

  const roles = data?.reachableRoles ?? [];
  return (
    <>
      <p className="step-label">Step 4 of 4</p>
      <h1>Jobs within reach</h1>
      <p>
        These jobs are ranked by how close you already are and how many openings there are near you. Choose
        one as your goal and we will plan the steps to get there.
      </p>
      <ErrorSummary message={errorMessage(error) ?? errorMessage(goal.error) ?? errorMessage(plan.error)} />
      {fetching && !data && <p role="status">Finding jobs that fit you…</p>}
      {data && roles.length === 0 && (
        <p>
          We could not find jobs for you yet. <Link href="/skills">Add more of your skills</Link> or{' '}
          <Link href="/profile">travel a bit further</Link>.
        </p>
      )}
      <ol className="role-list">
        {roles.map((r) => {
          const titleId = `role-${r.occupation.id}`;
          return (
            <li key={r.occupation.id} className="card role">
              <h2 className="h3" id={titleId}>
                {r.occupation.title}
              </h2>
              <div className="fit">
                <span>You already have {percent(r.fit)} of the skills</span>
                <meter
                  min={0}
                  max={1}
                  value={r.fit}
                  aria-label={`Skills you have for ${r.occupation.title}`}
                />
              </div>
              <dl className="facts">
                <div>
                  <dt>Learning needed</dt>
                  <dd>{r.gapHours > 0 ? `about ${Math.round(r.gapHours)} hours` : 'none'}</dd>
                </div>
                <div>
                  <dt>Jobs near you</dt>
                  <dd>{r.localVacancies}</dd>
                </div>
              </dl>
              <p>{r.explanation}</p>
              {r.missingSkills.length > 0 && (
                <details>
                  <summary>What’s missing ({r.missingSkills.length})</summary>
                  <ul>
                    {r.missingSkills.map((s) => (
                      <li key={s.id}>{s.label}</li>
                    ))}
                  </ul>
                </details>
              )}
              <button
                type="button"
                className="button"
                onClick={() => void choose(r.occupation.id)}
                disabled={choosing !== null}
              >
                {choosing === r.occupation.id ? 'Planning your roadmap…' : 'Make this my goal'}
                <span className="visually-hidden">: {r.occupation.title}</span>
              </button>
            </li>
          );
        })}
      </ol>
    </>
  );
}
