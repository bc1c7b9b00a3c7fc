import type { OpportunityModel, SkillModel } from '@skillpath/catalogue';
import {
  ENTITLEMENTS,
  FUNDING_QUESTION_FACT,
  isEntitlementId,
  type Blocker,
  type FundingAsk,
  type FundingQuestion,
  type WhatIf,
} from '@skillpath/matching';
import type { RoadmapDiagnosis } from '@skillpath/persistence';
import { AgeBandEnum } from '../profile/profile.models';
import type { BlockerModel, ProfileQuestionModel, WhatIfModel } from './roadmap.models';

/** Each funding question as the resident is asked it. */
export const QUESTION_TEXT: Record<FundingQuestion, string> = {
  AGE_BAND: 'How old are you?',
  EMPLOYMENT_STATUS: 'Are you working at the moment?',
  RECEIVING_BENEFITS: 'Are you receiving benefits, such as Universal Credit?',
  HIGHEST_QUALIFICATION: 'What is the highest qualification you have?',
  HAS_MATHS_LEVEL_2: 'Do you have maths at level 2 (a GCSE at grade 4 or C, or Functional Skills level 2)?',
  HAS_ENGLISH_LEVEL_2:
    'Do you have English at level 2 (a GCSE at grade 4 or C, or Functional Skills level 2)?',
  HAS_ESSENTIAL_DIGITAL_SKILLS:
    'Can you already do everyday things online on your own, like filling in forms and keeping safe?',
  EARNS_UNDER_LOW_WAGE_THRESHOLD: 'Do you earn less than about £26,000 a year?',
};

const AGE_BAND_NAME = new Map<string, string>(
  Object.entries(AgeBandEnum).map(([name, value]) => [value, name]),
);

/** The engine's answer as LearnerProfileInput fields (age bands by their GraphQL names). */
export function answerAsProfileInput(patch: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(patch).map(([k, v]) => [k, k === 'ageBand' ? (AGE_BAND_NAME.get(String(v)) ?? v) : v]),
  );
}

export function profileQuestion(
  ask: Pick<FundingAsk, 'question' | 'patch' | 'message' | 'pricePence'>,
): ProfileQuestionModel {
  return {
    question: ask.question,
    text: QUESTION_TEXT[ask.question],
    profileField: FUNDING_QUESTION_FACT[ask.question],
    answer: answerAsProfileInput(ask.patch as Record<string, unknown>),
    message: ask.message,
    pricePence: ask.pricePence,
  };
}

/** Where a funding rule comes from, for the step that it priced. */
export function fundingNote(ruleId: string | null | undefined): string | null {
  return ruleId && isEntitlementId(ruleId) ? ENTITLEMENTS[ruleId].source : null;
}

/** Every skill and listing id a diagnosis mentions (to load them in one go). */
export function diagnosisIds(d: RoadmapDiagnosis): { skills: string[]; opportunities: string[] } {
  const blockers = (d.blockers ?? []) as unknown as Blocker[];
  return {
    skills: blockers.flatMap((b) => [b.skillId, ...(b.forSkillIds ?? [])]),
    opportunities: blockers.flatMap((b) => (b.opportunityId ? [b.opportunityId] : [])),
  };
}

export function blockerModels(
  blockers: readonly Blocker[],
  skills: ReadonlyMap<string, SkillModel>,
  opportunities: ReadonlyMap<string, OpportunityModel>,
): BlockerModel[] {
  return blockers.map((b) => ({
    kind: b.kind,
    skill: skills.get(b.skillId) ?? null,
    forSkills: (b.forSkillIds ?? []).map((id) => skills.get(id)).filter((s): s is SkillModel => !!s),
    opportunity: b.opportunityId ? (opportunities.get(b.opportunityId) ?? null) : null,
    amountPence: b.amountPence ?? null,
    distanceKm: b.distanceKm ?? null,
    date: b.date ?? null,
    question: b.question ?? null,
    message: b.message,
  }));
}

export function whatIfModels(whatIfs: readonly WhatIf[]): WhatIfModel[] {
  return whatIfs.map((w) => ({
    kind: w.kind,
    budgetPence: w.budgetPence ?? null,
    travelRadiusKm: w.travelRadiusKm ?? null,
    modes: w.modes ?? null,
    question: w.question ?? null,
    answer: w.answer ? answerAsProfileInput(w.answer as Record<string, unknown>) : null,
    message: w.message,
    totalCostPence: w.totals.costPence,
    totalHours: w.totals.hours,
    weeks: w.totals.weeks,
    steps: w.steps,
  }));
}
