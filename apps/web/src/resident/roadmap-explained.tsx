import { useState } from 'react';
import { useMutation, useQuery } from 'urql';
import {
  AdoptRoadmapOptionDocument,
  AnswerProfileQuestionDocument,
  type LearnerProfileInput,
  type OpportunityOutcomesFieldsFragment,
  type ProfileQuestionFieldsFragment,
  type RoadmapExplainedFieldsFragment,
  type RoadmapOptionLabel,
  RoadmapOptionsDocument,
} from '../gql/generated';
import { ErrorSummary, errorMessage } from '../ui/errors';
import { formatDate, formatHours, formatPence } from '../ui/format';
import './roadmap-explained.css';

export type ExplainedStep = RoadmapExplainedFieldsFragment['steps'][number];

const OPTION_NAMES: Record<RoadmapOptionLabel, string> = {
  CHEAPEST: 'Cheapest',
  SOONEST: 'Soonest to a job',
  LEAST_TRAVEL: 'Least travel',
  FEWEST_HOURS: 'Fewest hours',
};

/** Why the goal is out of reach, and what the planner checked would change that, in plain English. */
export function BlockersAndWhatIfs({ roadmap }: { roadmap: RoadmapExplainedFieldsFragment }) {
  if (!roadmap.blockers.length && !roadmap.whatIfs.length) return null;
  return (
    <section className="explained" aria-labelledby="blockers-title">
      <h2 id="blockers-title">What stands in the way</h2>
      {roadmap.blockers.length > 0 && (
        <ul className="explained__list">
          {roadmap.blockers.map((b, i) => (
            <li key={`${b.kind}-${i}`} className="blocker">
              {b.message}
            </li>
          ))}
        </ul>
      )}
      {roadmap.whatIfs.length > 0 && (
        <>
          <h3 className="h4">What would make your goal reachable</h3>
          <ul className="explained__list">
            {roadmap.whatIfs.map((w, i) => (
              <li key={`${w.kind}-${i}`} className="what-if">
                {w.message}
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}

/** The answers a boolean question can have, worded for the resident. */
const YES_NO: Array<{ value: boolean; label: string }> = [
  { value: true, label: 'Yes' },
  { value: false, label: 'No' },
];

/**
 * The unanswered questions that stand between the resident and a cheaper (often free) plan. Saving an
 * answer stores it in their profile and plans again at once.
 */
export function PlanQuestions({
  questions,
  onAnswered,
}: {
  questions: readonly ProfileQuestionFieldsFragment[];
  onAnswered: () => void;
}) {
  const [, answer] = useMutation(AnswerProfileQuestionDocument);
  const [planning, plan] = useMutation(AdoptRoadmapOptionDocument);
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const unique = questions.filter((q, i) => questions.findIndex((x) => x.question === q.question) === i);
  const yesNo = unique.filter(
    (q) => typeof Object.values(q.answer as Record<string, unknown>)[0] === 'boolean',
  );
  if (!yesNo.length) return null;

  const save = async (q: ProfileQuestionFieldsFragment, value: boolean) => {
    setSaving(true);
    setError(null);
    const input = { [q.profileField]: value } as LearnerProfileInput;
    const saved = await answer({ input });
    if (saved.error) {
      setError(errorMessage(saved.error) ?? 'Your answer was not saved.');
      setSaving(false);
      return;
    }
    const replanned = await plan({ option: null });
    setSaving(false);
    if (replanned.error) setError(errorMessage(replanned.error) ?? 'Your plan was not updated.');
    else onAnswered();
  };

  return (
    <section className="explained explained--question" aria-labelledby="questions-title">
      <h2 id="questions-title">One question could make your plan cheaper</h2>
      <ErrorSummary message={error} />
      {yesNo.map((q) => (
        <fieldset key={q.question} className="plan-question">
          <legend>{q.text}</legend>
          <p className="plan-question__why">{sentenceCase(q.message)}.</p>
          <div className="plan-question__answers">
            {YES_NO.map((a) => (
              <button
                key={String(a.value)}
                type="button"
                className="button button--secondary"
                disabled={saving || planning.fetching}
                onClick={() => void save(q, a.value)}
              >
                {a.label}
                <span className="visually-hidden">: {q.text}</span>
              </button>
            ))}
          </div>
        </fieldset>
      ))}
      {(saving || planning.fetching) && <p role="status">Saving your answer and planning again…</p>}
    </section>
  );
}

/**
 * Said when the first step is months away: when it starts (the planner's note), and the plan that
 * starts sooner, if any, with a link to it among the other ways below; or plainly that none does.
 */
export function StartNote({ note, firstStart }: { note: string; firstStart: string | null }) {
  const [{ data }] = useQuery({ query: RoadmapOptionsDocument, requestPolicy: 'cache-first' });
  const sooner = (data?.roadmapOptions ?? [])
    .filter((o) => o.firstStart == null || (firstStart != null && o.firstStart < firstStart))
    .sort((a, b) => (a.firstStart ?? '').localeCompare(b.firstStart ?? ''))[0];
  return (
    <div className="notice start-note">
      <p>{note}</p>
      {data &&
        (sooner ? (
          <p>
            {sooner.firstStart
              ? `A plan that starts sooner, on ${formatDate(sooner.firstStart)}: `
              : 'A plan that needs no course first: '}
            {(data.roadmapOptions.length ?? 0) > 1 ? (
              <a href={`#option-${sooner.label}`}>
                {OPTION_NAMES[sooner.label]}, under “Other ways to your goal”
              </a>
            ) : (
              OPTION_NAMES[sooner.label]
            )}
            .
          </p>
        ) : (
          <p>No other plan for this goal starts sooner.</p>
        ))}
    </div>
  );
}

function sentenceCase(s: string): string {
  return s ? s[0].toUpperCase() + s.slice(1) : s;
}

/**
 * Up to three different plans, side by side on a wide screen and one under another on a phone, each
 * with its trade-off; choosing one makes it the resident's roadmap.
 */
export function RoadmapChoices({ current, onAdopted }: { current: string | null; onAdopted: () => void }) {
  const [{ data, fetching, error }] = useQuery({
    query: RoadmapOptionsDocument,
    requestPolicy: 'cache-and-network',
  });
  const [adopting, adopt] = useMutation(AdoptRoadmapOptionDocument);
  const options = data?.roadmapOptions ?? [];
  if (fetching && !data) return <p role="status">Looking for other ways to your goal…</p>;
  if (options.length < 2) return null;
  const choose = async (label: RoadmapOptionLabel) => {
    const res = await adopt({ option: label });
    if (!res.error) onAdopted();
  };
  return (
    <section className="explained" aria-labelledby="options-title">
      <h2 id="options-title">Other ways to your goal</h2>
      <ErrorSummary message={errorMessage(error) ?? errorMessage(adopting.error)} />
      <ul className="plan-options">
        {options.map((o) => {
          const chosen = current === o.label;
          const titleId = `option-${o.label}`;
          return (
            <li key={o.label}>
              <article
                className={`plan-option${chosen ? ' plan-option--chosen' : ''}`}
                aria-labelledby={titleId}
              >
                <h3 className="h4" id={titleId}>
                  {OPTION_NAMES[o.label]}
                </h3>
                <p className="plan-option__trade-off">{o.tradeOff}</p>
                <dl className="facts">
                  <div>
                    <dt>Cost to you</dt>
                    <dd>{formatPence(o.totalCostPence)}</dd>
                  </div>
                  <div>
                    <dt>Learning</dt>
                    <dd>{formatHours(o.totalHours) ?? 'None'}</dd>
                  </div>
                  <div>
                    <dt>Done in</dt>
                    <dd>{Math.ceil(o.weeks)} weeks</dd>
                  </div>
                  <div>
                    <dt>First step starts</dt>
                    <dd>{formatDate(o.firstStart) ?? 'No learning needed'}</dd>
                  </div>
                </dl>
                {o.startNote && <p className="plan-option__note">{o.startNote}</p>}
                <ol className="plan-option__steps">
                  {o.steps
                    .filter((s) => s.kind === 'LEARN')
                    .map((s) => (
                      <li key={s.id}>{s.opportunity.title}</li>
                    ))}
                </ol>
                {chosen ? (
                  <p className="plan-option__chosen">This is your plan</p>
                ) : (
                  <button
                    type="button"
                    className="button button--small"
                    disabled={adopting.fetching}
                    onClick={() => void choose(o.label)}
                  >
                    Choose this plan<span className="visually-hidden">: {OPTION_NAMES[o.label]}</span>
                  </button>
                )}
              </article>
            </li>
          );
        })}
      </ul>
    </section>
  );
}

/** What happened to people who took a course before, with small numbers hidden. */
export function OutcomeFigures({ outcomes }: { outcomes: OpportunityOutcomesFieldsFragment }) {
  const c = outcomes.course;
  const p = outcomes.provider;
  return (
    <div className="outcomes">
      <h4 className="outcomes__title">What happened to people who took it</h4>
      <dl className="facts facts--outcomes">
        <div>
          <dt>Started</dt>
          <dd>{c.starts.text}</dd>
        </div>
        <div>
          <dt>Completed</dt>
          <dd>{c.completions.text}</dd>
        </div>
        <div>
          <dt>Had an interview</dt>
          <dd>{c.interviews.text}</dd>
        </div>
        <div>
          <dt>Found work</dt>
          <dd>{c.jobs.text}</dd>
        </div>
        {outcomes.interviewsPromised && outcomes.interviewsHeld && (
          <div>
            <dt>Interviews promised / held</dt>
            <dd>
              {outcomes.interviewsPromised.text} promised, {outcomes.interviewsHeld.text} held
            </dd>
          </div>
        )}
        <div>
          <dt>All courses by this provider</dt>
          <dd>
            {p.starts.text} started, {p.completions.text} completed, {p.jobs.text} found work
          </dd>
        </div>
      </dl>
    </div>
  );
}

/** Price before funding, the rule that made it cheaper, and a question that could. */
export function StepFunding({ step }: { step: ExplainedStep }) {
  if (!step.fundingNote && !step.ask) return null;
  return (
    <div className="step-funding">
      {step.fundingNote && step.listPricePence != null && (
        <p>
          Normally {formatPence(step.listPricePence)}. Free or cheaper for you under national funding rules:{' '}
          <span className="step-funding__source">{step.fundingNote}</span>
        </p>
      )}
      {step.ask && <p>{sentenceCase(step.ask.message)}. Answer the question above to check.</p>}
    </div>
  );
}
