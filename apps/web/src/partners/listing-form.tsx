import { type ChangeEvent, type FormEvent, useState } from 'react';
import type { CombinedError } from 'urql';
import type { DeliveryMode, ListingFieldsFragment, ListingInput, OpportunityKind } from '../gql/generated';
import { type PickedSkill, SkillSearch } from '../resident/skill-search';
import { ErrorSummary, errorField, errorMessage } from '../ui/errors';
import { Checkbox, RadioGroup, SelectField, TextArea, TextField } from '../ui/fields';
import { LEVEL_NAMES, MODE_NAMES } from '../ui/format';
import { handle } from '../ui/handlers';

export type Audience = 'EMPLOYER' | 'PROVIDER';

interface SkillRow extends PickedSkill {
  level: number;
}

interface Form {
  kind: OpportunityKind;
  title: string;
  description: string;
  skills: SkillRow[];
  mode: DeliveryMode;
  postcode: string;
  closingDate: string;
  startDate: string;
  wagePounds: string;
  costPounds: string;
  fundedPounds: string;
  onlyOnBenefits: boolean;
  stepFree: '' | 'yes' | 'no';
  /** National funding rules the course is approved for (funding rule codes). */
  entitlements: string[];
  hoursPerWeek: string;
  durationWeeks: string;
  url: string;
}

type FieldKey = Exclude<keyof Form, 'kind' | 'mode' | 'onlyOnBenefits' | 'stepFree' | 'entitlements'>;
/** The fields typed as plain text. */
type TextKey = Exclude<FieldKey, 'skills'>;
type Funding = NonNullable<ListingFieldsFragment['funding']>;
type Errors = Partial<Record<FieldKey, string>>;

const KINDS: Record<Audience, ReadonlyArray<{ value: OpportunityKind; label: string }>> = {
  EMPLOYER: [
    { value: 'VACANCY', label: 'A job' },
    { value: 'APPRENTICESHIP', label: 'An apprenticeship' },
  ],
  PROVIDER: [
    { value: 'COURSE', label: 'A course' },
    { value: 'BOOTCAMP', label: 'A Skills Bootcamp' },
  ],
};

/**
 * The national funding rules a provider can say its course is approved for (the API's codes), in plain
 * English: who then pays nothing. The planner decides each resident's eligibility from their profile.
 */
export const ENTITLEMENT_CHOICES: ReadonlyArray<{ code: string; label: string }> = [
  {
    code: 'ADULT_MATHS_TO_LEVEL_2',
    label: 'Free maths: adults (19 or over) without maths at level 2 (GCSE grade 4 or C) learn free',
  },
  {
    code: 'ADULT_ENGLISH_TO_LEVEL_2',
    label: 'Free English: adults (19 or over) without English at level 2 (GCSE grade 4 or C) learn free',
  },
  {
    code: 'ESSENTIAL_DIGITAL_SKILLS',
    label: 'Essential Digital Skills: free for adults (19 or over) with no or low digital skills',
  },
  {
    code: 'FREE_COURSES_FOR_JOBS_LEVEL_3',
    label:
      'Free Courses for Jobs: a first level 3 free for adults (19 or over), and for adults out of work or on a low wage',
  },
  { code: 'SKILLS_BOOTCAMP', label: 'Skills Bootcamp: free for adults (19 or over)' },
];

/** The order fields appear in, so focus goes to the first one with a problem. */
const ORDER: FieldKey[] = [
  'title',
  'description',
  'skills',
  'postcode',
  'startDate',
  'closingDate',
  'wagePounds',
  'costPounds',
  'fundedPounds',
  'hoursPerWeek',
  'durationWeeks',
  'url',
];

/** API input names → this form's fields, for errors the API ties to a field. */
const API_FIELDS = {
  title: 'title',
  description: 'description',
  postcode: 'postcode',
  closingDate: 'closingDate',
  startDate: 'startDate',
  wagePencePerYear: 'wagePounds',
  costPence: 'costPounds',
  fundedCostPence: 'fundedPounds',
  funding: 'fundedPounds',
  hoursPerWeek: 'hoursPerWeek',
  durationWeeks: 'durationWeeks',
  url: 'url',
  skillsRequired: 'skills',
  skillsTaught: 'skills',
  skillIds: 'skills',
} as const satisfies Record<string, FieldKey>;
const API_FIELD_NAMES = Object.keys(API_FIELDS) as Array<keyof typeof API_FIELDS>;

const day = (iso: string | null | undefined) => (iso ? iso.slice(0, 10) : '');
const pounds = (pence: number | null | undefined) => (pence == null ? '' : String(pence / 100));
const num = (n: number | null | undefined) => (n == null ? '' : String(n));

