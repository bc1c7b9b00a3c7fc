import { CatalogueIndex } from '../index/catalogue-index';
import { LearnerRecord, OccupationRecord, OpportunityRecord } from '../lib/matching.types';
import { planRoadmap } from '../roadmap/plan-roadmap';
import { rankOpportunities } from './rank-opportunities';
import { reachableRoles } from './reachable-roles';

const MCR = { lat: 53.4794, lon: -2.2453 };
const near = (dLat: number) => ({ lat: MCR.lat + dLat, lon: MCR.lon });
const opp = (o: Partial<OpportunityRecord> & { id: string }): OpportunityRecord => ({
  kind: 'COURSE',
  title: o.id,
  organisationName: 'Org',
  teaches: [],
  requires: [],
  mode: 'IN_PERSON',
  location: near(0.01),
  costPence: 0,
  hours: 10,
  ...o,
});
const skills = [
  { id: 'sql', label: 'SQL' },
  { id: 'excel', label: 'Excel' },
  { id: 'stats', label: 'statistics' },
];
const records: OpportunityRecord[] = [
  opp({
    id: 'V1',
    kind: 'VACANCY',
    requires: [
      { skill: 'sql', level: 2 },
      { skill: 'excel', level: 2 },
    ],
    occupationIds: ['da'],
  }),
  opp({
    id: 'V2',
    kind: 'VACANCY',
    requires: [
      { skill: 'sql', level: 2 },
      { skill: 'stats', level: 3 },
    ],
    occupationIds: ['da'],
  }),
  opp({
    id: 'V3',
    kind: 'VACANCY',
    requires: [{ skill: 'excel', level: 1 }],
    location: near(1),
    occupationIds: ['da'],
  }),
  opp({
    id: 'V4',
    kind: 'VACANCY',
    requires: [{ skill: 'excel', level: 1 }],
    mode: 'ONLINE',
    location: undefined,
  }),
  opp({
    id: 'C1',
    teaches: [{ skill: 'sql', level: 3 }],
    hours: 40,
    costPence: 50000,
    funding: { fundedCostPence: 0, employmentStatuses: ['UNEMPLOYED'] },
  }),
  opp({ id: 'C2', teaches: [{ skill: 'sql', level: 3 }], hours: 60, accreditedSkills: ['sql'] }),
  opp({
    id: 'C3',
    teaches: [{ skill: 'stats', level: 3 }],
    requires: [{ skill: 'sql', level: 3 }],
    hours: 20,
    stepFree: false,
  }),
  opp({
    id: 'C4',
    teaches: [{ skill: 'stats', level: 3 }],
    hours: 80,
    mode: 'ONLINE',
    location: undefined,
    needsOwnDevice: true,
  }),
];
const learner: LearnerRecord = {
  skills: [{ skill: 'excel', level: 2 }],
  location: MCR,
  travelRadiusKm: 25,
  eligibility: { employmentStatus: 'UNEMPLOYED' },
  hoursPerWeek: 10,
};
const analyst: OccupationRecord = {
  id: 'da',
  title: 'Junior Data Analyst',
  essential: [
    { skill: 'sql', level: 3 },
    { skill: 'stats', level: 3 },
  ],
  optional: [],
};

