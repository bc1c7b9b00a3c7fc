import { HintAndError } from './fields';

/** A date as typed into three boxes (GOV.UK "date input"): day, month and year, as strings. */
export interface DateParts {
  day: string;
  month: string;
  year: string;
}

export const partsOf = (iso: string): DateParts => {
  const [year, month, day] = iso.slice(0, 10).split('-');
  return { day: String(Number(day)), month: String(Number(month)), year };
};

/**
 * The ISO day (YYYY-MM-DD) the parts name, or what is wrong in words a person can act on: empty,
 * not a real date ("31 2 2027"), or (with `future`) not after today.
 */
export function readDate(
  parts: DateParts,
  what: string,
  opts: { future?: boolean; today?: Date } = {},
): { iso: string } | { error: string } {
  const [d, m, y] = [parts.day, parts.month, parts.year].map((s) => s.trim());
  if (!d && !m && !y) return { error: `Enter ${what}` };
  const missing = [!d && 'a day', !m && 'a month', !y && 'a year'].filter(Boolean);
  if (missing.length)
    return { error: `${what[0].toUpperCase()}${what.slice(1)} must include ${missing.join(' and ')}` };
  const [day, month, year] = [d, m, y].map(Number);
  const date = new Date(Date.UTC(year, month - 1, day));
  if (
    ![day, month, year].every(Number.isInteger) ||
    y.length !== 4 ||
    date.getUTCFullYear() !== year ||
    date.getUTCMonth() !== month - 1 ||
    date.getUTCDate() !== day
  )
    return { error: `${what[0].toUpperCase()}${what.slice(1)} must be a real date, like 27 3 2027` };
  const iso = date.toISOString().slice(0, 10);
  const today = (opts.today ?? new Date()).toISOString().slice(0, 10);
  if (opts.future && iso <= today)
    return { error: `${what[0].toUpperCase()}${what.slice(1)} must be in the future` };
  return { iso };
}

/** Day, month and year boxes in a fieldset, GOV.UK style: no native date picker, UK order. */
export function DateField({
  id,
  legend,
  hint,
  value,
  onChange,
  error,
}: {
  id: string;
  legend: string;
  hint?: string;
  value: DateParts;
  onChange: (v: DateParts) => void;
  error?: string | null;
}) {
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const box = (part: keyof DateParts, label: string, width: string) => (
    <div className="date-input__item">
      <label htmlFor={part === 'day' ? id : `${id}-${part}`}>{label}</label>
      <input
        id={part === 'day' ? id : `${id}-${part}`}
        className={`date-input__${width}`}
        inputMode="numeric"
        autoComplete="off"
        value={value[part]}
        aria-invalid={error ? true : undefined}
        onChange={(e) => onChange({ ...value, [part]: e.target.value })}
      />
    </div>
  );
  return (
    <fieldset
      className={`field${error ? ' field--error' : ''}`}
      role="group"
      aria-describedby={[hint ? hintId : '', error ? errorId : ''].filter(Boolean).join(' ') || undefined}
    >
      <legend>{legend}</legend>
      <HintAndError hint={hint} hintId={hintId} error={error} errorId={errorId} />
      <div className="date-input">
        {box('day', 'Day', 'short')}
        {box('month', 'Month', 'short')}
        {box('year', 'Year', 'year')}
      </div>
    </fieldset>
  );
}
