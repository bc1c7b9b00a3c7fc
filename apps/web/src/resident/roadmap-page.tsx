import { useEffect, useState } from 'react';
import { useMutation, useQuery } from 'urql';
import {
  ConfirmCourseCompletionDocument,
  LearnerProfileDocument,
  MyDroppedOptionsDocument,
  MyRoadmapDocument,
  MyRoadmapExplainedDocument,
  type RoadmapExplainedFieldsFragment,
  PlanRoadmapDocument,
  RestoreDroppedOptionDocument,
  type RoadmapFieldsFragment,
  type StepStatus,
  UpdateRoadmapStepDocument,
} from '../gql/generated';
import { Link, usePageTitle } from '../router';
import { ErrorSummary, errorMessage } from '../ui/errors';
import { formatDate, formatHours, formatPence, percent, progressWords } from '../ui/format';
import { OutcomeForm } from './outcome-form';
import { ProviderRequests } from './provider-requests';
import { BlockersAndWhatIfs, PlanQuestions, RoadmapChoices, StartNote } from './roadmap-explained';
import { JobCard, LearnStepCard } from './roadmap-step-card';
import { handle } from '../ui/handlers';

const REPLAN_POLL_MS = 2500;
const REPLAN_WAIT_MS = 90_000;

/** After a step is completed the worker re-plans in the background: poll until the new version lands. */
function useReplanWatch(roadmap: RoadmapFieldsFragment | null | undefined, refetch: () => void) {
  const [waitingAbove, setWaitingAbove] = useState<number | null>(null);
  const arrived = waitingAbove !== null && !!roadmap && roadmap.version > waitingAbove;
  useEffect(() => {
    if (waitingAbove === null || arrived) return;
    const started = Date.now();
    const timer = setInterval(() => {
      if (Date.now() - started > REPLAN_WAIT_MS) {
        clearInterval(timer);
        setWaitingAbove(null);
      } else refetch();
    }, REPLAN_POLL_MS);
    return () => clearInterval(timer);
  }, [waitingAbove, arrived, refetch]);
  return { waiting: waitingAbove !== null && !arrived, arrived, watchFrom: setWaitingAbove };
}

function Summary({ roadmap }: { roadmap: RoadmapFieldsFragment }) {
  const goal = roadmap.goal.occupation?.title ?? roadmap.goal.opportunity?.title ?? 'your goal';
  return (
    <section className="summary" aria-labelledby="summary-title">
      <h2 id="summary-title" className="visually-hidden">
        Summary
      </h2>
      <p className="summary__goal">
        Your goal: <strong>{goal}</strong>
      </p>
      <p>{roadmap.summary}</p>
      <dl className="facts facts--summary">
        <div>
          <dt>Goal skills covered</dt>
          <dd>{percent(roadmap.coverage)}</dd>
        </div>
        <div>
          <dt>Total learning</dt>
          <dd>{formatHours(roadmap.totalHours)}</dd>
        </div>
        <div>
          <dt>Total cost to you</dt>
          <dd>{formatPence(roadmap.totalCostPence)}</dd>
        </div>
      </dl>
      {!roadmap.reachable && (
        <div className="warning" role="note">
          <h3 className="h4">This goal cannot be fully reached with what is on offer near you</h3>
          {roadmap.missingSkills.length > 0 && (
            <p>Not covered by your plan yet: {roadmap.missingSkills.map((s) => s.label).join(', ')}.</p>
          )}
          {roadmap.alternatives.length > 0 && (
            <>
              <p>These goals are within reach instead:</p>
              <ul>
                {roadmap.alternatives.map((a) => (
                  <li key={a.occupation.id}>
                    {a.occupation.title} (about {Math.round(a.gapHours)} hours of learning)
                  </li>
                ))}
              </ul>
              <Link href="/roles">Choose a different goal</Link>
            </>
          )}
        </div>
      )}
      {roadmap.version > 1 && (
        <div className="changes">
          <h3 className="h4">Why your plan changed</h3>
          <p>{roadmap.reason}</p>
          {roadmap.changes.added.length > 0 && <p>New steps: {roadmap.changes.added.join(', ')}.</p>}
          {roadmap.changes.removed.length > 0 && <p>Removed: {roadmap.changes.removed.join(', ')}.</p>}
        </div>
      )}
    </section>
  );
}