function toForm(audience: Audience, l: ListingFieldsFragment | undefined): Form {
  const skills = audience === 'EMPLOYER' ? l?.skillsRequired : l?.skillsTaught;
  return {
    kind: l?.kind ?? KINDS[audience][0].value,
    title: l?.title ?? '',
    description: l?.description ?? '',
    skills: (skills ?? []).map((s) => ({ id: s.skill.id, label: s.skill.label, level: s.level })),
    mode: l?.mode ?? 'IN_PERSON',
    postcode: l?.postcode ?? '',
    closingDate: day(l?.closingDate),
    startDate: day(l?.startDate),
    wagePounds: pounds(l?.wagePencePerYear),
    costPounds: l ? pounds(l.costPence) : '0',
    fundedPounds: pounds(l?.funding?.fundedCostPence),
    onlyOnBenefits: l?.funding?.requiresBenefits ?? false,
    stepFree: l?.stepFree == null ? '' : l.stepFree ? 'yes' : 'no',
    entitlements: l?.entitlements ?? [],
    hoursPerWeek: num(l?.hoursPerWeek),
    durationWeeks: num(l?.durationWeeks),
    url: l?.url ?? '',
  };
}

const STATUS_WORDS: Record<string, string> = {
  EMPLOYED: 'in work',
  SELF_EMPLOYED: 'self-employed',
  UNEMPLOYED: 'looking for work',
  INACTIVE: 'not working or looking for work',
};

/** The saved eligibility rules this form has no fields for, in words ("aged 19 or over; looking for work"). */
export function otherFundingRules(f: Funding | null | undefined): string | null {
  if (!f) return null;
  const parts = [
    f.minAge != null && f.maxAge != null
      ? `aged ${f.minAge} to ${f.maxAge}`
      : f.minAge != null
        ? `aged ${f.minAge} or over`
        : f.maxAge != null
          ? `aged ${f.maxAge} or under`
          : null,
    f.employmentStatuses?.length
      ? f.employmentStatuses.map((s) => STATUS_WORDS[s] ?? s.toLowerCase()).join(' or ')
      : null,
    f.maxPriorQualificationLevel != null
      ? `no qualification above level ${f.maxPriorQualificationLevel}`
      : null,
  ].filter(Boolean);
  return parts.length ? parts.join('; ') : null;
}

function today(): string {
  return new Date().toISOString().slice(0, 10);
}

function isWebAddress(text: string): boolean {
  try {
    const u = new URL(text);
    return (u.protocol === 'https:' || u.protocol === 'http:') && u.hostname.includes('.');
  } catch {
    return false;
  }
}

function numberIn(text: string, min: number, max: number): boolean {
  const n = Number(text);
  return text.trim() !== '' && Number.isFinite(n) && n >= min && n <= max;
}

function validate(audience: Audience, f: Form, editing: boolean): Errors {
  const e: Errors = {};
  const job = audience === 'EMPLOYER';
  const title = f.title.trim();
  if (title.length < 3)
    e.title = job
      ? 'Enter a job title of at least 3 letters, like “Junior data analyst”'
      : 'Enter a course title of at least 3 letters, like “Spreadsheets for work”';
  else if (title.length > 200) e.title = 'Keep the title to 200 letters or fewer';
  if (f.description.length > 5000) e.description = 'Keep the description to 5,000 letters or fewer';
  if (!f.skills.length)
    e.skills = job
      ? 'Add at least one skill the job needs, so we can find people who fit'
      : 'Add at least one skill the course teaches, so we can suggest it to the right people';
  if (f.mode !== 'ONLINE' && !f.postcode.trim())
    e.postcode = job
      ? 'Enter the workplace postcode, or choose “Online” if the job is done from home'
      : 'Enter the postcode where the course is held, or choose “Online”';
  else if (f.postcode.trim().length > 10) e.postcode = 'Enter a postcode, like M4 6DE';
  // A new listing should not already be closed; an old one being edited may keep its date.
  if (f.closingDate && !editing && f.closingDate < today())
    e.closingDate = 'The closing date must be today or later';
  if (!job && f.startDate && f.closingDate && f.closingDate > f.startDate)
    e.closingDate = 'The closing date for applications must be on or before the start date';
  if (f.wagePounds && !numberIn(f.wagePounds, 0, 10_000_000))
    e.wagePounds = 'Enter the yearly wage in pounds, like 24000';
  if (!job && !numberIn(f.costPounds, 0, 1_000_000))
    e.costPounds = 'Enter the full price in pounds. Enter 0 if it is free';
  if (!job && f.fundedPounds.trim()) {
    if (!numberIn(f.fundedPounds, 0, 1_000_000))
      e.fundedPounds = 'Enter what people who qualify pay, in pounds. Enter 0 if it is free for them';
    else if (numberIn(f.costPounds, 0, 1_000_000) && Number(f.fundedPounds) > Number(f.costPounds))
      e.fundedPounds = 'The price for people who qualify must not be more than the full price';
  }
  if (f.hoursPerWeek && !numberIn(f.hoursPerWeek, 0, 80))
    e.hoursPerWeek = 'Enter the hours each week, from 0 to 80';
  if (f.durationWeeks && !numberIn(f.durationWeeks, 0, 520))
    e.durationWeeks = 'Enter how many weeks it lasts, from 0 to 520';
  if (f.url.trim() && !isWebAddress(f.url.trim())) e.url = 'Enter a full web address, starting with https://';
  return e;
}

