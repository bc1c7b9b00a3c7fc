import { useState } from 'react';
import type { RoadmapFieldsFragment, StepStatus } from '../gql/generated';
import { CheckedAgo } from '../ui/checked-ago';
import {
  formatDate,
  formatHours,
  formatKm,
  formatPence,
  KIND_NAMES,
  LEVEL_NAMES,
  MODE_NAMES,
} from '../ui/format';

import { type ExplainedStep, OutcomeFigures, StepFunding } from './roadmap-explained';

export type RoadmapStepView = RoadmapFieldsFragment['steps'][number];

const STATUS_TEXT: Record<StepStatus, { label: string; icon: string }> = {
  PLANNED: { label: 'Planned', icon: '○' },
  ENROLLED: { label: 'Enrolled', icon: '◐' },
  COMPLETED: { label: 'Completed', icon: '✓' },
  DROPPED: { label: 'Dropped', icon: '✕' },
};

function fundingText(step: RoadmapStepView): string {
  const full = step.opportunity.costPence;
  if (full === 0) return 'Free';
  if (step.costPence === 0) return `Fully funded for you (normally ${formatPence(full)})`;
  if (step.costPence < full)
    return `Part funded: you pay ${formatPence(step.costPence)} of ${formatPence(full)}`;
  return step.opportunity.fundedAvailable
    ? 'Funding is available for some people, but not for you'
    : 'No funding available';
}

export function StepStatusBadge({ status }: { status: StepStatus }) {
  const s = STATUS_TEXT[status];
  return (
    <span className={`status status--${status.toLowerCase()}`}>
      <span aria-hidden="true">{s.icon} </span>
      {s.label}
    </span>
  );
}