describe('index, ranking, roles and roadmaps', () => {
  const index = CatalogueIndex.build(records, skills);

  it('ranks vacancies by fit within the radius, with explanations', () => {
    const top = rankOpportunities(index, learner, { kinds: ['VACANCY'], k: 3 });
    expect(top.map((t) => t.id)).toEqual(['V4', 'V1', 'V2'].filter((id) => id !== 'V2'));
    expect(top[1]).toMatchObject({
      id: 'V1',
      missingSkills: [{ skill: 'sql', need: 2, have: 0 }],
      distanceKm: 1.1,
    });
    expect(top[1].explanation).toContain('1 of the 2 skills');
  });

  it('honours modes and access needs', () => {
    const online = rankOpportunities(
      index,
      { ...learner, modes: ['IN_PERSON'] },
      { kinds: ['VACANCY'], k: 5 },
    );
    expect(online.map((t) => t.id)).not.toContain('V4');
    const courses = rankOpportunities(
      index,
      { ...learner, access: { stepFreeOnly: true, noLaptop: true } },
      { kinds: ['COURSE'], k: 5, needSkills: analyst.essential },
    );
    expect(courses.map((c) => c.id).sort()).toEqual(['C1', 'C2']);
  });

  it('boosts accredited courses and prices funding for the learner', () => {
    const courses = rankOpportunities(index, learner, {
      kinds: ['COURSE'],
      k: 2,
      needSkills: [{ skill: 'sql', level: 3 }],
    });
    expect(courses[0]).toMatchObject({ id: 'C2', accredited: true });
    expect(courses[1]).toMatchObject({ id: 'C1', costToLearnerPence: 0 });
    const employed = rankOpportunities(
      index,
      { ...learner, eligibility: { employmentStatus: 'EMPLOYED' }, budgetPence: 1000 },
      { kinds: ['COURSE'], k: 5, needSkills: [{ skill: 'sql', level: 3 }] },
    );
    expect(employed.map((c) => c.id)).toEqual(['C2']);
  });

  it('updates incrementally: upsert, change and expire without a rebuild', () => {
    const ix = CatalogueIndex.build(records, skills);
    // Every change moves the generation on (callers' cached answers key on it).
    const generations = [ix.generation];
    ix.upsert([opp({ id: 'V9', kind: 'VACANCY', requires: [{ skill: 'excel', level: 2 }] })]);
    generations.push(ix.generation);
    expect(rankOpportunities(ix, learner, { kinds: ['VACANCY'], k: 1 })[0].id).toBe('V4');
    ix.expire(['V4']);
    generations.push(ix.generation);
    expect(new Set(generations).size).toBe(3);
    expect(rankOpportunities(ix, learner, { kinds: ['VACANCY'], k: 1 })[0].id).toBe('V9');
    ix.upsert([
      opp({ id: 'V9', kind: 'VACANCY', requires: [{ skill: 'excel', level: 2 }], location: near(2) }),
    ]);
    expect(rankOpportunities(ix, learner, { kinds: ['VACANCY'], k: 5 }).map((r) => r.id)).not.toContain('V9');
    expect(ix.size).toBe(records.length);
    ix.compact();
    expect(rankOpportunities(ix, learner, { kinds: ['VACANCY'], k: 5 }).map((r) => r.id)).toEqual(['V1']);
  });

  it('ranks reachable roles by gap hours and local demand', () => {
    const other: OccupationRecord = {
      id: 'xx',
      title: 'Astronaut',
      essential: [{ skill: 'space', level: 2 }],
      optional: [],
    };
    const roles = reachableRoles(index, [other, analyst], learner, 2);
    expect(roles[0]).toMatchObject({ occupationId: 'da', localDemand: 2, gapHours: 60, untaught: [] });
    expect(roles[1]).toMatchObject({ occupationId: 'xx', untaught: ['space'] });
  });

  it('plans a scheduled roadmap ending in jobs, with plain reasons', () => {
    const r = planRoadmap(
      index,
      learner,
      { title: analyst.title, skills: analyst.essential, occupationId: 'da' },
      { today: '2025-01-06' },
    );
    expect(r.reachable).toBe(true);
    expect(r.steps.map((s) => s.opportunityId)).toEqual(['C1', 'C3']);
    expect(r.steps[0].why).toBe(
      'Teaches SQL to the level Junior Data Analyst asks for. Free for you (funded). 1.1 km away.',
    );
    expect(r.steps[0]).toMatchObject({
      plannedStart: '2025-01-06',
      plannedEnd: '2025-02-03',
      costToLearnerPence: 0,
    });
    expect(r.steps[1].plannedStart).toBe('2025-02-03');
    expect(r.jobs.map((j) => j.opportunityId)).toEqual(['V1', 'V2']);
    expect(r.totals).toMatchObject({ hours: 60, costPence: 0 });
  });

  it('says when an end job closes before the plan ends, and how many like it are open', () => {
    const goal = { title: analyst.title, skills: analyst.essential, occupationId: 'da' };
    const dated = CatalogueIndex.build(
      records.map((r) =>
        r.id === 'V1'
          ? { ...r, closingDate: '2025-01-20' }
          : r.id === 'V2'
            ? { ...r, closingDate: '2025-12-01' }
            : r,
      ),
      skills,
    );
    const r = planRoadmap(dated, learner, goal, { today: '2025-01-06' });
    expect(r.steps[r.steps.length - 1].plannedEnd > '2025-01-20').toBe(true);
    const [v1, v2] = r.jobs;
    expect(v1.opportunityId).toBe('V1');
    expect(v1.why).toBe(
      'After these steps you will have 100% of the skills this job asks for. 1.1 km away. This advert closes on 20 January 2025, before your plan ends. Jobs like it come up often: 2 are open near you now.',
    );
    expect(v2.why).toBe('After these steps you will have 100% of the skills this job asks for. 1.1 km away.');
    // Flagged for the headline, which says so when every advert closes early (the journey service).
    expect(v1.closesBeforePlanEnds).toBe(true);
    expect(v2.closesBeforePlanEnds).toBeUndefined();
  });

  it('plans around opportunities the learner dropped, and says so when nothing else will do', () => {
    const goal = { title: analyst.title, skills: analyst.essential, occupationId: 'da' };
    const r = planRoadmap(index, learner, goal, { today: '2025-01-06', excludeOpportunityIds: ['C1', 'V1'] });
    expect(r.steps.map((s) => s.opportunityId)).toEqual(['C2', 'C3']);
    expect(r.jobs.map((j) => j.opportunityId)).toEqual(['V2']);
    const none = planRoadmap(index, learner, goal, {
      today: '2025-01-06',
      excludeOpportunityIds: ['C1', 'C2', 'unknown-id'],
    });
    expect(none.reachable).toBe(false);
    expect(none.steps.map((s) => s.opportunityId)).toEqual(['C4']);
    expect(none.untaughtSkills).toEqual(['sql']);
    // The dropped courses do teach SQL: the summary says so instead of "nothing teaches SQL".
    expect(none.summary).toBe(
      'Only a course you dropped teaches SQL: bring it back to reach Junior Data Analyst. This step gets you as close to Junior Data Analyst as we can.',
    );
    expect(none.summary).not.toMatch(/Nothing on offer to you yet teaches/);
    const empty = planRoadmap(index, learner, goal, {
      today: '2025-01-06',
      excludeOpportunityIds: ['C1', 'C2', 'C3', 'C4'],
    });
    expect(empty.steps).toEqual([]);
    expect(empty.summary).toBe(
      'Only a course you dropped teaches SQL, statistics: bring it back to reach Junior Data Analyst.',
    );
    expect(empty.summary).not.toMatch(/These 0 steps/);
  });

  it('gives back a slot as a record, occupations included, before and after compaction', () => {
    const ix = CatalogueIndex.build(records, skills);
    ix.upsert([opp({ id: 'V7', kind: 'VACANCY', occupationIds: ['da', 'clerk'] })]);
    expect(ix.record(ix.slotOf('V7') as number).occupationIds).toEqual(['da', 'clerk']);
    expect(ix.record(ix.slotOf('V1') as number)).toMatchObject({
      id: 'V1',
      occupationIds: ['da'],
      requires: records[0].requires,
    });
    expect(ix.record(ix.slotOf('C1') as number).occupationIds).toBeUndefined();
    ix.compact();
    expect(ix.record(ix.slotOf('V7') as number).occupationIds).toEqual(['da', 'clerk']);
  });

  it('says what nothing teaches and suggests nearer goals', () => {
    const excelJob: OccupationRecord = {
      id: 'clerk',
      title: 'Data Clerk',
      essential: [{ skill: 'sql', level: 3 }],
      optional: [],
    };
    const r = planRoadmap(
      index,
      learner,
      {
        title: 'Space Analyst',
        skills: [
          { skill: 'space', level: 1 },
          { skill: 'sql', level: 3 },
        ],
      },
      { occupations: [excelJob], today: '2025-01-06' },
    );
    expect(r.reachable).toBe(false);
    expect(r.untaughtSkills).toEqual(['space']);
    expect(r.alternatives.map((a) => a.occupationId)).toEqual(['clerk']);
    expect(r.summary).toContain('Nothing on offer');
  });
});
