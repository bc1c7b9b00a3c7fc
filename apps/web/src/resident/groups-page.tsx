import { type FormEvent, useState } from 'react';
import { useMutation, useQuery } from 'urql';
import {
  JoinCohortDocument,
  LeaveCohortDocument,
  type MyCohortFieldsFragment,
  MyCohortsDocument,
  SetCohortMonitoringConsentDocument,
} from '../gql/generated';
import { usePageTitle } from '../router';
import { Announcement, ErrorSummary, errorCode, errorMessage } from '../ui/errors';
import { Checkbox, TextField } from '../ui/fields';
import { handle } from '../ui/handlers';

const CODE_SHAPE = /^[A-Z0-9]{4,16}$/;

function codeFromAddress(): string {
  return new URLSearchParams(window.location.search).get('code')?.trim().toUpperCase() ?? '';
}

function JoinForm({ onJoined }: { onJoined: (c: MyCohortFieldsFragment) => void }) {
  const [joining, join] = useMutation(JoinCohortDocument);
  const [code, setCode] = useState(codeFromAddress);
  const [consent, setConsent] = useState(false);
  const [monitoring, setMonitoring] = useState(false);
  const [errors, setErrors] = useState<{ code?: string; consent?: string }>({});
  const [apiProblem, setApiProblem] = useState<string | null>(null);

  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    const clean = code.replace(/[\s-]/g, '').toUpperCase();
    const found: typeof errors = {};
    if (!clean) found.code = 'Enter the join code you were given';
    else if (!CODE_SHAPE.test(clean)) found.code = 'A join code has only letters and numbers, like KQ7M2XPA';
    if (!consent) found.consent = 'Tick the box to say you agree. You cannot join without it';
    setErrors(found);
    setApiProblem(null);
    if (found.code || found.consent) {
      document.getElementById(found.code ? 'join-code' : 'join-consent')?.focus();
      return;
    }
    const res = await join({ code: clean, consent, individualMonitoring: monitoring });
    if (res.data) {
      setCode('');
      setConsent(false);
      setMonitoring(false);
      onJoined(res.data.joinCohort);
      return;
    }
    // A wrong code, or a group they are already in, is about the code: say so next to it.
    const kind = errorCode(res.error);
    if (kind === 'NOT_FOUND' || kind === 'CONFLICT') {
      setErrors({ code: errorMessage(res.error) ?? undefined });
      document.getElementById('join-code')?.focus();
    } else setApiProblem(errorMessage(res.error));
  };

  return (
    <form onSubmit={handle(onSubmit)} noValidate aria-labelledby="join-title">
      <h2 id="join-title">Join a group</h2>
      <p>Your council, job centre or college may run a group for people like you and give you a join code.</p>
      <ErrorSummary message={apiProblem} />
      <TextField
        id="join-code"
        label="Join code"
        hint="8 letters and numbers, like KQ7M2XPA"
        autoComplete="off"
        autoCapitalize="characters"
        spellCheck={false}
        value={code}
        onChange={(e) => setCode(e.target.value)}
        error={errors.code}
        className="input--short"
      />
      <Checkbox
        id="join-consent"
        label="I agree to be counted in the group’s figures"
        hint="The group’s organisers see totals only, like how many people finished a course. Numbers smaller than 5 are never shown, so no one can tell it is you."
        checked={consent}
        onChange={(e) => setConsent(e.target.checked)}
        error={errors.consent}
      />
      <Checkbox
        id="join-monitoring"
        label="Also let them see my own progress (you can choose not to)"
        hint="They would see your name, your area and how many steps of your roadmap you have done, so they can help you. You can stop this at any time."
        checked={monitoring}
        onChange={(e) => setMonitoring(e.target.checked)}
      />
      <button type="submit" className="button" disabled={joining.fetching}>
        {joining.fetching ? 'Joining…' : 'Join group'}
      </button>
    </form>
  );
}

