import { type FormEvent, useState } from 'react';
import { useMutation, useQuery } from 'urql';
import {
  type SelfCheckAnswerValue,
  SelfCheckQuestionsDocument,
  SubmitSelfCheckDocument,
} from '../gql/generated';
import { navigate, usePageTitle } from '../router';
import { ErrorSummary, errorMessage } from '../ui/errors';
import { handle } from '../ui/handlers';
import { StepLabel, useOnboarding } from './onboarding';

const CHOICES: Array<{ value: SelfCheckAnswerValue; label: string }> = [
  { value: 'YES', label: 'Yes, I can do this' },
  { value: 'WITH_HELP', label: 'Yes, with some help' },
  { value: 'NO', label: 'Not yet' },
];

/** The six areas of the UK Essential Digital Skills framework, as people say them. */
const AREA_NAMES: Record<string, string> = {
  foundation: 'Getting started',
  communicating: 'Communicating',
  'handling-information': 'Handling information and content',
  transacting: 'Buying and paying online',
  'problem-solving': 'Solving problems',
  'safe-and-legal': 'Being safe and legal online',
};

/** One question a page (GOV.UK "one thing per page"), so a phone shows the question and its answers together. */
export function SelfCheckPage() {
  usePageTitle('Check your digital skills');
  const onboarding = useOnboarding();
  const [{ data, fetching, error }] = useQuery({ query: SelfCheckQuestionsDocument });
  const [submitting, submit] = useMutation(SubmitSelfCheckDocument);
  const [answers, setAnswers] = useState<Record<string, SelfCheckAnswerValue>>({});
  const [index, setIndex] = useState(0);
  const [missing, setMissing] = useState(false);
  const questions = data?.selfCheckQuestions ?? [];
  const q = questions[Math.min(index, questions.length - 1)];
  const last = index >= questions.length - 1;

  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    if (!q) return;
    if (!answers[q.id]) {
      setMissing(true);
      return;
    }
    setMissing(false);
    if (!last) {
      setIndex(index + 1);
      // The new question's legend is read first, as on a new page.
      requestAnimationFrame(() => document.getElementById('self-check-question')?.focus());
      return;
    }
    const res = await submit({
      answers: questions.map((x) => ({ questionId: x.id, answer: answers[x.id] })),
    });
    if (res.data) navigate(onboarding ? '/skills' : '/roadmap');
  };

  return (
    <div className="narrow">
      <StepLabel step={1} />
      <h1>Check your digital skills</h1>
      {index === 0 && (
        <p>
          These questions come from the UK Essential Digital Skills. There are no wrong answers: they help us
          start your plan at the right place.
        </p>
      )}
      {fetching && <p role="status">Loading the questions…</p>}
      <ErrorSummary
        message={errorMessage(error) ?? errorMessage(submitting.error)}
        fields={missing && q ? [{ id: `q-${q.id}-${CHOICES[0].value}`, text: 'Choose an answer' }] : []}
      />
      {q && (
        <form onSubmit={handle(onSubmit)} noValidate>
          <fieldset
            key={q.id}
            className={`field question${missing ? ' field--error' : ''}`}
            aria-describedby={missing ? `q-${q.id}-error` : undefined}
          >
            <legend id="self-check-question" tabIndex={-1}>
              <span className="question__number">
                Question {index + 1} of {questions.length}:{' '}
                <span className="question__area">{AREA_NAMES[q.area] ?? q.area}</span>
              </span>
              {q.text}
            </legend>
            {missing && (
              <p className="field-error" id={`q-${q.id}-error`}>
                <span className="visually-hidden">Error: </span>Choose an answer
              </p>
            )}
            <div className="radios">
              {CHOICES.map((c) => (
                <div className="radio" key={c.value}>
                  <input
                    type="radio"
                    id={`q-${q.id}-${c.value}`}
                    name={`q-${q.id}`}
                    value={c.value}
                    checked={answers[q.id] === c.value}
                    onChange={() => {
                      setAnswers({ ...answers, [q.id]: c.value });
                      setMissing(false);
                    }}
                  />
                  <label htmlFor={`q-${q.id}-${c.value}`}>{c.label}</label>
                </div>
              ))}
            </div>
          </fieldset>
          <p className="actions">
            <button className="button" type="submit" disabled={submitting.fetching}>
              {last
                ? submitting.fetching
                  ? 'Saving…'
                  : onboarding
                    ? 'Save and continue'
                    : 'Save'
                : 'Continue'}
            </button>
            {index > 0 && (
              <button
                type="button"
                className="button button--secondary"
                onClick={() => {
                  setMissing(false);
                  setIndex(index - 1);
                }}
              >
                Back
              </button>
            )}
          </p>
        </form>
      )}
    </div>
  );
}