export function LearnStepCard({
  step,
  explained,
  number,
  busy,
  onStatus,
}: {
  step: RoadmapStepView;
  /** Funding, the question that could lower the price, and outcome figures, when loaded. */
  explained?: ExplainedStep;
  number: number;
  busy: boolean;
  onStatus: (status: StepStatus) => void;
}) {
  const o = step.opportunity;
  const start = formatDate(step.plannedStart);
  const end = formatDate(step.plannedEnd);
  const titleId = `step-${step.id}-title`;
  const [confirmingDrop, setConfirmingDrop] = useState(false);
  return (
    <article className={`step-card step-card--${step.status.toLowerCase()}`} aria-labelledby={titleId}>
      <header className="step-card__head">
        <span className="step-card__number" aria-hidden="true">
          {number}
        </span>
        <div>
          <p className="step-card__kind">
            Step {number}: {KIND_NAMES[o.kind] ?? o.kind}
            {o.accredited && <span className="tag">Employer accredited</span>}
          </p>
          <h3 className="step-card__title" id={titleId}>
            {o.title}
          </h3>
          <p className="step-card__org">{o.organisationName}</p>
          <CheckedAgo at={o.lastCheckedAt} />
        </div>
      </header>
      <StepStatusBadge status={step.status} />
      <dl className="facts">
        <div>
          <dt>When</dt>
          <dd>{start ? (end ? `${start} to ${end}` : `Starts ${start}`) : 'Start any time'}</dd>
        </div>
        <div>
          <dt>Time</dt>
          <dd>{formatHours(step.hours) ?? 'Not stated'}</dd>
        </div>
        <div>
          <dt>Cost to you</dt>
          <dd>{formatPence(step.costPence)}</dd>
        </div>
        <div>
          <dt>Funding</dt>
          <dd>{fundingText(step)}</dd>
        </div>
        <div>
          <dt>Where</dt>
          <dd>
            {MODE_NAMES[o.mode]}
            {o.mode !== 'ONLINE' && step.distanceKm != null ? `, ${formatKm(step.distanceKm)} away` : ''}
          </dd>
        </div>
      </dl>
      <p className="step-card__why">
        <strong>Why this step: </strong>
        {step.why}
      </p>
      {explained && <StepFunding step={explained} />}
      {explained?.outcomes && <OutcomeFigures outcomes={explained.outcomes} />}
      {step.skillsGained.length > 0 && (
        <p className="step-card__skills">
          <strong>You will gain: </strong>
          {step.skillsGained
            .map((s) => `${s.skill.label} (${LEVEL_NAMES[s.level]?.toLowerCase() ?? s.level})`)
            .join(', ')}
        </p>
      )}
      <div className="step-card__actions">
        {step.status === 'PLANNED' && (
          <button
            type="button"
            className="button button--small"
            disabled={busy}
            onClick={() => onStatus('ENROLLED')}
          >
            I have enrolled<span className="visually-hidden"> on {o.title}</span>
          </button>
        )}
        {(step.status === 'PLANNED' || step.status === 'ENROLLED') && (
          <button
            type="button"
            className="button button--small"
            disabled={busy}
            onClick={() => onStatus('COMPLETED')}
          >
            I have finished<span className="visually-hidden"> {o.title}</span>
          </button>
        )}
        {(step.status === 'PLANNED' || step.status === 'ENROLLED') && !confirmingDrop && (
          <button
            type="button"
            className="button button--small button--secondary"
            disabled={busy}
            onClick={() => setConfirmingDrop(true)}
          >
            Drop this step<span className="visually-hidden">: {o.title}</span>
          </button>
        )}
        {confirmingDrop && (
          <div className="confirm" role="group" aria-labelledby={`${titleId}-drop`}>
            <p id={`${titleId}-drop`}>
              <strong>Drop {o.title}?</strong> We will plan again without it. You can bring it back later
              under “Courses you dropped”.
            </p>
            <button
              type="button"
              className="button button--small button--danger"
              disabled={busy}
              autoFocus
              onClick={() => {
                setConfirmingDrop(false);
                onStatus('DROPPED');
              }}
            >
              Yes, drop it
            </button>{' '}
            <button
              type="button"
              className="button button--small button--secondary"
              onClick={() => setConfirmingDrop(false)}
            >
              No, keep it
            </button>
          </div>
        )}
        {o.url && (
          <a href={o.url} className="step-card__link" rel="noopener noreferrer" target="_blank">
            Course details<span className="visually-hidden"> for {o.title} (opens in a new tab)</span>
          </a>
        )}
      </div>
    </article>
  );
}

export function JobCard({ step }: { step: RoadmapStepView }) {
  const o = step.opportunity;
  const closing = formatDate(o.closingDate);
  return (
    <article className="job-card" aria-labelledby={`job-${step.id}`}>
      <p className="step-card__kind">{KIND_NAMES[o.kind] ?? o.kind}</p>
      <h3 className="step-card__title" id={`job-${step.id}`}>
        {o.title}
      </h3>
      <p className="step-card__org">{o.organisationName}</p>
      <CheckedAgo at={o.lastCheckedAt} />
      <dl className="facts">
        {o.wagePencePerYear != null && (
          <div>
            <dt>Pay</dt>
            <dd>{formatPence(o.wagePencePerYear)} a year</dd>
          </div>
        )}
        <div>
          <dt>Where</dt>
          <dd>
            {MODE_NAMES[o.mode]}
            {step.distanceKm != null ? `, ${formatKm(step.distanceKm)} away` : ''}
          </dd>
        </div>
        {closing && (
          <div>
            <dt>Apply by</dt>
            <dd>{closing}</dd>
          </div>
        )}
      </dl>
      {o.guaranteedInterview && (
        <p className="tag">Guaranteed interview when you finish the accredited course</p>
      )}
      <p className="step-card__why">{step.why}</p>
      {o.url && (
        <a href={o.url} rel="noopener noreferrer" target="_blank">
          How to apply<span className="visually-hidden"> for {o.title} (opens in a new tab)</span>
        </a>
      )}
    </article>
  );
}