function GroupCard({ group, onLeft }: { group: MyCohortFieldsFragment; onLeft: () => void }) {
  const [consenting, setConsent] = useMutation(SetCohortMonitoringConsentDocument);
  const [leaving, leave] = useMutation(LeaveCohortDocument);
  const [monitoring, setMonitoring] = useState(group.individualMonitoring);
  const [confirming, setConfirming] = useState(false);
  const [said, setSaid] = useState('');
  const titleId = `group-${group.id}`;
  const confirmId = `leave-yes-${group.id}`;

  const toggle = async () => {
    const res = await setConsent({ cohortId: group.id, consent: !monitoring });
    if (res.data) {
      setMonitoring(res.data.setCohortMonitoringConsent);
      setSaid(
        res.data.setCohortMonitoringConsent
          ? `${group.partnershipName} can now see your own progress.`
          : `${group.partnershipName} can no longer see your own progress. You are still counted in totals.`,
      );
    }
  };

  const askToLeave = () => {
    setConfirming(true);
    // Move focus to the question, so keyboard and screen reader users land on it.
    setTimeout(() => document.getElementById(confirmId)?.focus(), 0);
  };

  return (
    <li className="card" aria-labelledby={titleId}>
      <h3 className="h4" id={titleId}>
        {group.name}
      </h3>
      <p>Run by {group.partnershipName}.</p>
      <p>
        {monitoring
          ? 'They can see your own progress, and count you in their totals.'
          : 'They count you in their totals only. They cannot see your own progress.'}
      </p>
      <ErrorSummary message={errorMessage(consenting.error) ?? errorMessage(leaving.error)} />
      {said && (
        <p className="notice notice--success" role="status">
          {said}
        </p>
      )}
      {!confirming ? (
        <p className="actions">
          <button
            type="button"
            className="button button--secondary"
            disabled={consenting.fetching}
            onClick={handle(toggle)}
          >
            {monitoring ? 'Stop sharing my own progress' : 'Share my own progress'}
            <span className="visually-hidden"> with {group.name}</span>
          </button>
          <button type="button" className="button button--secondary" onClick={askToLeave}>
            Leave group<span className="visually-hidden"> {group.name}</span>
          </button>
        </p>
      ) : (
        <div className="confirm" role="group" aria-labelledby={`${titleId}-leave`}>
          <p id={`${titleId}-leave`}>
            <strong>Leave {group.name}?</strong> You will not be counted in its figures any more. To join
            again you will need the code.
          </p>
          <p className="actions">
            <button
              id={confirmId}
              type="button"
              className="button button--danger"
              disabled={leaving.fetching}
              onClick={handle(async () => {
                const res = await leave({ cohortId: group.id });
                if (res.data) onLeft();
              })}
            >
              Yes, leave the group
            </button>
            <button type="button" className="button button--secondary" onClick={() => setConfirming(false)}>
              No, stay
            </button>
          </p>
        </div>
      )}
    </li>
  );
}

export function GroupsPage() {
  usePageTitle('Your groups');
  const [{ data, fetching, error }, refetch] = useQuery({
    query: MyCohortsDocument,
    requestPolicy: 'cache-and-network',
  });
  const [announcement, setAnnouncement] = useState('');
  const list = data?.myCohorts ?? [];
  const reload = () => refetch({ requestPolicy: 'network-only' });
  return (
    <div className="narrow">
      <h1>Your groups</h1>
      <p>
        A group is run by a local skills partnership. It helps them see what works and plan more courses near
        you.
      </p>
      <Announcement message={announcement} />
      <ErrorSummary message={errorMessage(error)} />
      {fetching && !data && <p role="status">Loading…</p>}
      {data && list.length === 0 && <p>You are not in any group yet.</p>}
      <section aria-labelledby="groups-title" hidden={list.length === 0}>
        <h2 id="groups-title">Groups you are in</h2>
        <ul className="plain-list">
          {list.map((g) => (
            <GroupCard
              key={g.id}
              group={g}
              onLeft={() => {
                setAnnouncement(`You have left ${g.name}.`);
                reload();
                document.querySelector<HTMLElement>('main h1')?.focus();
              }}
            />
          ))}
        </ul>
      </section>
      <section className="panel form-section">
        <JoinForm
          onJoined={(c) => {
            setAnnouncement(`You have joined ${c.name}, run by ${c.partnershipName}.`);
            reload();
          }}
        />
      </section>
    </div>
  );
}
