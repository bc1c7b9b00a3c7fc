import type { FundingRules } from '@skillpath/vocabulary';
import type { AgeBand, EmploymentStatus, OpportunityKind } from '../lib/matching.types';

/**
 * The funding vocabulary, declared once. England's national entitlements a listing can declare
 * (`OpportunityRecord.entitlements`), plus the listing's own terms (`OpportunityRecord.funding`,
 * rule id LISTING_FUNDING). Every other layer (database, GraphQL, connectors, web) should import
 * these ids rather than spell them again.
 */
export const FUNDING_RULE_IDS = [
  'ADULT_MATHS_TO_LEVEL_2',
  'ADULT_ENGLISH_TO_LEVEL_2',
  'ESSENTIAL_DIGITAL_SKILLS',
  'FREE_COURSES_FOR_JOBS_LEVEL_3',
  'SKILLS_BOOTCAMP',
  'APPRENTICESHIP',
  'LISTING_FUNDING',
] as const;
export type FundingRuleId = (typeof FUNDING_RULE_IDS)[number];

/** Entitlements a provider can declare on a listing (everything but the listing's own terms). */
export type EntitlementId = Exclude<FundingRuleId, 'LISTING_FUNDING'>;
export const ENTITLEMENT_IDS: readonly EntitlementId[] = FUNDING_RULE_IDS.filter(
  (id): id is EntitlementId => id !== 'LISTING_FUNDING',
);

export const isEntitlementId = (x: unknown): x is EntitlementId =>
  typeof x === 'string' && (ENTITLEMENT_IDS as readonly string[]).includes(x);

/** A listing's own funding terms (the shared vocabulary's FundingRules, under the engine's name). */
export type FundingRule = FundingRules;

/** Facts about the learner that decide funding. Every one is optional: absent means "not asked yet". */
export interface LearnerEligibility {
  ageBand?: AgeBand;
  employmentStatus?: EmploymentStatus;
  receivingBenefits?: boolean;
  /** Highest qualification level held (0 = none, 1..8 as the RQF). */
  highestQualificationLevel?: number;
  /** Has maths at level 2 (GCSE grade 4/C or above, or Functional Skills level 2). Unknown when absent. */
  hasMathsLevel2?: boolean;
  /** Has English at level 2 (GCSE grade 4/C or above, or Functional Skills level 2). Unknown when absent. */
  hasEnglishLevel2?: boolean;
  /** Has the essential digital skills for life and work. Unknown when absent. */
  hasEssentialDigitalSkills?: boolean;
  /** Earns under the Adult Skills Fund low-wage threshold (gross a year). Unknown when absent. */
  earnsUnderLowWageThreshold?: boolean;
}

/** A question whose answer can change what a learner pays. */
export const FUNDING_QUESTIONS = [
  'AGE_BAND',
  'EMPLOYMENT_STATUS',
  'RECEIVING_BENEFITS',
  'HIGHEST_QUALIFICATION',
  'HAS_MATHS_LEVEL_2',
  'HAS_ENGLISH_LEVEL_2',
  'HAS_ESSENTIAL_DIGITAL_SKILLS',
  'EARNS_UNDER_LOW_WAGE_THRESHOLD',
] as const;
export type FundingQuestion = (typeof FUNDING_QUESTIONS)[number];

/** The profile fact each question fills in. */
export const FUNDING_QUESTION_FACT: Record<FundingQuestion, keyof LearnerEligibility> = {
  AGE_BAND: 'ageBand',
  EMPLOYMENT_STATUS: 'employmentStatus',
  RECEIVING_BENEFITS: 'receivingBenefits',
  HIGHEST_QUALIFICATION: 'highestQualificationLevel',
  HAS_MATHS_LEVEL_2: 'hasMathsLevel2',
  HAS_ENGLISH_LEVEL_2: 'hasEnglishLevel2',
  HAS_ESSENTIAL_DIGITAL_SKILLS: 'hasEssentialDigitalSkills',
  EARNS_UNDER_LOW_WAGE_THRESHOLD: 'earnsUnderLowWageThreshold',
};

/** One condition's verdict: met, not met, or unknown with the answer that would meet it. */
export type Verdict =
  | { status: 'YES' }
  | { status: 'NO' }
  | { status: 'ASK'; question: FundingQuestion; patch: Partial<LearnerEligibility>; condition: string };

const YES: Verdict = { status: 'YES' };
const NO: Verdict = { status: 'NO' };

export interface Condition {
  /** Plain English, completing "if you …" (e.g. "do not have maths at level 2"). */
  readonly text: string;
  decide(facts: LearnerEligibility): Verdict;
}

export const AGE_BAND_RANGE: Record<AgeBand, readonly [number, number]> = {
  '16-18': [16, 18],
  '19-23': [19, 23],
  '24-49': [24, 49],
  '50+': [50, 120],
};
const AGE_BANDS = Object.keys(AGE_BAND_RANGE) as AgeBand[];

