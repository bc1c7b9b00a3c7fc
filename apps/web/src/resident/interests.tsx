import { useState } from 'react';
import { useMutation, useQuery } from 'urql';
import {
  type InterestFieldsFragment,
  MyInterestsDocument,
  RespondToInterestDocument,
} from '../gql/generated';
import { ErrorSummary, errorMessage } from '../ui/errors';

function InterestCard({ interest }: { interest: InterestFieldsFragment }) {
  const [responding, respond] = useMutation(RespondToInterestDocument);
  const [said, setSaid] = useState('');
  const employer = interest.employerName ?? 'An employer';
  const job = interest.vacancyTitle ?? 'a job';
  const titleId = `interest-${interest.id}`;
  const answer = async (accept: boolean) => {
    const res = await respond({ id: interest.id, accept });
    if (res.data)
      setSaid(
        accept
          ? `You said yes. ${employer} can now see your name and email address, and may contact you.`
          : `You said no thanks. ${employer} will not get your name or email address.`,
      );
  };
  return (
    <li className="card" aria-labelledby={titleId}>
      <h3 className="h4" id={titleId}>
        {employer}: {job}
      </h3>
      <p>They wrote: “{interest.message}”</p>
      <ErrorSummary message={errorMessage(responding.error)} />
      {said && (
        <p className="notice notice--success" role="status">
          {said}
        </p>
      )}
      {interest.status === 'PENDING' ? (
        <>
          <p>
            <strong>{employer} does not know who you are.</strong> If you say yes, they will see your name and
            email address so they can contact you. If you say no, they will see nothing about you.
          </p>
          <p className="actions">
            <button
              type="button"
              className="button"
              disabled={responding.fetching}
              onClick={() => void answer(true)}
            >
              Yes, share my name and email<span className="visually-hidden"> with {employer}</span>
            </button>
            <button
              type="button"
              className="button button--secondary"
              disabled={responding.fetching}
              onClick={() => void answer(false)}
            >
              No thanks<span className="visually-hidden"> to {employer}</span>
            </button>
          </p>
        </>
      ) : (
        !said && (
          <p>
            {interest.status === 'ACCEPTED'
              ? `You said yes: ${employer} can see your name and email address.`
              : `You said no thanks: ${employer} cannot see your name or email address.`}
          </p>
        )
      )}
    </li>
  );
}

/** Employers who would like to hear from the resident, with a plain yes or no to sharing contact details. */
export function EmployerInterests() {
  const [{ data, error }] = useQuery({ query: MyInterestsDocument, requestPolicy: 'cache-and-network' });
  const list = data?.myExpressionsOfInterest ?? [];
  if (!error && list.length === 0) return null;
  const waiting = list.filter((i) => i.status === 'PENDING').length;
  return (
    <section aria-labelledby="interests-title">
      <h2 id="interests-title">Employers interested in you ({waiting} waiting)</h2>
      <ErrorSummary message={errorMessage(error)} />
      <ul className="plain-list">
        {list.map((i) => (
          <InterestCard key={i.id} interest={i} />
        ))}
      </ul>
    </section>
  );
}
