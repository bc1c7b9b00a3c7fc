import {
  type InputHTMLAttributes,
  type ReactNode,
  type SelectHTMLAttributes,
  type TextareaHTMLAttributes,
  useId,
} from 'react';

interface FieldProps {
  label: ReactNode;
  hint?: ReactNode;
  error?: string | null;
}

/** What a control needs to be tied to its label, hint and error. */
interface ControlProps {
  id: string;
  'aria-describedby': string | undefined;
  'aria-invalid': true | undefined;
}

/** A field's hint and error message, each with the id its control's aria-describedby names. */
export function HintAndError({
  hint,
  hintId,
  error,
  errorId,
}: {
  hint?: ReactNode;
  hintId?: string;
  error?: string | null;
  errorId?: string;
}) {
  return (
    <>
      {hint && (
        <p className="hint" id={hintId}>
          {hint}
        </p>
      )}
      {error && (
        <p className="field-error" id={errorId}>
          <span className="visually-hidden">Error: </span>
          {error}
        </p>
      )}
    </>
  );
}

/** Label, hint and error above a control, tied to it (aria-describedby), as screen readers need. */
function LabelledField({
  label,
  hint,
  error,
  id,
  control,
}: FieldProps & { id?: string; control: (props: ControlProps) => ReactNode }) {
  const auto = useId();
  const fieldId = id ?? auto;
  const hintId = hint ? `${fieldId}-hint` : undefined;
  const errorId = error ? `${fieldId}-error` : undefined;
  return (
    <div className={`field${error ? ' field--error' : ''}`}>
      <label htmlFor={fieldId}>{label}</label>
      <HintAndError hint={hint} hintId={hintId} error={error} errorId={errorId} />
      {control({
        id: fieldId,
        'aria-describedby': [hintId, errorId].filter(Boolean).join(' ') || undefined,
        'aria-invalid': error ? true : undefined,
      })}
    </div>
  );
}

export function TextField({
  label,
  hint,
  error,
  id,
  ...input
}: FieldProps & InputHTMLAttributes<HTMLInputElement>) {
  return (
    <LabelledField
      label={label}
      hint={hint}
      error={error}
      id={id}
      control={(tie) => <input {...tie} {...input} />}
    />
  );
}

export function TextArea({
  label,
  hint,
  error,
  id,
  ...area
}: FieldProps & TextareaHTMLAttributes<HTMLTextAreaElement>) {
  return (
    <LabelledField
      label={label}
      hint={hint}
      error={error}
      id={id}
      control={(tie) => <textarea {...tie} rows={4} {...area} />}
    />
  );
}

export function SelectField({
  label,
  hint,
  error,
  id,
  children,
  ...select
}: FieldProps & SelectHTMLAttributes<HTMLSelectElement> & { children: ReactNode }) {
  return (
    <LabelledField
      label={label}
      hint={hint}
      error={error}
      id={id}
      control={(tie) => (
        <select {...tie} {...select}>
          {children}
        </select>
      )}
    />
  );
}

export function Checkbox({
  label,
  hint,
  error,
  id: given,
  ...input
}: { label: ReactNode; hint?: ReactNode; error?: string | null } & InputHTMLAttributes<HTMLInputElement>) {
  const auto = useId();
  const id = given ?? auto;
  const describedBy = [hint && `${id}-hint`, error && `${id}-error`].filter(Boolean).join(' ') || undefined;
  return (
    <div className={`checkbox${error ? ' field--error' : ''}`}>
      {error && (
        <p className="field-error" id={`${id}-error`}>
          <span className="visually-hidden">Error: </span>
          {error}
        </p>
      )}
      <input
        type="checkbox"
        id={id}
        aria-describedby={describedBy}
        aria-invalid={error ? true : undefined}
        {...input}
      />
      <label htmlFor={id}>{label}</label>
      {hint && (
        <p className="hint" id={`${id}-hint`}>
          {hint}
        </p>
      )}
    </div>
  );
}

/** A set of radio buttons with one legend, and one error tied to the group. */
export function RadioGroup<V extends string>({
  name,
  legend,
  hint,
  error,
  options,
  value,
  onChange,
}: {
  name: string;
  legend: ReactNode;
  hint?: ReactNode;
  error?: string | null;
  options: ReadonlyArray<{ value: V; label: ReactNode }>;
  value: V | '';
  onChange: (v: V) => void;
}) {
  const hintId = hint ? `${name}-hint` : undefined;
  const errorId = error ? `${name}-error` : undefined;
  return (
    <fieldset
      className={`field${error ? ' field--error' : ''}`}
      aria-describedby={[hintId, errorId].filter(Boolean).join(' ') || undefined}
    >
      <legend>{legend}</legend>
      <HintAndError hint={hint} hintId={hintId} error={error} errorId={errorId} />
      <div className="radios">
        {options.map((o) => (
          <div className="radio" key={o.value}>
            <input
              type="radio"
              id={`${name}-${o.value}`}
              name={name}
              value={o.value}
              checked={value === o.value}
              onChange={() => onChange(o.value)}
            />
            <label htmlFor={`${name}-${o.value}`}>{o.label}</label>
          </div>
        ))}
      </div>
    </fieldset>
  );
}