/** The learner's whole age band lies in [min, max] (we only know the band). */
export function ageBetween(min: number | undefined, max: number | undefined): Condition {
  const fits = (b: AgeBand) =>
    (min === undefined || AGE_BAND_RANGE[b][0] >= min) && (max === undefined || AGE_BAND_RANGE[b][1] <= max);
  const example = AGE_BANDS.find(fits);
  const text =
    min !== undefined && max !== undefined
      ? `are aged ${min} to ${max}`
      : min !== undefined
        ? `are ${min} or over`
        : `are ${max} or under`;
  return {
    text,
    decide: (f) => {
      if (f.ageBand) return fits(f.ageBand) ? YES : NO;
      if (!example) return NO;
      return { status: 'ASK', question: 'AGE_BAND', patch: { ageBand: example }, condition: text };
    },
  };
}

/** A yes/no fact must be `wanted`; `implied` may settle it from other facts first. */
function flag(
  fact: 'hasMathsLevel2' | 'hasEnglishLevel2' | 'hasEssentialDigitalSkills' | 'receivingBenefits',
  question: FundingQuestion,
  wanted: boolean,
  text: string,
  implied?: (f: LearnerEligibility) => boolean | undefined,
): Condition {
  return {
    text,
    decide: (f) => {
      const v = f[fact] ?? implied?.(f);
      if (v === undefined) return { status: 'ASK', question, patch: { [fact]: wanted }, condition: text };
      return v === wanted ? YES : NO;
    },
  };
}

/** Someone whose highest qualification is below level 2 cannot hold maths or English at level 2. */
const belowLevel2 = (f: LearnerEligibility): false | undefined =>
  f.highestQualificationLevel !== undefined && f.highestQualificationLevel < 2 ? false : undefined;

export const NO_MATHS_LEVEL_2 = flag(
  'hasMathsLevel2',
  'HAS_MATHS_LEVEL_2',
  false,
  'do not have maths at level 2',
  belowLevel2,
);
export const NO_ENGLISH_LEVEL_2 = flag(
  'hasEnglishLevel2',
  'HAS_ENGLISH_LEVEL_2',
  false,
  'do not have English at level 2',
  belowLevel2,
);
export const LOW_DIGITAL_SKILLS = flag(
  'hasEssentialDigitalSkills',
  'HAS_ESSENTIAL_DIGITAL_SKILLS',
  false,
  'are not yet confident with essential digital skills',
);
export const ON_BENEFITS = flag('receivingBenefits', 'RECEIVING_BENEFITS', true, 'receive benefits');

export function qualificationAtMost(level: number): Condition {
  const text = level <= 0 ? 'have no qualifications yet' : `have no qualification above level ${level}`;
  return {
    text,
    decide: (f) => {
      if (f.highestQualificationLevel === undefined)
        return level < 0
          ? NO
          : {
              status: 'ASK',
              question: 'HIGHEST_QUALIFICATION',
              patch: { highestQualificationLevel: level },
              condition: text,
            };
      return f.highestQualificationLevel <= level ? YES : NO;
    },
  };
}

export function employmentIn(statuses: readonly EmploymentStatus[]): Condition {
  const words: Record<EmploymentStatus, string> = {
    EMPLOYED: 'employed',
    SELF_EMPLOYED: 'self-employed',
    UNEMPLOYED: 'unemployed',
    INACTIVE: 'not working or looking for work',
  };
  const text = `are ${statuses.map((s) => words[s]).join(' or ')}`;
  return {
    text,
    decide: (f) => {
      if (f.employmentStatus) return statuses.includes(f.employmentStatus) ? YES : NO;
      if (statuses.length === 0) return NO;
      return {
        status: 'ASK',
        question: 'EMPLOYMENT_STATUS',
        patch: { employmentStatus: statuses[0] },
        condition: text,
      };
    },
  };
}

/** Unemployed or not working (earning nothing), or in work under the low-wage threshold. */
export const UNEMPLOYED_OR_LOW_WAGE: Condition = {
  text: 'are unemployed or earn under the low-wage threshold',
  decide: (f) => {
    if (f.employmentStatus === 'UNEMPLOYED' || f.employmentStatus === 'INACTIVE') return YES;
    if (f.earnsUnderLowWageThreshold === true) return YES;
    if (f.earnsUnderLowWageThreshold === false && f.employmentStatus !== undefined) return NO;
    if (f.earnsUnderLowWageThreshold === false)
      return {
        status: 'ASK',
        question: 'EMPLOYMENT_STATUS',
        patch: { employmentStatus: 'UNEMPLOYED' },
        condition: 'are unemployed',
      };
    return {
      status: 'ASK',
      question: 'EARNS_UNDER_LOW_WAGE_THRESHOLD',
      patch: { earnsUnderLowWageThreshold: true },
      condition: 'earn under the low-wage threshold',
    };
  },
};

