import { type KeyboardEvent, useEffect, useId, useState } from 'react';
import { useQuery } from 'urql';
import { SearchSkillsDocument } from '../gql/generated';

export interface PickedSkill {
  id: string;
  label: string;
}

function useDebounced(value: string, ms: number): string {
  const [v, setV] = useState(value);
  useEffect(() => {
    const t = setTimeout(() => setV(value), ms);
    return () => clearTimeout(t);
  }, [value, ms]);
  return v;
}

/** An accessible combobox (WAI-ARIA 1.2 pattern) over `skills(search)`. */
export function SkillSearch({
  onPick,
  exclude,
  label = 'Add a skill',
  hint = 'Type something you can do, like “customer service”, “spreadsheets” or “driving”.',
  inputId,
}: {
  onPick: (s: PickedSkill) => void;
  exclude: Set<string>;
  label?: string;
  hint?: string;
  /** A fixed id for the input, so a form can move focus to it. */
  inputId?: string;
}) {
  const auto = useId();
  const id = inputId ?? auto;
  const [text, setText] = useState('');
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const search = useDebounced(text.trim(), 250);
  const [{ data, fetching }] = useQuery({
    query: SearchSkillsDocument,
    variables: { search, first: 8 },
    pause: search.length < 2,
  });
  const options = search.length < 2 ? [] : (data?.skills ?? []).filter((s) => !exclude.has(s.id));
  const expanded = open && options.length > 0;

  const pick = (i: number) => {
    const s = options[i];
    if (!s) return;
    onPick({ id: s.id, label: s.label });
    setText('');
    setOpen(false);
    setActive(-1);
  };

  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'ArrowDown') {
      e.preventDefault();
      setOpen(true);
      setActive((a) => Math.min(a + 1, options.length - 1));
    } else if (e.key === 'ArrowUp') {
      e.preventDefault();
      setActive((a) => Math.max(a - 1, 0));
    } else if (e.key === 'Enter' && expanded && active >= 0) {
      e.preventDefault();
      pick(active);
    } else if (e.key === 'Escape') {
      setOpen(false);
      setActive(-1);
    }
  };

  const status =
    search.length < 2
      ? ''
      : fetching
        ? 'Searching…'
        : options.length
          ? `${options.length} skills found. Use the arrow keys to choose.`
          : 'No skills found. Try other words.';

  return (
    <div className="field combobox">
      <label htmlFor={`${id}-input`}>{label}</label>
      <p className="hint" id={`${id}-hint`}>
        {hint}
      </p>
      <input
        id={`${id}-input`}
        type="text"
        role="combobox"
        autoComplete="off"
        aria-autocomplete="list"
        aria-expanded={expanded}
        aria-controls={`${id}-list`}
        aria-describedby={`${id}-hint`}
        aria-activedescendant={expanded && active >= 0 ? `${id}-opt-${active}` : undefined}
        value={text}
        onChange={(e) => {
          setText(e.target.value);
          setOpen(true);
          setActive(-1);
        }}
        onKeyDown={onKeyDown}
        onBlur={() => setTimeout(() => setOpen(false), 150)}
      />
      <ul
        className="combobox__list"
        id={`${id}-list`}
        role="listbox"
        aria-label="Matching skills"
        hidden={!expanded}
      >
        {options.map((s, i) => (
          <li
            key={s.id}
            id={`${id}-opt-${i}`}
            role="option"
            aria-selected={i === active}
            className={i === active ? 'is-active' : undefined}
            onMouseDown={(e) => e.preventDefault()}
            onClick={() => pick(i)}
          >
            {s.label}
          </li>
        ))}
      </ul>
      <p className="visually-hidden" role="status" aria-live="polite">
        {status}
      </p>
    </div>
  );
}
