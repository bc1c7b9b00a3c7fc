import { useEffect, useState } from 'react';
import { useMutation, useQuery } from 'urql';
import { LearnerProfileDocument, SetSkillsDocument } from '../gql/generated';
import { navigate, usePageTitle } from '../router';
import { ErrorSummary, errorMessage } from '../ui/errors';
import { LEVEL_NAMES } from '../ui/format';
import { type PickedSkill, SkillSearch } from './skill-search';
import { handle } from '../ui/handlers';

interface Row extends PickedSkill {
  level: number;
}

export function SkillsPage() {
  usePageTitle('Your skills');
  const [{ data }] = useQuery({ query: LearnerProfileDocument, requestPolicy: 'cache-and-network' });
  const [saving, save] = useMutation(SetSkillsDocument);
  const [rows, setRows] = useState<Row[] | null>(null);
  const profile = data?.learnerProfile;

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

  const onSave = async () => {
    const res = await save({ skills: list.map((r) => ({ skillId: r.id, level: r.level })) });
    if (res.data) navigate('/profile');
  };

  return (
    <div className="narrow">
      <p className="step-label">Step 2 of 4</p>
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
        onPick={(s) => setRows([...list, { ...s, level: 2 }])}
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
                  setRows(list.map((x) => (x.id === r.id ? { ...x, level: Number(e.target.value) } : x)))
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
                onClick={() => setRows(list.filter((x) => x.id !== r.id))}
                aria-describedby={`skill-${r.id}`}
              >
                Remove
              </button>
            </li>
          ))}
        </ul>
      )}
      <ErrorSummary message={errorMessage(saving.error)} />
      <button className="button" type="button" onClick={handle(onSave)} disabled={saving.fetching}>
        {saving.fetching ? 'Saving…' : 'Save and continue'}
      </button>
    </div>
  );
}
