import { CatalogueIndex } from '../index/catalogue-index';
import { LearnerRecord, OccupationRecord, OpportunityRecord } from '../lib/matching.types';
import { reachableRoles } from '../ranking/reachable-roles';
import { goalHours, occupationGoal } from './goal-hours';
import { planOptions } from './plan-options';
import { planRoadmap } from './plan-roadmap';

/** The case: an unemployed resident in M1 with no budget who wants to be a data analyst. */
const M1 = { lat: 53.4794, lon: -2.2453 };
const at = (km: number) => ({ lat: M1.lat + km / 111.2, lon: M1.lon });
const opp = (o: Partial<OpportunityRecord> & { id: string }): OpportunityRecord => ({
  kind: 'COURSE',
  title: o.id,
  organisationName: 'Org',
  teaches: [],
  requires: [],
  mode: 'IN_PERSON',
  location: at(2),
  costPence: 0,
  hours: 30,
  ...o,
});
const skills = [
  { id: 'numeracy', label: 'Numeracy' },
  { id: 'spreadsheets', label: 'Spreadsheets' },
  { id: 'sql', label: 'SQL' },
  { id: 'statistics', label: 'Statistics' },
  { id: 'data-analysis', label: 'Data analysis' },
  { id: 'python', label: 'Python' },
];
const catalogue: OpportunityRecord[] = [
  opp({
    id: 'spreadsheets-free',
    title: 'Spreadsheets for Work',
    teaches: [{ skill: 'spreadsheets', level: 2 }],
  }),
  opp({
    id: 'maths-l1',
    title: 'Functional Skills Maths Level 1',
    teaches: [{ skill: 'numeracy', level: 2 }],
    costPence: 45_000,
    hours: 60,
    entitlements: ['ADULT_MATHS_TO_LEVEL_2'],
  }),
  opp({
    id: 'data-bootcamp',
    kind: 'BOOTCAMP',
    title: 'Data Skills Bootcamp',
    teaches: [
      { skill: 'sql', level: 3 },
      { skill: 'statistics', level: 3 },
      { skill: 'data-analysis', level: 3 },
    ],
    requires: [{ skill: 'numeracy', level: 2 }],
    costPence: 300_000,
    hours: 120,
    entitlements: ['SKILLS_BOOTCAMP'],
  }),
  opp({
    id: 'python-far',
    title: 'Python in Leeds',
    teaches: [{ skill: 'python', level: 2 }],
    location: at(23),
  }),
  opp({
    id: 'python-farther',
    title: 'Python in York',
    teaches: [{ skill: 'python', level: 2 }],
    location: at(40),
  }),
];
const resident: LearnerRecord = {
  skills: [],
  location: M1,
  travelRadiusKm: 15,
  budgetPence: 0,
  modes: ['IN_PERSON', 'ONLINE', 'HYBRID'],
  eligibility: { ageBand: '24-49', employmentStatus: 'UNEMPLOYED' },
};
const analyst: OccupationRecord = {
  id: 'data-analyst',
  title: 'Data analyst',
  essential: [
    { skill: 'data-analysis', level: 3 },
    { skill: 'sql', level: 3 },
    { skill: 'spreadsheets', level: 2 },
    { skill: 'statistics', level: 3 },
  ],
  optional: [],
};
const today = '2026-12-07';
const index = CatalogueIndex.build(catalogue, skills);

