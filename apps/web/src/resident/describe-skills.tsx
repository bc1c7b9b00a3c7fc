import { useState } from 'react';
import { useClient } from 'urql';
import { SuggestSkillsDocument, type SuggestSkillsQuery } from '../gql/generated';
import { Announcement, ErrorSummary, errorMessage } from '../ui/errors';
import { LEVEL_NAMES } from '../ui/format';
import { TextArea } from '../ui/fields';
import { handle } from '../ui/handlers';

/** The longest description the API reads (suggestSkills refuses longer ones). */
const MAX_LENGTH = 5000;

type Suggestion = SuggestSkillsQuery['suggestSkills'][number];

export interface ConfirmedSkill {
  id: string;
  label: string;
  level: number;
}

/**
 * "Tell us in your own words": a resident describes what they do ("I look after my mum's money, I ran
 * the football club's Facebook page"), gets suggested skills with levels, ticks the ones that are
 * right and adds them to their list. Nothing is stored until they save the list.
 */
export function DescribeSkills({
  onAdd,
  exclude,
}: {
  onAdd: (skills: ConfirmedSkill[]) => void;
  exclude: Set<string>;
}) {
  const client = useClient();
  const [text, setText] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [suggestions, setSuggestions] = useState<Suggestion[] | null>(null);
  const [chosen, setChosen] = useState<Map<string, number>>(new Map());
  const [announce, setAnnounce] = useState('');

  const onSuggest = async () => {
    setError(null);
    setAnnounce('');
    if (!text.trim()) {
      setError('Write a sentence or two about something you do, then ask for suggestions.');
      return;
    }
    setBusy(true);
    const res = await client
      .query(SuggestSkillsDocument, { text }, { requestPolicy: 'network-only' })
      .toPromise();
    setBusy(false);
    if (res.error) {
      setError(errorMessage(res.error));
      return;
    }
    const found = (res.data?.suggestSkills ?? []).filter((s) => !exclude.has(s.skill.id));
    setSuggestions(found);
    setChosen(new Map());
    setAnnounce(
      found.length === 0
        ? 'No skills found in that. Try saying what you did, like “I did the accounts for the club”.'
        : `${found.length} skill${found.length === 1 ? '' : 's'} suggested. Tick the ones that are right.`,
    );
  };

  const toggle = (s: Suggestion, on: boolean) => {
    const next = new Map(chosen);
    if (on) next.set(s.skill.id, s.level);
    else next.delete(s.skill.id);
    setChosen(next);
  };

  const onConfirm = () => {
    const picked = (suggestions ?? [])
      .filter((s) => chosen.has(s.skill.id))
      .map((s) => ({ id: s.skill.id, label: s.skill.label, level: chosen.get(s.skill.id)! }));
    onAdd(picked);
    setSuggestions(null);
    setChosen(new Map());
    setText('');
    setAnnounce(
      `Added ${picked.length} skill${picked.length === 1 ? '' : 's'} to your list. Save it when you are ready.`,
    );
  };

  return (
    <section className="panel describe-skills" aria-labelledby="describe-skills-title">
      <h2 className="h3" id="describe-skills-title">
        Or tell us in your own words
      </h2>
      <TextArea
        id="describe-skills-text"
        label="What do you do, at home, in your spare time or at work?"
        hint="For example: “I look after my mum’s money, I ran the football club’s Facebook page”. We suggest skills; nothing is saved until you choose."
        value={text}
        maxLength={MAX_LENGTH}
        rows={4}
        onChange={(e) => setText(e.target.value)}
      />
      <ErrorSummary message={error} />
      <button className="button button--secondary" type="button" onClick={handle(onSuggest)} disabled={busy}>
        {busy ? 'Finding skills…' : 'Suggest skills'}
      </button>
      <Announcement message={announce} />
      {suggestions && suggestions.length > 0 && (
        <fieldset className="suggestions">
          <legend>Skills you might have: tick the ones that are right</legend>
          <ul className="suggestion-list">
            {suggestions.map((s) => {
              const id = `suggested-${s.skill.id}`;
              const level = chosen.get(s.skill.id) ?? s.level;
              return (
                <li key={s.skill.id} className="suggestion">
                  <input
                    type="checkbox"
                    id={id}
                    checked={chosen.has(s.skill.id)}
                    onChange={(e) => toggle(s, e.target.checked)}
                    aria-describedby={`${id}-because`}
                  />
                  <label htmlFor={id}>
                    {s.skill.label} <span className="muted">({LEVEL_NAMES[level]})</span>
                  </label>
                  <p className="hint" id={`${id}-because`}>
                    From: “{s.because}”
                  </p>
                </li>
              );
            })}
          </ul>
          <button className="button" type="button" onClick={onConfirm} disabled={chosen.size === 0}>
            Add the ticked skills to my list
          </button>
        </fieldset>
      )}
    </section>
  );
}
