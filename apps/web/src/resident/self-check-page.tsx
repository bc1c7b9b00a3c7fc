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

const CHOICES: Array<{ value: SelfCheckAnswerValue; label: string }> = [
  { value: 'YES', label: 'Yes, I can do this' },
  { value: 'WITH_HELP', label: 'Yes, with some help' },
  { value: 'NO', label: 'Not yet' },
];

export function SelfCheckPage() {
  usePageTitle('Check your digital skills');
  const [{ data, fetching, error }] = useQuery({ query: SelfCheckQuestionsDocument });
  const [submitting, submit] = useMutation(SubmitSelfCheckDocument);
  const [answers, setAnswers] = useState<Record<string, SelfCheckAnswerValue>>({});
  const [missing, setMissing] = useState<string[]>([]);
  const questions = data?.selfCheckQuestions ?? [];

  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    const unanswered = questions.filter((q) => !answers[q.id]).map((q) => q.id);
    setMissing(unanswered);
    if (unanswered.length) {
      document.querySelector<HTMLInputElement>(`input[name="q-${unanswered[0]}"]`)?.focus();
      return;
    }
    const res = await submit({
      answers: questions.map((q) => ({ questionId: q.id, answer: answers[q.id] })),
    });
    if (res.data) navigate('/skills');
  };

  return (
    <div className="narrow">
      <p className="step-label">Step 1 of 4</p>
      <h1>Check your digital skills</h1>
      <p>
        These questions come from the UK Essential Digital Skills. There are no wrong answers: they help us
        start your plan at the right place.
      </p>
      {fetching && <p role="status">Loading the questions…</p>}
      <ErrorSummary message={errorMessage(error) ?? errorMessage(submitting.error)} />
      {missing.length > 0 && (
        <div className="error-summary" role="alert">
          <h2 className="error-summary__title">There is a problem</h2>
          <p>
            Answer every question.{' '}
            {missing.length === 1 ? 'One question has' : `${missing.length} questions have`} no answer yet.
          </p>
        </div>
      )}
      {questions.length > 0 && (
        <form onSubmit={handle(onSubmit)} noValidate>
          {questions.map((q, i) => {
            const isMissing = missing.includes(q.id);
            return (
              <fieldset
                key={q.id}
                className={`field question${isMissing ? ' field--error' : ''}`}
                aria-describedby={isMissing ? `q-${q.id}-error` : undefined}
              >
                <legend>
                  <span className="question__number">
                    Question {i + 1} of {questions.length} <span className="question__area">({q.area})</span>
                  </span>
                  {q.text}
                </legend>
                {isMissing && (
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
                        onChange={() => setAnswers({ ...answers, [q.id]: c.value })}
                      />
                      <label htmlFor={`q-${q.id}-${c.value}`}>{c.label}</label>
                    </div>
                  ))}
                </div>
              </fieldset>
            );
          })}
          <button className="button" type="submit" disabled={submitting.fetching}>
            {submitting.fetching ? 'Saving…' : 'Save and continue'}
          </button>
        </form>
      )}
    </div>
  );
}