describe('roadmap blockers and what-ifs: the M1 data analyst', () => {
  it('names the £450 course, not the catalogue, and asks the maths question', () => {
    const r = planRoadmap(index, resident, occupationGoal(analyst), { today });
    expect(r.reachable).toBe(false);
    expect(r.steps.map((s) => s.opportunityId)).toEqual(['spreadsheets-free']);
    expect(r.untaughtSkills).toEqual([]);
    expect(r.blockers).toHaveLength(1);
    expect(r.blockers[0]).toMatchObject({
      kind: 'BUDGET',
      skillId: 'numeracy',
      opportunityId: 'maths-l1',
      amountPence: 45_000,
      question: 'HAS_MATHS_LEVEL_2',
    });
    expect(r.blockers[0].forSkillIds.sort()).toEqual(['data-analysis', 'sql', 'statistics']);
    expect(r.blockers[0].message).toContain('£450 for Functional Skills Maths Level 1');
    expect(r.summary).not.toMatch(/Nothing on offer/);
    const budget = r.whatIfs.find((w) => w.kind === 'BUDGET');
    expect(budget).toMatchObject({ budgetPence: 45_000 });
    expect(budget?.message).toMatch(/^With £450 to spend/);
    const answer = r.whatIfs.find((w) => w.kind === 'ANSWER');
    expect(answer).toMatchObject({ question: 'HAS_MATHS_LEVEL_2', answer: { hasMathsLevel2: false } });
    expect(answer?.message).toMatch(/^If you do not have maths at level 2 it is free/);
    expect(answer?.totals.costPence).toBe(0);
    expect(r.questions.map((q) => q.question)).toEqual(['HAS_MATHS_LEVEL_2']);
  });

  it('with the answer, reachable at £0, the funded steps say which rule paid', () => {
    const r = planRoadmap(
      index,
      { ...resident, eligibility: { ...resident.eligibility, hasMathsLevel2: false } },
      occupationGoal(analyst),
      { today },
    );
    expect(r.reachable).toBe(true);
    expect(r.totals.costPence).toBe(0);
    expect(r.blockers).toEqual([]);
    expect(r.whatIfs).toEqual([]);
    const byId = new Map(r.steps.map((s) => [s.opportunityId, s]));
    expect(byId.get('maths-l1')).toMatchObject({
      fundingRuleId: 'ADULT_MATHS_TO_LEVEL_2',
      listPricePence: 45_000,
    });
    expect(byId.get('data-bootcamp')).toMatchObject({
      fundingRuleId: 'SKILLS_BOOTCAMP',
      costToLearnerPence: 0,
    });
    // Saying "I have maths at level 2" is not a lie the planner rewards: the price stays.
    const has = planRoadmap(
      index,
      { ...resident, eligibility: { ...resident.eligibility, hasMathsLevel2: true } },
      occupationGoal(analyst),
      { today },
    );
    expect(has.reachable).toBe(false);
    expect(has.whatIfs.some((w) => w.kind === 'ANSWER')).toBe(false);
  });

  it('distance: names the nearest course and the smallest radius that reaches it', () => {
    const goal = { title: 'Python developer', skills: [{ skill: 'python', level: 2 }] };
    const r = planRoadmap(index, { ...resident, budgetPence: undefined }, goal, { today });
    expect(r.blockers).toEqual([
      expect.objectContaining({ kind: 'DISTANCE', opportunityId: 'python-far', distanceKm: 23 }),
    ]);
    expect(r.blockers[0].message).toBe('the nearest course teaching Python is 23 km away; you said 15 km');
    expect(r.whatIfs).toEqual([expect.objectContaining({ kind: 'DISTANCE', travelRadiusKm: 23 })]);
    const at229 = planRoadmap(index, { ...resident, budgetPence: undefined, travelRadiusKm: 22.9 }, goal, {
      today,
    });
    expect(at229.reachable).toBe(false);
  });

  it('mode: online only is told that an in-person course exists, and checked', () => {
    const goal = { title: 'Spreadsheets', skills: [{ skill: 'spreadsheets', level: 2 }] };
    const r = planRoadmap(index, { ...resident, modes: ['ONLINE'] }, goal, { today });
    expect(r.blockers.map((b) => b.kind)).toEqual(['MODE']);
    expect(r.whatIfs).toEqual([expect.objectContaining({ kind: 'MODE', modes: ['ONLINE', 'IN_PERSON'] })]);
  });

  it('NOTHING_TEACHES only when nothing anywhere teaches the skill, and then no what-ifs', () => {
    const goal = {
      title: 'Welder',
      skills: [
        { skill: 'welding', level: 2 },
        { skill: 'python', level: 2 },
      ],
    };
    const r = planRoadmap(index, resident, goal, { today });
    expect(r.untaughtSkills).toEqual(['welding']);
    expect(r.blockers.find((b) => b.skillId === 'welding')?.kind).toBe('NOTHING_TEACHES');
    expect(r.blockers.find((b) => b.skillId === 'python')?.kind).toBe('DISTANCE');
    expect(r.whatIfs).toEqual([]);
    expect(r.summary).toContain('Nothing on offer teaches welding yet');
  });
});

