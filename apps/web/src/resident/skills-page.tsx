import { useEffect, useRef, useState } from 'react';
import { useMutation, useQuery } from 'urql';
import { LearnerProfileDocument, SetSkillsDocument } from '../gql/generated';
import { navigate, usePageTitle } from '../router';
import { ErrorSummary, errorMessage } from '../ui/errors';
import { LEVEL_NAMES } from '../ui/format';
import { type PickedSkill, SkillSearch } from './skill-search';
import { DescribeSkills } from './describe-skills';
import { handle } from '../ui/handlers';
import { StepLabel, useOnboarding } from './onboarding';

interface Row extends PickedSkill {
  level: number;
}

export function SkillsPage() {
  usePageTitle('Your skills');
  const [{ data }] = useQuery({ query: LearnerProfileDocument, requestPolicy: 'cache-and-network' });
  const [saving, save] = useMutation(SetSkillsDocument);
  const [rows, setRows] = useState<Row[] | null>(null);
  const [status, setStatus] = useState<'idle' | 'saving' | 'saved' | 'failed'>('idle');
  const [problem, setProblem] = useState<string | null>(null);
  const queue = useRef<Promise<unknown>>(Promise.resolve());
  const pendingSaves = useRef(0);
  const onboarding = useOnboarding();
  const profile = data?.learnerProfile;

  // Leaving while a change is unsaved (still sending, or refused) asks first.
  useEffect(() => {
    if (status !== 'saving' && status !== 'failed') return;
    const warn = (e: BeforeUnloadEvent) => e.preventDefault();
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [status]);

  useEffect(() => {
    if (rows || !profile) return;
    setRows(
      profile.skills
        .filter((s) => !s.skill.essentialDigital)
        .map((s) => ({ id: s.skill.id, label: s.skill.label, level: s.level })),
    );
  }, [profile, rows]);

  const digital = profile?.skills.filter((s) => s.skill.essentialDigital) ?? [];
  const list = rows ?? [];

  /** Each change is saved as it is made, in order, so nothing is lost by leaving the page. */
  const change = (next: Row[], what: string) => {
    setRows(next);
    setStatus('saving');
    pendingSaves.current += 1;
    queue.current = queue.current.then(async () => {
      const res = await save({ skills: next.map((r) => ({ skillId: r.id, level: r.level })) });
      pendingSaves.current -= 1;
      if (res.data) {
        setProblem(null);
        if (pendingSaves.current === 0) setStatus('saved');
        setSaved(what);
      } else {
        setStatus('failed');
        setProblem(`${errorMessage(res.error)} Your last change (${what}) is not saved yet.`);
      }
    });
  };
  const [saved, setSaved] = useState('');

  const onContinue = async () => {
    await queue.current;
    if (status !== 'failed') navigate(onboarding ? '/profile' : '/roadmap');
  };

  return (
    <div className="narrow">
      <StepLabel step={2} />
      <h1>Your skills</h1>
      <p>
        Add the things you can already do, from work, volunteering, caring or hobbies, and say how good you
        are at each.
      </p>
      {digital.length > 0 && (
        <div className="panel">
          <h2 className="h3">From your digital skills check</h2>
          <ul>
            {digital.map((s) => (
              <li key={s.skill.id}>
                {s.skill.label}: {LEVEL_NAMES[s.level]}
              </li>
            ))}
          </ul>
        </div>
      )}
      <SkillSearch
        onPick={(s) => change([...list, { ...s, level: 2 }], `added ${s.label}`)}
        exclude={new Set(list.map((r) => r.id))}
      />
      <DescribeSkills
        onAdd={(added) => change([...list, ...added], `added ${added.map((a) => a.label).join(', ')}`)}
        exclude={new Set(list.map((r) => r.id))}
      />
      {list.length === 0 ? (
        <p className="muted">You have not added any skills yet.</p>
      ) : (
        <ul className="skill-list" aria-label="Skills you have added">
          {list.map((r) => (
            <li key={r.id} className="skill-row">
              <span className="skill-row__label" id={`skill-${r.id}`}>
                {r.label}
              </span>
              <label className="visually-hidden" htmlFor={`level-${r.id}`}>
                How good are you at {r.label}?
              </label>
              <select
                id={`level-${r.id}`}
                value={r.level}
                onChange={(e) =>
                  change(
                    list.map((x) => (x.id === r.id ? { ...x, level: Number(e.target.value) } : x)),
                    `${r.label}: ${LEVEL_NAMES[Number(e.target.value)]}`,
                  )
                }
              >
                {[1, 2, 3, 4, 5].map((l) => (
                  <option key={l} value={l}>
                    {LEVEL_NAMES[l]}
                  </option>
                ))}
              </select>
              <button
                type="button"
                className="link-button"
                onClick={() =>
                  change(
                    list.filter((x) => x.id !== r.id),
                    `removed ${r.label}`,
                  )
                }
                aria-describedby={`skill-${r.id}`}
              >
                Remove
              </button>
            </li>
          ))}
        </ul>
      )}
      <p className="save-status" role="status" aria-live="polite">
        {status === 'saving' ? 'Saving…' : status === 'saved' ? `Saved (${saved}).` : ''}
      </p>
      <ErrorSummary message={problem} />
      <p className="hint">Each change is saved as you make it.</p>
      <button className="button" type="button" onClick={handle(onContinue)} disabled={saving.fetching}>
        {onboarding ? 'Continue' : 'Back to my roadmap'}
      </button>
    </div>
  );
}
