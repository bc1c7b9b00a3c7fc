import { useState } from 'react';
import { useMutation } from 'urql';
import {
  type OutcomeKind,
  RecordCandidateOutcomeDocument,
  type SentInterestFieldsFragment,
} from '../gql/generated';
import { ErrorSummary, errorMessage } from '../ui/errors';
import { handle } from '../ui/handlers';

const OUTCOMES: ReadonlyArray<{
  kind: OutcomeKind;
  button: string;
  recorded: string;
  saved: (name: string) => string;
}> = [
  {
    kind: 'INTERVIEWED',
    button: 'We interviewed them',
    recorded: 'Interviewed',
    saved: (name) => `Saved: you interviewed ${name}.`,
  },
  {
    kind: 'IN_WORK',
    button: 'They started work with us',
    recorded: 'Started work with you',
    saved: (name) => `Saved: ${name} started work with you.`,
  },
];

/**
 * Someone who said yes to the employer's interest: who they are, and buttons to record an interview or
 * a hire (each once; what is already recorded is shown instead of its button).
 */
export function AcceptedCandidate({ interest }: { interest: SentInterestFieldsFragment }) {
  const [saving, record] = useMutation(RecordCandidateOutcomeDocument);
  const [done, setDone] = useState('');
  // The mutation's answer is the interest as saved: prefer it to the list, which is refetched later.
  const recorded = saving.data?.recordCandidateOutcome.recordedOutcomes ?? interest.recordedOutcomes;
  const name = interest.contactName ?? 'this candidate';
  const headingId = `accepted-${interest.id}`;
  return (
    <li className="card" aria-labelledby={headingId}>
      <h5 className="h4" id={headingId}>
        {interest.contactName}
      </h5>
      <p>
        <a href={`mailto:${interest.contactEmail}`}>{interest.contactEmail}</a>
      </p>
      <ErrorSummary message={errorMessage(saving.error)} />
      <div role="status" aria-live="polite">
        {done && <p className="notice notice--success">{done}</p>}
      </div>
      {recorded.length > 0 && (
        <p>
          <strong>You recorded: </strong>
          {OUTCOMES.filter((o) => recorded.includes(o.kind))
            .map((o) => o.recorded)
            .join(', ')}
        </p>
      )}
      {recorded.length < OUTCOMES.length && (
        <p className="actions">
          {OUTCOMES.filter((o) => !recorded.includes(o.kind)).map((o) => (
            <button
              key={o.kind}
              type="button"
              className="button button--small button--secondary"
              disabled={saving.fetching}
              onClick={handle(async () => {
                setDone('');
                const res = await record({ interestId: interest.id, kind: o.kind });
                if (res.data) setDone(`${o.saved(name)} We have let them know.`);
              })}
            >
              {o.button}
              <span className="visually-hidden"> ({name})</span>
            </button>
          ))}
        </p>
      )}
    </li>
  );
}
