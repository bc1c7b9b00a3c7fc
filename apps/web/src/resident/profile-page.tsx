import { type FormEvent, useEffect, useState } from 'react';
import { useMutation, useQuery } from 'urql';
import {
  type AgeBand,
  type DeliveryMode,
  type EmploymentStatus,
  LearnerProfileDocument,
  type ProfileFieldsFragment,
  UpdateLearnerProfileDocument,
} from '../gql/generated';
import { navigate, usePageTitle } from '../router';
import { ErrorSummary, errorMessage } from '../ui/errors';
import { Checkbox, SelectField, TextField } from '../ui/fields';
import { DELIVERY_MODES, MODE_NAMES } from '../ui/format';
import { handle } from '../ui/handlers';
import { StepLabel } from './onboarding';

interface Form {
  postcode: string;
  travelRadiusKm: string;
  hoursPerWeek: string;
  budgetPounds: string;
  modes: DeliveryMode[];
  ageBand: AgeBand | '';
  employmentStatus: EmploymentStatus | '';
  receivingBenefits: '' | 'yes' | 'no';
  highestQualificationLevel: string;
  mobileOnly: boolean;
  noLaptop: boolean;
  stepFreeOnly: boolean;
  shareWithEmployers: boolean;
  shareWithPartnerships: boolean;
}

function toForm(p: ProfileFieldsFragment): Form {
  return {
    postcode: p.postcode ?? '',
    travelRadiusKm: p.travelRadiusKm?.toString() ?? '10',
    hoursPerWeek: p.hoursPerWeek?.toString() ?? '',
    budgetPounds: p.budgetPence == null ? '' : String(p.budgetPence / 100),
    modes: p.modes.length ? p.modes : DELIVERY_MODES,
    ageBand: p.ageBand ?? '',
    employmentStatus: p.employmentStatus ?? '',
    receivingBenefits: p.receivingBenefits == null ? '' : p.receivingBenefits ? 'yes' : 'no',
    highestQualificationLevel: p.highestQualificationLevel?.toString() ?? '',
    mobileOnly: p.mobileOnly,
    noLaptop: p.noLaptop,
    stepFreeOnly: p.stepFreeOnly,
    shareWithEmployers: p.shareWithEmployers,
    shareWithPartnerships: p.shareWithPartnerships,
  };
}

const UK_POSTCODE = /^[A-Z]{1,2}[0-9][A-Z0-9]? ?[0-9][A-Z]{2}$/i;

function validate(f: Form): Record<string, string> {
  const e: Record<string, string> = {};
  if (!f.postcode.trim()) e.postcode = 'Enter your postcode, so we can find things near you';
  else if (!UK_POSTCODE.test(f.postcode.trim())) e.postcode = 'Enter a real postcode, like M4 6DE';
  const radius = Number(f.travelRadiusKm);
  if (!f.travelRadiusKm || !(radius > 0 && radius <= 200))
    e.travelRadiusKm = 'Enter how far you can travel, between 1 and 200 km';
  const hours = Number(f.hoursPerWeek);
  if (!f.hoursPerWeek || !(hours > 0 && hours <= 60))
    e.hoursPerWeek = 'Enter the hours you have each week, between 1 and 60';
  const budget = Number(f.budgetPounds);
  if (f.budgetPounds === '' || !(budget >= 0))
    e.budgetPounds = 'Enter how much you could spend, in pounds. Enter 0 if nothing';
  if (!f.modes.length) e.modes = 'Choose at least one way you can learn';
  return e;
}

const FIELD_ORDER = ['postcode', 'travelRadiusKm', 'hoursPerWeek', 'budgetPounds', 'modes'];

