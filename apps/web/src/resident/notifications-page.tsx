import { useEffect } from 'react';
import { useMutation, useQuery } from 'urql';
import { POLL_MS } from '../site-header';
import { MarkNotificationsReadDocument, NotificationsDocument } from '../gql/generated';
import { Link, usePageTitle } from '../router';
import { ErrorSummary, errorMessage } from '../ui/errors';
import { formatDate } from '../ui/format';
import { EmployerInterests } from './interests';
import { ProviderRequests } from './provider-requests';
import { handle } from '../ui/handlers';

/** Where each kind of message takes the resident: the thing it is about. */
const MESSAGE_LINKS: Record<string, { href: string; text: string }> = {
  ROADMAP_UPDATED: { href: '/roadmap', text: 'See your roadmap' },
  COMPLETION_TO_CONFIRM: { href: '/roadmap', text: 'Confirm it on your roadmap' },
  PARTICIPATION_REQUEST: { href: '#provider-requests-title', text: 'Answer it above' },
  COURSE_COMPLETED: { href: '/credentials', text: 'See your credentials' },
  EMPLOYER_INTEREST: { href: '#interests-title', text: 'Answer the employer' },
  EMPLOYER_OUTCOME: { href: '/roadmap', text: 'See your roadmap' },
};

export function NotificationsPage() {
  usePageTitle('Messages');
  const [{ data, fetching, error }, refetch] = useQuery({
    query: NotificationsDocument,
    variables: { first: 50 },
    requestPolicy: 'network-only',
  });
  const [marking, markRead] = useMutation(MarkNotificationsReadDocument);
  // New messages appear without a reload.
  useEffect(() => {
    const timer = setInterval(() => {
      if (document.visibilityState === 'visible') refetch({ requestPolicy: 'network-only' });
    }, POLL_MS);
    return () => clearInterval(timer);
  }, [refetch]);
  const list = data?.notifications ?? [];
  const unread = list.filter((n) => !n.read).length;
  return (
    <div className="narrow">
      <h1>Messages</h1>
      <ProviderRequests />
      <EmployerInterests />
      <ErrorSummary message={errorMessage(error) ?? errorMessage(marking.error)} />
      {fetching && !data && <p role="status">Loading…</p>}
      {data && list.length === 0 && <p>No messages yet. We will tell you here when your roadmap changes.</p>}
      {unread > 0 && (
        <button
          type="button"
          className="button button--secondary"
          disabled={marking.fetching}
          onClick={handle(async () => {
            await markRead({});
            refetch({ requestPolicy: 'network-only' });
          })}
        >
          Mark all as read
        </button>
      )}
      <ul className="notifications">
        {list.map((n) => (
          <li key={n.id} className={`card notification${n.read ? '' : ' notification--unread'}`}>
            <h2 className="h4">
              {!n.read && <span className="tag">New</span>} {n.title}
            </h2>
            <p>{n.body}</p>
            {MESSAGE_LINKS[n.kind] && (
              <p>
                <Link href={MESSAGE_LINKS[n.kind].href}>
                  {MESSAGE_LINKS[n.kind].text}
                  <span className="visually-hidden">: {n.title}</span>
                </Link>
              </p>
            )}
            <p className="muted">{formatDate(n.createdAt)}</p>
          </li>
        ))}
      </ul>
    </div>
  );
}