function toInput(audience: Audience, f: Form, initial: ListingFieldsFragment | undefined): ListingInput {
  const skills = f.skills.map((s) => ({ skillId: s.id, level: s.level }));
  // Skills of the other role (a course's entry requirements) are not on this form: keep them as they are.
  const keep = (list: ListingFieldsFragment['skillsTaught'] | undefined) =>
    (list ?? []).map((s) => ({ skillId: s.skill.id, level: s.level }));
  const optionalNumber = (t: string) => (t.trim() === '' ? undefined : Number(t));
  return {
    funding: audience === 'PROVIDER' ? fundingInput(f, initial?.funding) : undefined,
    // In the rules' order, whatever order the boxes were ticked in.
    entitlements:
      audience === 'PROVIDER'
        ? ENTITLEMENT_CHOICES.map((c) => c.code).filter((c) => f.entitlements.includes(c))
        : undefined,
    stepFree: f.stepFree === '' ? null : f.stepFree === 'yes',
    kind: f.kind,
    title: f.title.trim(),
    description: f.description.trim() || undefined,
    mode: f.mode,
    postcode: f.mode === 'ONLINE' && !f.postcode.trim() ? undefined : f.postcode.trim().toUpperCase(),
    skillsRequired: audience === 'EMPLOYER' ? skills : keep(initial?.skillsRequired),
    skillsTaught: audience === 'PROVIDER' ? skills : keep(initial?.skillsTaught),
    closingDate: f.closingDate ? `${f.closingDate}T23:59:59.000Z` : undefined,
    startDate: f.startDate ? `${f.startDate}T09:00:00.000Z` : undefined,
    wagePencePerYear: f.wagePounds ? Math.round(Number(f.wagePounds) * 100) : undefined,
    costPence: audience === 'PROVIDER' ? Math.round(Number(f.costPounds) * 100) : (initial?.costPence ?? 0),
    hoursPerWeek: optionalNumber(f.hoursPerWeek),
    durationWeeks: optionalNumber(f.durationWeeks),
    level: initial?.level ?? undefined,
    url: f.url.trim() || undefined,
  };
}

/**
 * A course's funding as the form leaves it: the funded price and the benefits rule from the form, every
 * other saved rule (age, work status, prior qualifications) exactly as it was, and no funding at all
 * once the funded price is emptied.
 */
function fundingInput(f: Form, saved: Funding | null | undefined): ListingInput['funding'] {
  if (!f.fundedPounds.trim()) return null;
  const keep = <T,>(v: T | null | undefined) => v ?? undefined;
  return {
    fundedCostPence: Math.round(Number(f.fundedPounds) * 100),
    requiresBenefits: f.onlyOnBenefits || undefined,
    minAge: keep(saved?.minAge),
    maxAge: keep(saved?.maxAge),
    employmentStatuses: keep(saved?.employmentStatuses),
    maxPriorQualificationLevel: keep(saved?.maxPriorQualificationLevel),
  };
}

/**
 * A job, apprenticeship, course or bootcamp: the same form to publish one and to edit it. What the
 * person typed stays put when the API says no; its message goes next to the field it is about.
 */