/** A national funding rule: who it is for (any clause, each a list of conditions all to be met). */
export interface Entitlement {
  id: EntitlementId;
  title: string;
  /** Where the rule comes from, for the people who maintain this table. */
  source: string;
  /** What an eligible learner pays. */
  fundedCostPence: number;
  /** Applies to every listing of these kinds, declared or not (apprentices never pay a fee). */
  automaticForKinds?: readonly OpportunityKind[];
  /** Alternatives: eligible when every condition of any one clause holds. */
  clauses: readonly (readonly Condition[])[];
  /** Said alongside the price when the rule applies. */
  note?: string;
}

const ADULT = ageBetween(19, undefined);

export const ENTITLEMENTS: Readonly<Record<EntitlementId, Entitlement>> = {
  ADULT_MATHS_TO_LEVEL_2: {
    id: 'ADULT_MATHS_TO_LEVEL_2',
    title: 'Free maths for adults',
    source:
      'ESFA Adult Skills Fund funding rules (2024 to 2025), legal entitlements: maths qualifications up to and including level 2 are fully funded for adults aged 19 and over who have not attained a GCSE in maths at grade 4 (C) or higher.',
    fundedCostPence: 0,
    clauses: [[NO_MATHS_LEVEL_2, ADULT]],
  },
  ADULT_ENGLISH_TO_LEVEL_2: {
    id: 'ADULT_ENGLISH_TO_LEVEL_2',
    title: 'Free English for adults',
    source:
      'ESFA Adult Skills Fund funding rules (2024 to 2025), legal entitlements: English qualifications up to and including level 2 are fully funded for adults aged 19 and over who have not attained a GCSE in English at grade 4 (C) or higher.',
    fundedCostPence: 0,
    clauses: [[NO_ENGLISH_LEVEL_2, ADULT]],
  },
  ESSENTIAL_DIGITAL_SKILLS: {
    id: 'ESSENTIAL_DIGITAL_SKILLS',
    title: 'Free essential digital skills',
    source:
      'ESFA Adult Skills Fund funding rules (2024 to 2025), digital entitlement: Essential Digital Skills qualifications (and Functional Skills ICT) up to level 1 are fully funded for adults aged 19 and over with no or low digital skills.',
    fundedCostPence: 0,
    clauses: [[LOW_DIGITAL_SKILLS, ADULT]],
  },
  FREE_COURSES_FOR_JOBS_LEVEL_3: {
    id: 'FREE_COURSES_FOR_JOBS_LEVEL_3',
    title: 'Free Courses for Jobs',
    source:
      'DfE Free Courses for Jobs (level 3 free courses), in the ESFA Adult Skills Fund funding rules (2024 to 2025): a first full level 3 from the approved list is free for adults aged 19 and over without a full level 3; adults who are unemployed or earn under the low-wage threshold may take one even if they already hold a level 3.',
    fundedCostPence: 0,
    clauses: [
      [qualificationAtMost(2), ADULT],
      [UNEMPLOYED_OR_LOW_WAGE, ADULT],
    ],
  },
  SKILLS_BOOTCAMP: {
    id: 'SKILLS_BOOTCAMP',
    title: 'Skills Bootcamps',
    source:
      'DfE Skills Bootcamps funding (2024 to 2025): free to adults aged 19 and over who are employed, self-employed, unemployed or returning to work; when an employer puts its own staff through one, the employer co-funds 10% (small and medium employers) or 30% (large employers).',
    fundedCostPence: 0,
    clauses: [[ADULT]],
    note: 'If your own employer sends you, they pay part of the cost (10% or 30%); you pay nothing.',
  },
  APPRENTICESHIP: {
    id: 'APPRENTICESHIP',
    title: 'Apprenticeship',
    source:
      'DfE Apprenticeship funding rules (2024 to 2025): apprentices pay no fee for their training (the employer and the apprenticeship levy fund it) and are paid at least the apprenticeship minimum wage.',
    fundedCostPence: 0,
    automaticForKinds: ['APPRENTICESHIP'],
    clauses: [[]],
    note: 'You are paid a wage while you train, and pay no fee.',
  },
};

/**
 * The entitlements a provider may declare on its own listing: every national rule except those that
 * apply by kind whatever the listing says (an apprenticeship's), which declaring would not change.
 */
export const DECLARABLE_ENTITLEMENT_IDS: readonly EntitlementId[] = ENTITLEMENT_IDS.filter(
  (id) => !ENTITLEMENTS[id].automaticForKinds,
);

/** A listing's own terms as conditions (all must hold). */
export function listingConditions(rule: FundingRule): Condition[] {
  const out: Condition[] = [];
  if (rule.minAge !== undefined || rule.maxAge !== undefined) out.push(ageBetween(rule.minAge, rule.maxAge));
  if (rule.employmentStatuses && rule.employmentStatuses.length > 0)
    out.push(employmentIn(rule.employmentStatuses));
  if (rule.requiresBenefits) out.push(ON_BENEFITS);
  if (rule.maxPriorQualificationLevel !== undefined)
    out.push(qualificationAtMost(rule.maxPriorQualificationLevel));
  return out;
}
