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

export function ErrorSummary({ message, id }: { message: string | null; id?: string }) {
  if (!message) return null;
  return (
    <div className="error-summary" role="alert" id={id}>
      <h2 className="error-summary__title">There is a problem</h2>
      <p>{message}</p>
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