function Journey({
  roadmap,
  explained,
  busy,
  onStatus,
}: {
  roadmap: RoadmapFieldsFragment;
  explained: RoadmapExplainedFieldsFragment | null;
  busy: boolean;
  onStatus: (stepId: string, status: StepStatus) => void;
}) {
  const more = new Map((explained?.steps ?? []).map((s) => [s.id, s]));
  const learn = roadmap.steps.filter((s) => s.kind === 'LEARN').sort((a, b) => a.position - b.position);
  const jobs = roadmap.steps.filter((s) => s.kind === 'APPLY');
  return (
    <section aria-labelledby="journey-title">
      <h2 id="journey-title">Your journey</h2>
      <p>
        {roadmap.progress.total === 0
          ? 'You already have the skills for this goal. You can apply now.'
          : `${progressWords(roadmap.progress.done, roadmap.progress.total)}.`}
      </p>
      <ol className="journey">
        <li className="journey__stop journey__stop--start">
          <div className="journey__marker" aria-hidden="true" />
          <div className="milestone">
            <h3 className="h4">You are here</h3>
            <p>Your skills today</p>
          </div>
        </li>
        {learn.map((s, i) => (
          <li key={s.id} className={`journey__stop journey__stop--${s.status.toLowerCase()}`}>
            <div className="journey__marker" aria-hidden="true" />
            <LearnStepCard
              step={s}
              explained={more.get(s.id)}
              number={i + 1}
              busy={busy}
              onStatus={(status) => onStatus(s.id, status)}
            />
          </li>
        ))}
        <li className="journey__stop journey__stop--end">
          <div className="journey__marker" aria-hidden="true" />
          <div className="milestone milestone--jobs">
            <h3 className="h4">Jobs at the end</h3>
            {jobs.length === 0 ? (
              <p>No open jobs right now. We will tell you when one appears.</p>
            ) : (
              <ul className="job-list">
                {jobs.map((j) => (
                  <li key={j.id}>
                    <JobCard step={j} />
                  </li>
                ))}
              </ul>
            )}
          </div>
        </li>
      </ol>
    </section>
  );
}

