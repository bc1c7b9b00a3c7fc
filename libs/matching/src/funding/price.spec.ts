import { ENTITLEMENTS, ENTITLEMENT_IDS, FUNDING_RULE_IDS, LearnerEligibility } from './funding-rules';
import { PricedOpportunity, priceFor, pricePence } from './price';

const course = (o: Partial<PricedOpportunity> = {}): PricedOpportunity => ({
  kind: 'COURSE',
  costPence: 45_000,
  ...o,
});
const maths = course({ entitlements: ['ADULT_MATHS_TO_LEVEL_2'] });
const english = course({ entitlements: ['ADULT_ENGLISH_TO_LEVEL_2'] });
const digital = course({ entitlements: ['ESSENTIAL_DIGITAL_SKILLS'] });
const level3 = course({ costPence: 250_000, entitlements: ['FREE_COURSES_FOR_JOBS_LEVEL_3'] });
const bootcamp = course({ kind: 'BOOTCAMP', costPence: 300_000, entitlements: ['SKILLS_BOOTCAMP'] });
const apprenticeship = course({ kind: 'APPRENTICESHIP', costPence: 0 });
const listing = course({ funding: { fundedCostPence: 5_000, maxPriorQualificationLevel: 1 } });

type Row = [
  string,
  PricedOpportunity,
  LearnerEligibility | undefined,
  number,
  string | undefined,
  string | undefined,
];

// [case, opportunity, facts, price, rule applied, question asked]
const TABLE: Row[] = [
  ['maths: nothing known asks about maths', maths, undefined, 45_000, undefined, 'HAS_MATHS_LEVEL_2'],
  [
    'maths: adult without maths L2 is free',
    maths,
    { ageBand: '24-49', hasMathsLevel2: false },
    0,
    'ADULT_MATHS_TO_LEVEL_2',
    undefined,
  ],
  [
    'maths: adult with maths L2 pays',
    maths,
    { ageBand: '24-49', hasMathsLevel2: true },
    45_000,
    undefined,
    undefined,
  ],
  [
    'maths: under 19 pays (16-19 funding is elsewhere)',
    maths,
    { ageBand: '16-18', hasMathsLevel2: false },
    45_000,
    undefined,
    undefined,
  ],
  [
    'maths: qualification below L2 implies no maths L2',
    maths,
    { ageBand: '50+', highestQualificationLevel: 1 },
    0,
    'ADULT_MATHS_TO_LEVEL_2',
    undefined,
  ],
  [
    'maths: qualification L3 leaves the maths question open',
    maths,
    { ageBand: '50+', highestQualificationLevel: 3 },
    45_000,
    undefined,
    'HAS_MATHS_LEVEL_2',
  ],
  [
    'maths: without maths L2 but age unknown asks the age',
    maths,
    { hasMathsLevel2: false },
    45_000,
    undefined,
    'AGE_BAND',
  ],
  [
    'english: adult without English L2 is free',
    english,
    { ageBand: '19-23', hasEnglishLevel2: false },
    0,
    'ADULT_ENGLISH_TO_LEVEL_2',
    undefined,
  ],
  [
    'english: maths answer does not settle English',
    english,
    { ageBand: '19-23', hasMathsLevel2: false },
    45_000,
    undefined,
    'HAS_ENGLISH_LEVEL_2',
  ],
  [
    'digital: low digital skills is free',
    digital,
    { ageBand: '24-49', hasEssentialDigitalSkills: false },
    0,
    'ESSENTIAL_DIGITAL_SKILLS',
    undefined,
  ],
  [
    'digital: confident user pays',
    digital,
    { ageBand: '24-49', hasEssentialDigitalSkills: true },
    45_000,
    undefined,
    undefined,
  ],
  ['digital: unknown asks', digital, { ageBand: '24-49' }, 45_000, undefined, 'HAS_ESSENTIAL_DIGITAL_SKILLS'],
  [
    'level 3: no level 3 yet is free',
    level3,
    { ageBand: '24-49', highestQualificationLevel: 2 },
    0,
    'FREE_COURSES_FOR_JOBS_LEVEL_3',
    undefined,
  ],
  [
    'level 3: has level 3, employed above threshold pays',
    level3,
    {
      ageBand: '24-49',
      highestQualificationLevel: 3,
      employmentStatus: 'EMPLOYED',
      earnsUnderLowWageThreshold: false,
    },
    250_000,
    undefined,
    undefined,
  ],
  [
    'level 3: has level 3 but unemployed is free',
    level3,
    { ageBand: '24-49', highestQualificationLevel: 4, employmentStatus: 'UNEMPLOYED' },
    0,
    'FREE_COURSES_FOR_JOBS_LEVEL_3',
    undefined,
  ],
  [
    'level 3: has level 3, low wage is free',
    level3,
    {
      ageBand: '24-49',
      highestQualificationLevel: 4,
      employmentStatus: 'EMPLOYED',
      earnsUnderLowWageThreshold: true,
    },
    0,
    'FREE_COURSES_FOR_JOBS_LEVEL_3',
    undefined,
  ],
  [
    'level 3: has level 3, employed, wage unknown asks the wage',
    level3,
    { ageBand: '24-49', highestQualificationLevel: 4, employmentStatus: 'EMPLOYED' },
    250_000,
    undefined,
    'EARNS_UNDER_LOW_WAGE_THRESHOLD',
  ],
  [
    'level 3: qualification unknown asks it',
    level3,
    { ageBand: '24-49', employmentStatus: 'EMPLOYED', earnsUnderLowWageThreshold: false },
    250_000,
    undefined,
    'HIGHEST_QUALIFICATION',
  ],
  ['bootcamp: adult is free', bootcamp, { ageBand: '19-23' }, 0, 'SKILLS_BOOTCAMP', undefined],
  ['bootcamp: under 19 pays', bootcamp, { ageBand: '16-18' }, 300_000, undefined, undefined],
  ['bootcamp: age unknown asks it', bootcamp, {}, 300_000, undefined, 'AGE_BAND'],
  [
    'bootcamp kind alone is not an entitlement',
    course({ kind: 'BOOTCAMP', costPence: 300_000 }),
    { ageBand: '24-49' },
    300_000,
    undefined,
    undefined,
  ],
  [
    'apprenticeship: never a fee, nothing asked',
    { ...apprenticeship, costPence: 10_000 },
    undefined,
    0,
    'APPRENTICESHIP',
    undefined,
  ],
  ['listing terms: met', listing, { highestQualificationLevel: 0 }, 5_000, 'LISTING_FUNDING', undefined],
  ['listing terms: not met', listing, { highestQualificationLevel: 2 }, 45_000, undefined, undefined],
  ['listing terms: unknown asks', listing, {}, 45_000, undefined, 'HIGHEST_QUALIFICATION'],
  [
    'cheaper of two rules wins',
    course({ funding: { fundedCostPence: 5_000 }, entitlements: ['ADULT_MATHS_TO_LEVEL_2'] }),
    { ageBand: '24-49', hasMathsLevel2: false },
    0,
    'ADULT_MATHS_TO_LEVEL_2',
    undefined,
  ],
  [
    'a cheaper rule still asked about over a met one',
    course({ funding: { fundedCostPence: 5_000 }, entitlements: ['ADULT_MATHS_TO_LEVEL_2'] }),
    { ageBand: '24-49' },
    5_000,
    'LISTING_FUNDING',
    'HAS_MATHS_LEVEL_2',
  ],
  [
    'an unknown entitlement id is ignored',
    course({ entitlements: ['MADE_UP'] }),
    { ageBand: '24-49' },
    45_000,
    undefined,
    undefined,
  ],
  [
    'a free course needs no funding',
    course({ costPence: 0, entitlements: ['ADULT_MATHS_TO_LEVEL_2'] }),
    undefined,
    0,
    undefined,
    undefined,
  ],
];

