import { useState } from 'react';
import { useMutation, useQuery } from 'urql';
import { MyParticipationRequestsDocument, RespondToParticipationRequestDocument } from '../gql/generated';
import { ErrorSummary, errorMessage } from '../ui/errors';
import { formatDate } from '../ui/format';
import { handle } from '../ui/handlers';

interface Request {
  id: string;
  kind: string;
  courseTitle: string;
  providerName: string;
  createdAt: string;
}

function RequestCard({ request, onAnswered }: { request: Request; onAnswered: (said: string) => void }) {
  const [responding, respond] = useMutation(RespondToParticipationRequestDocument);
  const finished = request.kind === 'COMPLETION';
  const titleId = `provider-request-${request.id}`;
  const answer = async (accept: boolean) => {
    const res = await respond({ id: request.id, accept });
    if (!res.data) return;
    if (!accept) onAnswered(`You said no. Nothing has changed on your roadmap.`);
    else if (finished)
      onAnswered(
        `Done: ${request.courseTitle} is finished, its skills are on your profile, and your credential is ready.`,
      );
    else onAnswered(`Done: your roadmap now shows you are on ${request.courseTitle}.`);
  };
  return (
    <li className="card" aria-labelledby={titleId}>
      <h3 className="h4" id={titleId}>
        {request.providerName}: {request.courseTitle}
      </h3>
      <p>
        {finished
          ? `${request.providerName} says you have finished ${request.courseTitle}.`
          : `${request.providerName} says you have started ${request.courseTitle}.`}{' '}
        Is that right? Nothing changes until you say yes.
      </p>
      <p className="muted">Asked on {formatDate(request.createdAt)}</p>
      <ErrorSummary message={errorMessage(responding.error)} />
      <p className="actions">
        <button
          type="button"
          className="button"
          disabled={responding.fetching}
          onClick={handle(() => answer(true))}
        >
          {finished ? 'Yes, I finished it' : 'Yes, I started it'}
          <span className="visually-hidden"> ({request.courseTitle})</span>
        </button>
        <button
          type="button"
          className="button button--secondary"
          disabled={responding.fetching}
          onClick={handle(() => answer(false))}
        >
          No, that is not right<span className="visually-hidden"> ({request.courseTitle})</span>
        </button>
      </p>
    </li>
  );
}

/**
 * Training providers' claims that the resident started or finished a course: shown as a question with
 * a yes and a no, since nothing moves on the roadmap (and no credential is issued) until they answer.
 */
export function ProviderRequests({ onChange }: { onChange?: () => void }) {
  const [{ data, error }, refetch] = useQuery({
    query: MyParticipationRequestsDocument,
    requestPolicy: 'cache-and-network',
  });
  const [said, setSaid] = useState('');
  const list = data?.myParticipationRequests ?? [];
  if (!error && list.length === 0 && !said) return null;
  return (
    <section aria-labelledby="provider-requests-title">
      <h2 id="provider-requests-title">Training providers asking you to confirm ({list.length})</h2>
      <ErrorSummary message={errorMessage(error)} />
      <div role="status">{said && <p className="notice notice--success">{said}</p>}</div>
      <ul className="plain-list">
        {list.map((r) => (
          <RequestCard
            key={r.id}
            request={r}
            onAnswered={(text) => {
              setSaid(text);
              refetch({ requestPolicy: 'network-only' });
              onChange?.();
            }}
          />
        ))}
      </ul>
    </section>
  );
}
