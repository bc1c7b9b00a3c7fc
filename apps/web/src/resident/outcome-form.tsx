import { type FormEvent, useState } from 'react';
import { useMutation, useQuery } from 'urql';
import {
  MyOutcomesDocument,
  type MyOutcomesQuery,
  type OutcomeKind,
  ReportOutcomeDocument,
  type RoadmapFieldsFragment,
} from '../gql/generated';
import { ErrorSummary, errorMessage } from '../ui/errors';
import { RadioGroup, SelectField } from '../ui/fields';
import { formatDate } from '../ui/format';
import { handle } from '../ui/handlers';

const OUTCOMES: ReadonlyArray<{ value: OutcomeKind; label: string; done: string }> = [
  { value: 'APPLIED', label: 'I applied for a job', done: 'you applied for a job' },
  { value: 'INTERVIEWED', label: 'I had a job interview', done: 'you had a job interview' },
  { value: 'IN_WORK', label: 'I got a job', done: 'you got a job. Congratulations' },
];

const SAID: Record<OutcomeKind, string> = {
  APPLIED: 'You applied for a job',
  INTERVIEWED: 'You had a job interview',
  IN_WORK: 'You got a job',
};

const RECORDED: Record<OutcomeKind, string> = {
  APPLIED: 'recorded that you applied',
  INTERVIEWED: 'recorded your interview',
  IN_WORK: 'recorded that you started work with them',
};

type PastOutcome = MyOutcomesQuery['myOutcomes'][number];

function describeOutcome(o: PastOutcome): string {
  const about = o.opportunityTitle ? ` for ${o.opportunityTitle}` : '';
  return o.recordedBy === 'EMPLOYER'
    ? `${o.employerName ?? 'An employer'} ${RECORDED[o.kind]}${about}`
    : `${SAID[o.kind]}${about}`;
}

/** What the resident told us before, and what employers recorded about them, newest first. */
function PastOutcomes({ outcomes }: { outcomes: PastOutcome[] }) {
  if (!outcomes.length) return null;
  return (
    <>
      <h3 className="h4" id="past-outcomes-title">
        What we know so far
      </h3>
      <ul aria-labelledby="past-outcomes-title">
        {outcomes.map((o) => (
          <li key={o.id}>
            {describeOutcome(o)}
            {o.recordedBy === 'LEARNER' ? ' (you told us)' : ''}, {formatDate(o.at)}.
          </li>
        ))}
      </ul>
    </>
  );
}

/** "Tell us what happened": applied, interviewed or in work, for a job on the roadmap or another one. */
export function OutcomeForm({ roadmap }: { roadmap: RoadmapFieldsFragment }) {
  const [saving, report] = useMutation(ReportOutcomeDocument);
  const [past, refetchPast] = useQuery({ query: MyOutcomesDocument, requestPolicy: 'cache-and-network' });
  const [kind, setKind] = useState<OutcomeKind | ''>('');
  const [opportunityId, setOpportunityId] = useState('');
  const [kindError, setKindError] = useState<string | null>(null);
  const [done, setDone] = useState('');
  // Jobs first: an outcome is usually about one of them, but a course's guaranteed interview counts too.
  const choices = [...roadmap.steps]
    .sort((a, b) => Number(b.kind === 'APPLY') - Number(a.kind === 'APPLY') || a.position - b.position)
    .map((s) => s.opportunity)
    .filter((o, i, all) => all.findIndex((x) => x.id === o.id) === i);

  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    setDone('');
    if (!kind) {
      setKindError('Choose what happened');
      document.getElementById('outcome-APPLIED')?.focus();
      return;
    }
    setKindError(null);
    const res = await report({ kind, opportunityId: opportunityId || null });
    if (res.data?.reportOutcome) {
      const title = choices.find((c) => c.id === opportunityId)?.title;
      setDone(
        `Thank you. We have saved that ${OUTCOMES.find((o) => o.value === kind)?.done}${title ? ` (${title})` : ''}.`,
      );
      setKind('');
      setOpportunityId('');
      refetchPast({ requestPolicy: 'network-only' });
    }
  };

  return (
    <section className="panel form-section" aria-labelledby="outcome-title">
      <h2 id="outcome-title">Tell us what happened</h2>
      <p>
        Did you apply for a job, have an interview or start work? Telling us helps your local skills
        partnership know what works.
      </p>
      <ErrorSummary message={errorMessage(saving.error) ?? errorMessage(past.error)} />
      {done && (
        <p className="notice notice--success" role="status">
          {done}
        </p>
      )}
      <PastOutcomes outcomes={past.data?.myOutcomes ?? []} />
      <form onSubmit={handle(onSubmit)} noValidate>
        <RadioGroup
          name="outcome"
          legend="What happened?"
          options={OUTCOMES}
          value={kind}
          onChange={(v) => {
            setKind(v);
            setKindError(null);
          }}
          error={kindError}
        />
        <SelectField
          id="outcome-opportunity"
          label="Which job or course was it? (optional)"
          value={opportunityId}
          onChange={(e) => setOpportunityId(e.target.value)}
        >
          <option value="">Not one on my roadmap</option>
          {choices.map((o) => (
            <option key={o.id} value={o.id}>
              {o.title} ({o.organisationName})
            </option>
          ))}
        </SelectField>
        <button type="submit" className="button" disabled={saving.fetching}>
          {saving.fetching ? 'Saving…' : 'Save what happened'}
        </button>
      </form>
    </section>
  );
}