describe('funding entitlements (table)', () => {
  it.each(TABLE)('%s', (_name, opp, facts, price, rule, question) => {
    const d = priceFor(facts, opp);
    expect(d.pricePence).toBe(price);
    expect(d.ruleId).toBe(rule);
    expect(d.ask?.question).toBe(question);
    expect(pricePence(facts, opp)).toBe(price);
    if (d.ask) {
      // The suggested answer really brings the price it promises.
      const answered = priceFor({ ...facts, ...d.ask.patch }, opp);
      expect(answered.pricePence).toBe(d.ask.pricePence);
      expect(answered.pricePence).toBeLessThan(price);
    }
  });

  it('says the maths question in plain English', () => {
    const d = priceFor({ ageBand: '24-49' }, maths);
    expect(d.ask?.message).toBe('if you do not have maths at level 2 it is free');
    expect(d.ask?.patch).toEqual({ hasMathsLevel2: false });
  });

  it('every entitlement has a title and a source note, and the vocabulary lists each once', () => {
    for (const id of ENTITLEMENT_IDS) {
      expect(ENTITLEMENTS[id].id).toBe(id);
      expect(ENTITLEMENTS[id].source.length).toBeGreaterThan(40);
    }
    expect(new Set(FUNDING_RULE_IDS).size).toBe(FUNDING_RULE_IDS.length);
    expect(FUNDING_RULE_IDS).toContain('LISTING_FUNDING');
  });

  it('a bootcamp says who co-funds when the employer sends its staff', () => {
    expect(priceFor({ ageBand: '24-49', employmentStatus: 'EMPLOYED' }, bootcamp).note).toMatch(/employer/);
  });
});