export function ProfilePage() {
  usePageTitle('About you');
  const [{ data }] = useQuery({ query: LearnerProfileDocument, requestPolicy: 'cache-and-network' });
  const [saving, save] = useMutation(UpdateLearnerProfileDocument);
  const [form, setForm] = useState<Form | null>(null);
  const [errors, setErrors] = useState<Record<string, string>>({});

  useEffect(() => {
    if (!form && data?.learnerProfile) setForm(toForm(data.learnerProfile));
  }, [data, form]);

  if (!form) return <p role="status">Loading…</p>;
  const set = <K extends keyof Form>(k: K, v: Form[K]) => setForm({ ...form, [k]: v });

  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    const found = validate(form);
    setErrors(found);
    const first = FIELD_ORDER.find((k) => found[k]);
    if (first) {
      document.getElementById(first === 'modes' ? 'mode-IN_PERSON' : `profile-${first}`)?.focus();
      return;
    }
    const res = await save({
      input: {
        postcode: form.postcode.trim().toUpperCase(),
        travelRadiusKm: Number(form.travelRadiusKm),
        hoursPerWeek: Number(form.hoursPerWeek),
        budgetPence: Math.round(Number(form.budgetPounds) * 100),
        modes: form.modes,
        ageBand: form.ageBand || undefined,
        employmentStatus: form.employmentStatus || undefined,
        receivingBenefits: form.receivingBenefits === '' ? undefined : form.receivingBenefits === 'yes',
        highestQualificationLevel:
          form.highestQualificationLevel === '' ? undefined : Number(form.highestQualificationLevel),
        mobileOnly: form.mobileOnly,
        noLaptop: form.noLaptop,
        stepFreeOnly: form.stepFreeOnly,
        shareWithEmployers: form.shareWithEmployers,
        shareWithPartnerships: form.shareWithPartnerships,
      },
    });
    if (res.data) navigate('/roles');
  };

  const toggleMode = (m: DeliveryMode) =>
    set('modes', form.modes.includes(m) ? form.modes.filter((x) => x !== m) : [...form.modes, m]);

  return (
    <div className="narrow">
      <StepLabel step={3} />
      <h1>About you</h1>
      <p>
        This helps us find learning you can get to, afford and fit around your life. Some of it decides what
        is free for you.
      </p>
      <ErrorSummary message={errorMessage(saving.error)} />
      <form onSubmit={handle(onSubmit)} noValidate>
        <h2 className="h3">Where and when</h2>
        <TextField
          id="profile-postcode"
          label="Your postcode"
          autoComplete="postal-code"
          value={form.postcode}
          onChange={(e) => set('postcode', e.target.value)}
          error={errors.postcode}
          className="input--short"
        />
        <TextField
          id="profile-travelRadiusKm"
          label="How far can you travel? (km)"
          hint="10 km is about 6 miles"
          inputMode="decimal"
          value={form.travelRadiusKm}
          onChange={(e) => set('travelRadiusKm', e.target.value)}
          error={errors.travelRadiusKm}
          className="input--short"
        />
        <TextField
          id="profile-hoursPerWeek"
          label="Hours you have for learning each week"
          inputMode="decimal"
          value={form.hoursPerWeek}
          onChange={(e) => set('hoursPerWeek', e.target.value)}
          error={errors.hoursPerWeek}
          className="input--short"
        />
        <TextField
          id="profile-budgetPounds"
          label="How much could you spend on courses? (£)"
          hint="Enter 0 if you need everything to be free"
          inputMode="decimal"
          value={form.budgetPounds}
          onChange={(e) => set('budgetPounds', e.target.value)}
          error={errors.budgetPounds}
          className="input--short"
        />
        <fieldset
          className={`field${errors.modes ? ' field--error' : ''}`}
          aria-describedby={errors.modes ? 'modes-error' : undefined}
        >
          <legend>How can you learn?</legend>
          {errors.modes && (
            <p className="field-error" id="modes-error">
              <span className="visually-hidden">Error: </span>
              {errors.modes}
            </p>
          )}
          {DELIVERY_MODES.map((m) => (
            <Checkbox
              key={m}
              id={`mode-${m}`}
              label={MODE_NAMES[m]}
              checked={form.modes.includes(m)}
              onChange={() => toggleMode(m)}
            />
          ))}
        </fieldset>

        <h2 className="h3">Funding</h2>
        <p className="hint">Many courses are free depending on your age, work and benefits.</p>
        <SelectField
          label="Your age"
          value={form.ageBand}
          onChange={(e) => set('ageBand', e.target.value as Form['ageBand'])}
        >
          <option value="">Prefer not to say</option>
          <option value="AGE_16_18">16 to 18</option>
          <option value="AGE_19_23">19 to 23</option>
          <option value="AGE_24_49">24 to 49</option>
          <option value="AGE_50_PLUS">50 or over</option>
        </SelectField>
        <SelectField
          label="Are you working?"
          value={form.employmentStatus}
          onChange={(e) => set('employmentStatus', e.target.value as Form['employmentStatus'])}
        >
          <option value="">Prefer not to say</option>
          <option value="UNEMPLOYED">Not working, looking for work</option>
          <option value="EMPLOYED">Working for an employer</option>
          <option value="SELF_EMPLOYED">Self-employed</option>
          <option value="INACTIVE">Not working and not looking right now</option>
        </SelectField>
        <SelectField
          label="Do you get benefits, like Universal Credit?"
          value={form.receivingBenefits}
          onChange={(e) => set('receivingBenefits', e.target.value as Form['receivingBenefits'])}
        >
          <option value="">Prefer not to say</option>
          <option value="yes">Yes</option>
          <option value="no">No</option>
        </SelectField>
        <SelectField
          label="Your highest qualification"
          value={form.highestQualificationLevel}
          onChange={(e) => set('highestQualificationLevel', e.target.value)}
        >
          <option value="">Prefer not to say</option>
          <option value="0">None, or Entry level</option>
          <option value="1">Level 1 (GCSEs grades 3 to 1)</option>
          <option value="2">Level 2 (GCSEs grades 9 to 4)</option>
          <option value="3">Level 3 (A levels)</option>
          <option value="4">Level 4 or 5 (HNC, HND)</option>
          <option value="6">Degree or higher</option>
        </SelectField>

        <h2 className="h3">Access needs</h2>
        <Checkbox
          label="I only have a phone, not a computer"
          checked={form.mobileOnly}
          onChange={(e) => set('mobileOnly', e.target.checked)}
        />
        <Checkbox
          label="I do not have a laptop I can bring"
          checked={form.noLaptop}
          onChange={(e) => set('noLaptop', e.target.checked)}
        />
        <Checkbox
          label="I need step-free access to buildings"
          checked={form.stepFreeOnly}
          onChange={(e) => set('stepFreeOnly', e.target.checked)}
        />

        <h2 className="h3">Sharing</h2>
        <Checkbox
          label="Let employers see my profile when I fit their jobs"
          checked={form.shareWithEmployers}
          onChange={(e) => set('shareWithEmployers', e.target.checked)}
        />
        <Checkbox
          label="Let skills partnerships see my own progress"
          hint="Only in the groups you join and say yes for. Turn this off to stop them all at once. Group figures still count you, and numbers under 5 are never shown."
          checked={form.shareWithPartnerships}
          onChange={(e) => set('shareWithPartnerships', e.target.checked)}
        />
        <button className="button" type="submit" disabled={saving.fetching}>
          {saving.fetching ? 'Saving…' : 'Save and continue'}
        </button>
      </form>
    </div>
  );
}
