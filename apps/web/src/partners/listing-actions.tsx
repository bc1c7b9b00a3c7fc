import { type ReactNode, useState } from 'react';
import { useMutation } from 'urql';
import {
  type ListingFieldsFragment,
  PostVacancyDocument,
  PublishCourseDocument,
  UpdateListingDocument,
  WithdrawListingDocument,
} from '../gql/generated';
import { ErrorSummary, errorMessage } from '../ui/errors';
import { formatDate, KIND_NAMES, LEVEL_NAMES, MODE_NAMES } from '../ui/format';
import { type Audience, ListingForm } from './listing-form';
import { handle } from '../ui/handlers';

const focusSoon = (id: string) => setTimeout(() => document.getElementById(id)?.focus(), 0);

/** "Post a new job" / "Publish a new course": a button that opens the form, and closes it once saved. */
export function NewListing({
  audience,
  organisationId,
  onDone,
}: {
  audience: Audience;
  organisationId: string;
  onDone: (message: string) => void;
}) {
  const [posting, post] = useMutation(PostVacancyDocument);
  const [publishing, publish] = useMutation(PublishCourseDocument);
  const [open, setOpen] = useState(false);
  const job = audience === 'EMPLOYER';
  const state = job ? posting : publishing;
  const toggleId = `new-${audience.toLowerCase()}-toggle`;
  const idPrefix = `new-${audience.toLowerCase()}`;
  if (!open)
    return (
      <button
        id={toggleId}
        type="button"
        className="button"
        aria-expanded={false}
        onClick={() => {
          setOpen(true);
          focusSoon(`${idPrefix}-title`);
        }}
      >
        {job ? 'Post a new job' : 'Publish a new course'}
      </button>
    );
  return (
    <section className="panel" aria-labelledby={`${idPrefix}-heading`}>
      <h3 id={`${idPrefix}-heading`}>{job ? 'Post a new job' : 'Publish a new course'}</h3>
      <ListingForm
        audience={audience}
        idPrefix={idPrefix}
        submitLabel={job ? 'Post the job' : 'Publish the course'}
        busy={state.fetching}
        error={state.error}
        onCancel={() => {
          setOpen(false);
          focusSoon(toggleId);
        }}
        onSave={async (input) => {
          const res = job ? await post({ organisationId, input }) : await publish({ organisationId, input });
          const saved =
            res.data && ('postVacancy' in res.data ? res.data.postVacancy : res.data.publishCourse);
          if (!saved) return false;
          setOpen(false);
          onDone(
            job
              ? `Your job “${saved.title}” is now listed. People who fit it will see it.`
              : `Your course “${saved.title}” is now published. People who need its skills will see it.`,
          );
          return true;
        }}
      />
    </section>
  );
}

function describe(l: ListingFieldsFragment, audience: Audience): string {
  const parts = [
    KIND_NAMES[l.kind] ?? l.kind,
    l.status === 'ACTIVE' ? (audience === 'EMPLOYER' ? 'open' : 'live') : l.status.toLowerCase(),
    MODE_NAMES[l.mode]?.toLowerCase(),
    l.postcode,
    l.startDate ? `starts ${formatDate(l.startDate)}` : null,
    l.closingDate ? `closes ${formatDate(l.closingDate)}` : null,
  ];
  return parts.filter(Boolean).join(', ');
}

/** A listing the organisation published: what it is, and buttons to edit or withdraw it. */
export function ListingCard({
  listing: l,
  audience,
  onChanged,
  children,
}: {
  listing: ListingFieldsFragment;
  audience: Audience;
  onChanged: (message: string) => void;
  children?: ReactNode;
}) {
  const [updating, update] = useMutation(UpdateListingDocument);
  const [withdrawing, withdraw] = useMutation(WithdrawListingDocument);
  const [mode, setMode] = useState<'view' | 'edit' | 'confirm-withdraw'>('view');
  const job = audience === 'EMPLOYER';
  const skills = job ? l.skillsRequired : l.skillsTaught;
  const titleId = `listing-${l.id}`;
  const live = l.status === 'ACTIVE';
  return (
    <li className="card" aria-labelledby={titleId}>
      <h3 className="h4" id={titleId}>
        {l.title}
      </h3>
      <p>{describe(l, audience)}</p>
      <p>
        {job ? 'Needs: ' : 'Teaches: '}
        {skills.map((s) => `${s.skill.label} (${LEVEL_NAMES[s.level]?.toLowerCase()})`).join(', ') ||
          'no skills listed'}
      </p>
      <ErrorSummary message={errorMessage(withdrawing.error)} />
      {mode === 'edit' && (
        <section aria-labelledby={`${titleId}-edit`}>
          <h4 id={`${titleId}-edit`}>Change {l.title}</h4>
          <ListingForm
            audience={audience}
            initial={l}
            idPrefix={`edit-${l.id}`}
            submitLabel="Save changes"
            busy={updating.fetching}
            error={updating.error}
            onCancel={() => {
              setMode('view');
              focusSoon(`edit-btn-${l.id}`);
            }}
            onSave={async (input) => {
              const res = await update({ id: l.id, input });
              if (!res.data) return false;
              setMode('view');
              onChanged(`Your changes to “${res.data.updateListing.title}” are saved.`);
              return true;
            }}
          />
        </section>
      )}
      {mode === 'confirm-withdraw' && (
        <div className="confirm" role="group" aria-labelledby={`${titleId}-withdraw`}>
          <p id={`${titleId}-withdraw`}>
            <strong>Withdraw {l.title}?</strong> It will stop being shown to anyone, and roadmaps that use it
            will be planned again. You cannot undo this.
          </p>
          <p className="actions">
            <button
              id={`withdraw-yes-${l.id}`}
              type="button"
              className="button button--danger"
              disabled={withdrawing.fetching}
              onClick={handle(async () => {
                const res = await withdraw({ id: l.id });
                if (!res.data) return;
                setMode('view');
                onChanged(`“${l.title}” is withdrawn. No one will be shown it any more.`);
              })}
            >
              Yes, withdraw it
            </button>
            <button
              type="button"
              className="button button--secondary"
              onClick={() => {
                setMode('view');
                focusSoon(`withdraw-btn-${l.id}`);
              }}
            >
              No, keep it
            </button>
          </p>
        </div>
      )}
      {mode === 'view' && live && (
        <p className="actions">
          <button
            id={`edit-btn-${l.id}`}
            type="button"
            className="button button--secondary"
            onClick={() => {
              setMode('edit');
              focusSoon(`edit-${l.id}-title`);
            }}
          >
            Edit<span className="visually-hidden"> {l.title}</span>
          </button>
          <button
            id={`withdraw-btn-${l.id}`}
            type="button"
            className="button button--secondary"
            onClick={() => {
              setMode('confirm-withdraw');
              focusSoon(`withdraw-yes-${l.id}`);
            }}
          >
            Withdraw<span className="visually-hidden"> {l.title}</span>
          </button>
        </p>
      )}
      {live && children}
    </li>
  );
}
