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
