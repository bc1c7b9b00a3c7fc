import { useEffect, useId, useRef } from 'react';
import type { CombinedError } from 'urql';

/** A message a person can act on, from a GraphQL or network error. */
export function errorMessage(error: CombinedError | undefined | null): string | null {
  if (!error) return null;
  if (error.networkError) return 'We could not reach Skillpath. Check your connection and try again.';
  const first = error.graphQLErrors[0];
  if (!first) return 'Something went wrong. Please try again.';
  if (first.extensions?.code === 'INTERNAL_SERVER_ERROR')
    return 'Something went wrong on our side. Please try again.';
  return first.message;
}

/** A field at fault, for the error summary: the id of its control and what to do about it. */
export interface FieldProblem {
  id: string;
  text: string;
}

/** Problems keyed by field name → the summary's list, with ids `${prefix}${name}`, in form order. */
export function fieldProblems(errors: Record<string, string | undefined>, prefix: string): FieldProblem[] {
  return Object.entries(errors)
    .filter((e): e is [string, string] => !!e[1])
    .map(([name, text]) => ({ id: `${prefix}${name}`, text }));
}

/**
 * The GOV.UK error summary: "There is a problem", the message, and a link to each field at fault. When
 * it appears (or its content changes) it takes focus and scrolls into view, so on a phone the person
 * sees it at once and a screen reader reads it, instead of an error 1,500 px above the button.
 */
export function ErrorSummary({
  message,
  fields = [],
  id,
}: {
  message?: string | null;
  fields?: FieldProblem[];
  id?: string;
}) {
  const ref = useRef<HTMLDivElement>(null);
  const titleId = useId();
  const shown = !!message || fields.length > 0;
  const content = `${message ?? ''}|${fields.map((f) => `${f.id}:${f.text}`).join('|')}`;
  useEffect(() => {
    if (!shown) return;
    ref.current?.focus();
    ref.current?.scrollIntoView({ block: 'start' });
  }, [shown, content]);
  if (!shown) return null;
  return (
    <div className="error-summary" role="alert" id={id} ref={ref} tabIndex={-1} aria-labelledby={titleId}>
      <h2 className="error-summary__title" id={titleId}>
        There is a problem
      </h2>
      {message && <p>{message}</p>}
      {fields.length > 0 && (
        <ul className="error-summary__list">
          {fields.map((f) => (
            <li key={f.id}>
              <a
                href={`#${f.id}`}
                onClick={(e) => {
                  const target = document.getElementById(f.id);
                  if (!target) return;
                  e.preventDefault();
                  target.focus();
                  target.scrollIntoView({ block: 'center' });
                }}
              >
                {f.text}
              </a>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

/** The error's code (BAD_USER_INPUT, NOT_FOUND, CONFLICT…), when the API gave one. */
export function errorCode(error: CombinedError | undefined | null): string | null {
  const code = error?.graphQLErrors[0]?.extensions?.code;
  return typeof code === 'string' ? code : null;
}

/**
 * Which of `fields` an API error is about, so its message can sit next to that field: the API names it
 * in `extensions.field` (a postcode it cannot find), or input validation starts its message with it
 * ("title must be…").
 */
export function errorField<F extends string>(
  error: CombinedError | undefined | null,
  fields: readonly F[],
): F | null {
  const first = error?.graphQLErrors[0];
  if (!first) return null;
  const named = first.extensions?.field;
  if (typeof named === 'string' && (fields as readonly string[]).includes(named)) return named as F;
  const lead = /^([A-Za-z]+)\b/.exec(first.message)?.[1];
  return lead && (fields as readonly string[]).includes(lead) ? (lead as F) : null;
}

/**
 * What just happened ("Your job is now listed"), in a live region that is always on the page, so
 * screen readers announce each new message.
 */
export function Announcement({ message }: { message: string }) {
  return (
    <div role="status" aria-live="polite">
      {message && <p className="notice notice--success">{message}</p>}
    </div>
  );
}