export function ListingForm({
  audience,
  initial,
  idPrefix,
  submitLabel,
  busy,
  error,
  onSave,
  onCancel,
}: {
  audience: Audience;
  initial?: ListingFieldsFragment;
  idPrefix: string;
  submitLabel: string;
  busy: boolean;
  error: CombinedError | undefined;
  onSave: (input: ListingInput) => Promise<boolean>;
  onCancel?: () => void;
}) {
  const [form, setForm] = useState<Form>(() => toForm(audience, initial));
  const [errors, setErrors] = useState<Errors>({});
  const [apiTried, setApiTried] = useState(false);
  const job = audience === 'EMPLOYER';
  const fid = (k: FieldKey) => (k === 'skills' ? `${idPrefix}-skills-input` : `${idPrefix}-${k}`);
  const set = <K extends keyof Form>(k: K, v: Form[K]) => setForm((f) => ({ ...f, [k]: v }));

  const apiFieldName = apiTried ? errorField(error, API_FIELD_NAMES) : null;
  const apiField = apiFieldName ? API_FIELDS[apiFieldName] : null;
  const fieldError = (k: FieldKey) => errors[k] ?? (apiField === k ? errorMessage(error) : null);
  /** What a text field of the form needs: its id, value, change handler and error. */
  const textProps = (k: TextKey) => ({
    id: fid(k),
    value: form[k],
    onChange: (e: ChangeEvent<HTMLInputElement | HTMLTextAreaElement>) => set(k, e.target.value),
    error: fieldError(k),
  });
  const topProblem = apiTried && error && !apiField ? errorMessage(error) : null;

  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    const found = validate(audience, form, !!initial);
    setErrors(found);
    const first = ORDER.find((k) => found[k]);
    if (first) {
      setApiTried(false);
      document.getElementById(fid(first))?.focus();
      return;
    }
    setApiTried(true);
    const ok = await onSave(toInput(audience, form, initial));
    if (!ok) {
      // Focus the field the API named, or the summary at the top, so the message is read out.
      setTimeout(() => {
        const named = document.querySelector<HTMLElement>(`#${idPrefix}-form [aria-invalid="true"]`);
        (named ?? document.getElementById(`${idPrefix}-problem`))?.focus();
      }, 0);
    }
  };

  const skillWord = job ? 'the job needs' : 'the course teaches';
  const otherRules = otherFundingRules(initial?.funding);
  return (
    <form id={`${idPrefix}-form`} onSubmit={handle(onSubmit)} noValidate>
      {topProblem && (
        <div tabIndex={-1} id={`${idPrefix}-problem`}>
          <ErrorSummary message={topProblem} />
        </div>
      )}
      <RadioGroup
        name={`${idPrefix}-kind`}
        legend={job ? 'What are you offering?' : 'What kind of learning is it?'}
        options={KINDS[audience]}
        value={form.kind}
        onChange={(v) => set('kind', v)}
      />
      <TextField {...textProps('title')} label={job ? 'Job title' : 'Course title'} />
      <TextArea
        {...textProps('description')}
        label="Description (optional)"
        hint={
          job
            ? 'What the work is like, the hours, and who would enjoy it.'
            : 'What people will learn and do, and who it is for.'
        }
      />
      <fieldset
        className={`field${fieldError('skills') ? ' field--error' : ''}`}
        aria-describedby={fieldError('skills') ? `${idPrefix}-skills-error` : undefined}
      >
        <legend>Skills {skillWord}</legend>
        {fieldError('skills') && (
          <p className="field-error" id={`${idPrefix}-skills-error`}>
            <span className="visually-hidden">Error: </span>
            {fieldError('skills')}
          </p>
        )}
        <SkillSearch
          inputId={`${idPrefix}-skills`}
          label={`Add a skill ${skillWord}`}
          hint="Type a skill, like “spreadsheets”, “customer service” or “Python”, then choose it from the list."
          exclude={new Set(form.skills.map((s) => s.id))}
          onPick={(s) => set('skills', [...form.skills, { ...s, level: 3 }])}
        />
        {form.skills.length > 0 && (
          <ul className="skill-list" aria-label={`Skills ${skillWord}`}>
            {form.skills.map((r) => (
              <li key={r.id} className="skill-row">
                <span className="skill-row__label" id={`${idPrefix}-skill-${r.id}`}>
                  {r.label}
                </span>
                <label className="visually-hidden" htmlFor={`${idPrefix}-level-${r.id}`}>
                  {job ? `Level needed in ${r.label}` : `Level reached in ${r.label}`}
                </label>
                <select
                  id={`${idPrefix}-level-${r.id}`}
                  value={r.level}
                  onChange={(e) =>
                    set(
                      'skills',
                      form.skills.map((x) => (x.id === r.id ? { ...x, level: Number(e.target.value) } : x)),
                    )
                  }
                >
                  {[1, 2, 3, 4, 5].map((l) => (
                    <option key={l} value={l}>
                      {LEVEL_NAMES[l]}
                    </option>
                  ))}
                </select>
                <button
                  type="button"
                  className="link-button"
                  aria-describedby={`${idPrefix}-skill-${r.id}`}
                  onClick={() =>
                    set(
                      'skills',
                      form.skills.filter((x) => x.id !== r.id),
                    )
                  }
                >
                  Remove
                </button>
              </li>
            ))}
          </ul>
        )}
      </fieldset>
      <SelectField
        id={`${idPrefix}-mode`}
        label={job ? 'Where is the work done?' : 'How is it taught?'}
        value={form.mode}
        onChange={(e) => set('mode', e.target.value as DeliveryMode)}
      >
        {(['IN_PERSON', 'HYBRID', 'ONLINE'] as const).map((m) => (
          <option key={m} value={m}>
            {MODE_NAMES[m]}
          </option>
        ))}
      </SelectField>
      <TextField
        {...textProps('postcode')}
        label={job ? 'Workplace postcode' : 'Postcode where it is held'}
        hint={form.mode === 'ONLINE' ? 'Not needed when it is online' : 'Like M4 6DE, or just M4'}
        autoComplete="postal-code"
        className="input--short"
      />
      {form.mode !== 'ONLINE' && (
        <SelectField
          id={`${idPrefix}-stepFree`}
          label="Can people get in without steps or stairs?"
          value={form.stepFree}
          onChange={(e) => set('stepFree', e.target.value as Form['stepFree'])}
        >
          <option value="">Not known</option>
          <option value="yes">Yes, there is step-free access</option>
          <option value="no">No</option>
        </SelectField>
      )}
      {!job && (
        <TextField
          {...textProps('startDate')}
          label="Start date (optional)"
          type="date"
          className="input--short"
        />
      )}
      <TextField
        {...textProps('closingDate')}
        label="Closing date for applications (optional)"
        type="date"
        className="input--short"
      />
      {job ? (
        <TextField
          {...textProps('wagePounds')}
          label="Wage per year, in £ (optional)"
          hint="Before tax, like 24000"
          inputMode="decimal"
          className="input--short"
        />
      ) : (
        <TextField
          {...textProps('costPounds')}
          label="Full price, in £"
          hint="Enter 0 if it is free for everyone"
          inputMode="decimal"
          className="input--short"
        />
      )}
      {!job && (
        <fieldset className="field">
          <legend>Funded places (optional)</legend>
          <TextField
            {...textProps('fundedPounds')}
            label="Price for people who qualify for funding, in £"
            hint={
              otherRules
                ? `Who qualifies now: people ${otherRules}. Leave empty if no one pays less.`
                : 'Leave empty if no one pays less. Enter 0 if it is free for them.'
            }
            inputMode="decimal"
            className="input--short"
          />
          <Checkbox
            id={`${idPrefix}-onlyOnBenefits`}
            label="Only people who get benefits qualify"
            checked={form.onlyOnBenefits}
            onChange={(e) => set('onlyOnBenefits', e.target.checked)}
          />
        </fieldset>
      )}
      {!job && (
        <fieldset className="field" aria-describedby={`${idPrefix}-entitlements-hint`}>
          <legend>National funding this course is approved for (optional)</legend>
          <p className="hint" id={`${idPrefix}-entitlements-hint`}>
            Tick each that applies. People who qualify then see it as free, and we ask the rest the question
            that decides it.
          </p>
          {ENTITLEMENT_CHOICES.map((c) => (
            <Checkbox
              key={c.code}
              id={`${idPrefix}-entitlement-${c.code}`}
              label={c.label}
              checked={form.entitlements.includes(c.code)}
              onChange={(e) =>
                set(
                  'entitlements',
                  e.target.checked
                    ? [...form.entitlements, c.code]
                    : form.entitlements.filter((x) => x !== c.code),
                )
              }
            />
          ))}
        </fieldset>
      )}
      <TextField
        {...textProps('hoursPerWeek')}
        label="Hours each week (optional)"
        inputMode="decimal"
        className="input--short"
      />
      {!job && (
        <TextField
          {...textProps('durationWeeks')}
          label="How many weeks it lasts (optional)"
          inputMode="decimal"
          className="input--short"
        />
      )}
      <TextField
        {...textProps('url')}
        label={job ? 'Web page to apply (optional)' : 'Web page with more details (optional)'}
        type="url"
        inputMode="url"
      />
      <p className="actions">
        <button type="submit" className="button" disabled={busy}>
          {busy ? 'Saving…' : submitLabel}
        </button>
        {onCancel && (
          <button type="button" className="button button--secondary" onClick={onCancel}>
            Cancel
          </button>
        )}
      </p>
    </form>
  );
}