/** Courses the resident dropped: planning leaves them out until they are brought back. */
function DroppedOptions({
  options,
  busy,
  onRestore,
}: {
  options: Array<{
    opportunityId: string;
    title: string;
    organisationName: string | null;
    droppedAt: string;
  }>;
  busy: boolean;
  onRestore: (opportunityId: string, title: string) => void;
}) {
  if (!options.length) return null;
  return (
    <section className="panel" aria-labelledby="dropped-title">
      <h2 id="dropped-title" className="h3">
        Courses you dropped
      </h2>
      <p>We leave these out when we plan. Bring one back and we will plan again with it.</p>
      <ul className="plain-list">
        {options.map((o) => (
          <li key={o.opportunityId}>
            <strong>{o.title}</strong>
            {o.organisationName ? `, ${o.organisationName}` : ''} (dropped {formatDate(o.droppedAt)}){' '}
            <button
              type="button"
              className="button button--small button--secondary"
              disabled={busy}
              onClick={() => onRestore(o.opportunityId, o.title)}
            >
              Bring it back<span className="visually-hidden">: {o.title}</span>
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}

export function RoadmapPage() {
  usePageTitle('Your roadmap');
  const [{ data, fetching, error }, refetch] = useQuery({
    query: MyRoadmapDocument,
    requestPolicy: 'cache-and-network',
  });
  const [{ data: profileData }] = useQuery({
    query: LearnerProfileDocument,
    requestPolicy: 'cache-and-network',
  });
  const [{ data: explainedData }, refetchExplained] = useQuery({
    query: MyRoadmapExplainedDocument,
    requestPolicy: 'cache-and-network',
  });
  const [planning, plan] = useMutation(PlanRoadmapDocument);
  const [updating, updateStep] = useMutation(UpdateRoadmapStepDocument);
  const roadmap =
    updating.data && data?.myRoadmap && updating.data.updateRoadmapStep.version > data.myRoadmap.version
      ? updating.data.updateRoadmapStep
      : data?.myRoadmap;
  const replan = useReplanWatch(roadmap, () => refetch({ requestPolicy: 'network-only' }));
  const [announcement, setAnnouncement] = useState('');
  const [dropped, refetchDropped] = useQuery({
    query: MyDroppedOptionsDocument,
    requestPolicy: 'cache-and-network',
  });
  const [restoring, restore] = useMutation(RestoreDroppedOptionDocument);
  const [, confirmCompletion] = useMutation(ConfirmCourseCompletionDocument);
  const [credentialEarned, setCredentialEarned] = useState<string | null>(null);
  const [undo, setUndo] = useState<{ opportunityId: string; title: string } | null>(null);

  const onRestore = async (opportunityId: string, title: string) => {
    const before = roadmap?.version ?? 0;
    setUndo(null);
    setAnnouncement('');
    const res = await restore({ opportunityId });
    if (!res.data) return;
    setAnnouncement(`${title} is back in your options. We are planning again with it.`);
    replan.watchFrom(before);
    refetchDropped({ requestPolicy: 'network-only' });
    refetch({ requestPolicy: 'network-only' });
  };

  useEffect(() => {
    if (replan.arrived && roadmap) setAnnouncement(`Your roadmap has been updated. ${roadmap.reason}`);
  }, [replan.arrived, roadmap]);

  const onStatus = async (stepId: string, status: StepStatus) => {
    const before = roadmap?.version ?? 0;
    setAnnouncement('');
    const res = await updateStep({ stepId, status });
    if (!res.data) {
      // Most often the plan was re-made meanwhile (the step is from an older version): show the new one.
      refetch({ requestPolicy: 'network-only' });
      return;
    }
    const step = res.data.updateRoadmapStep.steps.find((s) => s.id === stepId);
    const title = step?.opportunity.title ?? 'the step';
    setUndo(status === 'DROPPED' && step ? { opportunityId: step.opportunity.id, title } : null);
    // "I have finished" is the learner's half of a course completion: when the provider has already
    // confirmed theirs, the course completes and any credential is issued now.
    if (status === 'COMPLETED' && step?.kind === 'LEARN') {
      const done = await confirmCompletion({ opportunityId: step.opportunity.id });
      if (done.data?.confirmCourseCompletion.credentialIds.length) setCredentialEarned(title);
    }
    if (status === 'COMPLETED' || status === 'DROPPED') {
      setAnnouncement(
        status === 'COMPLETED' ? `Well done: ${title} is marked as finished.` : `${title} is dropped.`,
      );
      replan.watchFrom(before);
    } else setAnnouncement(`${title} is marked as enrolled.`);
    refetch({ requestPolicy: 'network-only' });
    refetchDropped({ requestPolicy: 'network-only' });
  };

  const profile = profileData?.learnerProfile;
  const explained =
    explainedData?.myRoadmap && roadmap && explainedData.myRoadmap.id === roadmap.id
      ? explainedData.myRoadmap
      : null;
  const reload = () => {
    refetch({ requestPolicy: 'network-only' });
    refetchExplained({ requestPolicy: 'network-only' });
  };
  return (
    <>
      <h1>Your roadmap</h1>
      <ProviderRequests onChange={reload} />
      <p className="visually-hidden" role="status" aria-live="polite">
        {replan.waiting ? `${announcement ? `${announcement} ` : ''}Updating your roadmap…` : announcement}
      </p>
      {replan.waiting && (
        <p className="notice" aria-hidden="true">
          {announcement ? `${announcement} ` : ''}Updating your roadmap…
        </p>
      )}
      {!replan.waiting && announcement && !undo && (
        <p className="notice notice--success" aria-hidden="true">
          {announcement}
        </p>
      )}
      {credentialEarned && (
        <p className="notice notice--success">
          You have earned a credential for {credentialEarned}.{' '}
          <Link href="/credentials">See it and share it</Link>
        </p>
      )}
      {undo && (
        <p className="notice">
          {announcement && !replan.waiting ? announcement : `${undo.title} is dropped.`}{' '}
          <button
            type="button"
            className="button button--small button--secondary"
            disabled={restoring.fetching}
            onClick={handle(() => onRestore(undo.opportunityId, undo.title))}
          >
            Undo<span className="visually-hidden">: bring back {undo.title}</span>
          </button>
        </p>
      )}
      <ErrorSummary
        message={
          errorMessage(error) ??
          errorMessage(planning.error) ??
          errorMessage(updating.error) ??
          errorMessage(restoring.error)
        }
      />
      {fetching && !data && <p role="status">Loading your roadmap…</p>}
      {data && !roadmap && (
        <div className="panel">
          {profile && !profile.selfCheckCompleted ? (
            <p>
              Start with a <Link href="/check">quick check of your digital skills</Link>.
            </p>
          ) : profile?.goal ? (
            <>
              <p>
                Your goal is {profile.goal.occupation?.title ?? profile.goal.opportunity?.title}. We have not
                planned your roadmap yet.
              </p>
              <button
                type="button"
                className="button"
                onClick={() => void plan({})}
                disabled={planning.fetching}
              >
                {planning.fetching ? 'Planning…' : 'Plan my roadmap'}
              </button>
            </>
          ) : (
            <p>
              You have not chosen a goal yet. <Link href="/roles">See the jobs within reach</Link> and choose
              one.
            </p>
          )}
        </div>
      )}
      {roadmap && (
        <>
          <Summary roadmap={roadmap} />
          {explained?.startNote && <StartNote note={explained.startNote} firstStart={explained.firstStart} />}
          {explained && <PlanQuestions questions={explained.questions} onAnswered={reload} />}
          {explained && <BlockersAndWhatIfs roadmap={explained} />}
          <RoadmapChoices key={roadmap.id} current={explained?.option ?? null} onAdopted={reload} />
          <Journey
            roadmap={roadmap}
            explained={explained}
            busy={updating.fetching}
            onStatus={handle(onStatus)}
          />
          <DroppedOptions
            options={dropped.data?.myDroppedOptions ?? []}
            busy={restoring.fetching}
            onRestore={handle(onRestore)}
          />
          <p>
            <button
              type="button"
              className="button button--secondary"
              onClick={() => void plan({})}
              disabled={planning.fetching}
            >
              {planning.fetching ? 'Planning…' : 'Plan again with my latest details'}
            </button>
          </p>
          <OutcomeForm roadmap={roadmap} />
        </>
      )}
    </>
  );
}