describe('same plan everywhere', () => {
  it("the roles page's hours are the roadmap's hours", () => {
    const learner = { ...resident, eligibility: { ...resident.eligibility, hasMathsLevel2: false } };
    const [role] = reachableRoles(index, [analyst], learner, 1, { today });
    const roadmap = planRoadmap(index, learner, occupationGoal(analyst), { today });
    expect(role.gapHours).toBe(roadmap.totals.hours);
    expect(goalHours(index, learner, occupationGoal(analyst), { today }).hours).toBe(roadmap.totals.hours);
    expect(role.explanation).toContain(`About ${Math.round(roadmap.totals.hours)} hours`);
  });
});

describe('options', () => {
  const dated = CatalogueIndex.build(
    [
      opp({
        id: 'sql-free-late',
        title: 'SQL (free, starts in July)',
        teaches: [{ skill: 'sql', level: 3 }],
        startDate: '2027-07-05',
        hours: 40,
      }),
      opp({
        id: 'sql-paid-now',
        title: 'SQL (paid, starts now)',
        teaches: [{ skill: 'sql', level: 3 }],
        costPence: 12_000,
        startDate: '2026-12-14',
        hours: 40,
      }),
      opp({
        id: 'sql-online',
        title: 'SQL online',
        mode: 'ONLINE',
        location: undefined,
        teaches: [{ skill: 'sql', level: 3 }],
        costPence: 30_000,
        hours: 40,
        startDate: '2027-07-05',
      }),
    ],
    skills,
  );
  const goal = { title: 'SQL', skills: [{ skill: 'sql', level: 3 }] };
  const learner = { ...resident, budgetPence: undefined };

  it('cheapest and soonest, with the trade-off said, and the late start noted', () => {
    const options = planOptions(dated, learner, goal, { today });
    expect(options.map((o) => o.label)).toEqual(['CHEAPEST', 'SOONEST', 'LEAST_TRAVEL']);
    expect(options[2].steps[0].opportunityId).toBe('sql-online');
    expect(options[2].tradeOff).toBe('£300 more but 2 km less travel.');
    expect(options[0].steps[0].opportunityId).toBe('sql-free-late');
    expect(options[0].startNote).toMatch(
      /starts on 5 July 2027, 7 months from now: that is when SQL \(free, starts in July\) next starts\./,
    );
    expect(options[0].startNote).toMatch(/soonest option starts on 14 December 2026/);
    expect(options[1].steps[0].opportunityId).toBe('sql-paid-now');
    expect(options[1].tradeOff).toMatch(/^£120 more but you could start work \d+ weeks sooner\.$/);
    expect(planOptions(dated, learner, goal, { today })).toEqual(options);
  });
});

describe('a budget blocker names what costs money, never a free course', () => {
  // A free "Get Online" course teaches what a paid data course needs first; the paid course fits the
  // budget on its own but not with the plan's other paid step. The block is the paid course's price.
  const chain = CatalogueIndex.build(
    [
      opp({ id: 'get-online', title: 'Get Online', teaches: [{ skill: 'numeracy', level: 1 }] }),
      opp({
        id: 'data-course',
        title: 'Data Analysis Level 2',
        teaches: [{ skill: 'data-analysis', level: 2 }],
        requires: [{ skill: 'numeracy', level: 1 }],
        costPence: 15_000,
      }),
      opp({
        id: 'sql-course',
        title: 'SQL Basics',
        teaches: [{ skill: 'sql', level: 2 }],
        costPence: 15_000,
      }),
    ],
    skills,
  );
  const goal = {
    title: 'Data analyst',
    skills: [
      { skill: 'sql', level: 2 },
      { skill: 'data-analysis', level: 2 },
    ],
  };

  it('blames the £150 course that needs the free one, with the amount it costs', () => {
    const r = planRoadmap(chain, { ...resident, budgetPence: 25_000 }, goal, { today });
    expect(r.reachable).toBe(false);
    const budget = r.blockers.filter((b) => b.kind === 'BUDGET');
    expect(budget.length).toBeGreaterThan(0);
    for (const b of budget) {
      expect(b.opportunityId).not.toBe('get-online');
      expect(b.amountPence).toBeGreaterThan(0);
    }
    expect(r.blockers.some((b) => b.opportunityId === 'get-online')).toBe(false);
    // The missing skill's blocker is the paid course that teaches it.
    const missing = r.missingSkills.map((m) => m.skill);
    for (const m of missing) expect(r.blockers.some((b) => b.forSkillIds.includes(m))).toBe(true);
    expect(r.whatIfs.find((w) => w.kind === 'BUDGET')).toMatchObject({ budgetPence: 30_000 });
  });
});
