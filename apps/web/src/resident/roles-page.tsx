import { useEffect, useState } from 'react';
import { useMutation, useQuery } from 'urql';
import {
  PlanRoadmapDocument,
  ReachableRolesDocument,
  SetGoalDocument,
  SkillsToLearnNextDocument,
} from '../gql/generated';
import { Link, navigate, usePageTitle } from '../router';
import { ErrorSummary, errorMessage } from '../ui/errors';
import { percent } from '../ui/format';
import { TextField } from '../ui/fields';
import { StepLabel } from './onboarding';

const PAGE = 10;

export function RolesPage() {
  usePageTitle('Jobs within reach');
  const [{ data, fetching, error }] = useQuery({
    query: ReachableRolesDocument,
    // Every ranked role in one round trip (the API's page limit); the page shows them 10 at a time.
    variables: { first: 100 },
    requestPolicy: 'cache-and-network',
  });
  const [{ data: openings }] = useQuery({
    query: SkillsToLearnNextDocument,
    variables: { first: 3 },
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

  const [shown, setShown] = useState(PAGE);
  const [search, setSearch] = useState('');
  const [focusFrom, setFocusFrom] = useState<number | null>(null);
  const all = data?.reachableRoles ?? [];
  const words = search.trim().toLowerCase().split(/\s+/).filter(Boolean);
  const matching = words.length
    ? all.filter((r) => words.every((w) => r.occupation.title.toLowerCase().includes(w)))
    : all;
  const roles = words.length ? matching : matching.slice(0, shown);
  // After "Show more", the first new role takes the focus, so keyboard users carry on from there.
  useEffect(() => {
    if (focusFrom === null) return;
    document.getElementById(`role-${all[focusFrom]?.occupation.id}`)?.focus();
    setFocusFrom(null);
  }, [focusFrom, all]);
  return (
    <>
      <StepLabel step={4} />
      <h1>Jobs within reach</h1>
      <p>
        These jobs are ranked by how close you already are and how many openings there are near you. Choose
        one as your goal and we will plan the steps to get there.
      </p>
      <ErrorSummary message={errorMessage(error) ?? errorMessage(goal.error) ?? errorMessage(plan.error)} />
      {fetching && !data && <p role="status">Finding jobs that fit you…</p>}
      {all.length > PAGE && (
        <TextField
          id="roles-search"
          label="Search the jobs"
          hint="For example, “data analyst” or “care”."
          type="search"
          value={search}
          onChange={(e) => setSearch(e.target.value)}
        />
      )}
      {words.length > 0 && (
        <p role="status">
          {matching.length === 0
            ? `No job within reach matches “${search.trim()}”.`
            : `${matching.length} job${matching.length === 1 ? '' : 's'} match “${search.trim()}”.`}
        </p>
      )}
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
              <h2 className="h3" id={titleId} tabIndex={-1}>
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
      {!words.length && matching.length > shown && (
        <p>
          <button
            type="button"
            className="button button--secondary"
            onClick={() => {
              setFocusFrom(shown);
              setShown(shown + PAGE);
            }}
          >
            Show {Math.min(PAGE, matching.length - shown)} more jobs
          </button>{' '}
          <span className="muted">
            Showing {shown} of {matching.length}
          </span>
        </p>
      )}
      {(openings?.skillsToLearnNext.length ?? 0) > 0 && (
        <section aria-labelledby="openings-title">
          <h2 id="openings-title">Skills that would open the most jobs</h2>
          <ul className="skill-openings">
            {openings!.skillsToLearnNext.map((o) => (
              <li key={o.skill.id}>{o.message}</li>
            ))}
          </ul>
        </section>
      )}
    </>
  );
}
