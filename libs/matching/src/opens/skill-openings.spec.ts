import fc from 'fast-check';
import { CatalogueIndex } from '../index/catalogue-index';
import { haversineKm } from '../lib/geo';
import { LearnerRecord, OccupationRecord, OpportunityRecord, SkillLevel } from '../lib/matching.types';
import { outcomeScores } from '../outcomes/outcome-score';
import { planRoadmap } from '../roadmap/plan-roadmap';
import { courseRecord } from '../testing/course-record';
import { SeededRandom } from '../testing/seeded-random';
import { skillsThatOpen } from './skill-openings';

const HOME = { lat: 53.4794, lon: -2.2453 };
const today = '2026-12-07';
const SKILLS = ['sql', 'excel', 'stats', 'python', 'comms'];

function world(seed: number) {
  const r = new SeededRandom(seed);
  const skill = (): SkillLevel => ({ skill: r.pick(SKILLS), level: r.int(1, 3) });
  const records: OpportunityRecord[] = [];
  for (let i = 0; i < 30; i++) {
    const job = i < 22;
    records.push({
      id: `${job ? 'V' : 'C'}${i}`,
      kind: job ? (r.chance(0.2) ? 'APPRENTICESHIP' : 'VACANCY') : 'COURSE',
      title: `#${i}`,
      organisationName: 'Org',
      teaches: job ? [] : [skill()],
      requires: job ? Array.from({ length: r.int(1, 3) }, skill) : [],
      mode: 'IN_PERSON',
      location: {
        lat: Math.fround(HOME.lat + (r.next() - 0.5) * 0.4),
        lon: Math.fround(HOME.lon + (r.next() - 0.5) * 0.6),
      },
      costPence: 0,
      hours: 10,
    });
  }
  const learner: LearnerRecord = {
    skills: Array.from({ length: r.int(0, 3) }, skill),
    location: { lat: Math.fround(HOME.lat), lon: Math.fround(HOME.lon) },
    travelRadiusKm: r.int(5, 20),
  };
  return { records, learner };
}

describe('what a skill opens', () => {
  it('counts, by brute force, the jobs in reach missing only that skill, and says so plainly', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2 ** 30 }), (seed) => {
        const { records, learner } = world(seed);
        const index = CatalogueIndex.build(records);
        const got = skillsThatOpen(index, learner, { limit: 10, today });
        const held = new Map<string, number>();
        for (const s of learner.skills) held.set(s.skill, Math.max(held.get(s.skill) ?? 0, s.level));
        const expected = new Map<string, number>();
        const levels = new Map<string, number>();
        for (const o of records) {
          if (o.kind === 'COURSE') continue;
          if (haversineKm(learner.location!, o.location!) > learner.travelRadiusKm!) continue;
          const missing = new Set(
            o.requires.filter((n) => (held.get(n.skill) ?? 0) < n.level).map((n) => n.skill),
          );
          if (missing.size !== 1) continue;
          const [s] = missing;
          const level = Math.max(...o.requires.filter((n) => n.skill === s).map((n) => n.level));
          expected.set(s, (expected.get(s) ?? 0) + 1);
          levels.set(s, Math.max(levels.get(s) ?? 0, level));
        }
        // Offered exactly when some course in reach teaches it to the highest level those jobs ask.
        const teachable = (s: string, level: number) =>
          records.some(
            (o) =>
              o.kind === 'COURSE' &&
              haversineKm(learner.location!, o.location!) <= learner.travelRadiusKm! &&
              o.teaches.some((t) => t.skill === s && t.level >= level),
          );
        const offered = [...expected.keys()].filter((s) => teachable(s, levels.get(s)!)).sort();
        expect(got.map((g) => g.skill).sort()).toEqual(offered);
        for (const g of got) {
          expect(g.jobs).toBe(expected.get(g.skill));
          expect(g.level).toBe(levels.get(g.skill));
          expect(g.message).toBe(
            `Learning ${g.skill} opens ${g.jobs} more job${g.jobs === 1 ? '' : 's'} within ${learner.travelRadiusKm} km.`,
          );
        }
        for (let i = 1; i < got.length; i++) expect(got[i - 1].jobs).toBeGreaterThanOrEqual(got[i].jobs);
      }),
      { numRuns: 60 },
    );
  });

  it('counts roles missing one essential skill', () => {
    const index = CatalogueIndex.build([
      {
        id: 'C1',
        kind: 'COURSE',
        title: 'SQL',
        organisationName: 'Org',
        teaches: [{ skill: 'sql', level: 3 }],
        requires: [],
        mode: 'ONLINE',
        costPence: 0,
        hours: 20,
      },
    ]);
    const occ = (id: string, essential: SkillLevel[]): OccupationRecord => ({
      id,
      title: id,
      essential,
      optional: [],
    });
    const got = skillsThatOpen(
      index,
      { skills: [{ skill: 'excel', level: 2 }] },
      {
        today,
        occupations: [
          occ('analyst', [
            { skill: 'excel', level: 2 },
            { skill: 'sql', level: 2 },
          ]),
          occ('dba', [{ skill: 'sql', level: 3 }]),
          occ('scientist', [
            { skill: 'sql', level: 2 },
            { skill: 'python', level: 2 },
          ]),
        ],
      },
    );
    expect(got).toEqual([
      expect.objectContaining({
        skill: 'sql',
        level: 3,
        jobs: 0,
        roles: 2,
        message: 'Learning sql opens 2 more roles.',
      }),
    ]);
  });
});

describe('outcomes in planning', () => {
  it('between two otherwise equal courses, the one that leads to work wins; a new one is not punished', () => {
    const index = CatalogueIndex.build([courseRecord('A'), courseRecord('B'), courseRecord('C')]);
    const goal = { title: 'SQL', skills: [{ skill: 'sql', level: 2 }] };
    const plain = planRoadmap(index, { skills: [] }, goal, { today });
    expect(plain.steps[0].opportunityId).toBe('A');
    const outcomes = outcomeScores(
      new Map([
        ['A', { starts: 80, completions: 30, interviews: 10, jobs: 5 }],
        ['B', { starts: 80, completions: 70, interviews: 50, jobs: 40 }],
        ['D', { starts: 80, completions: 50, interviews: 30, jobs: 20 }],
      ]),
    );
    expect(planRoadmap(index, { skills: [] }, goal, { today, outcomes }).steps[0].opportunityId).toBe('B');
    // C has no history: scored average, it beats A (below average) but not B.
    const noB = planRoadmap(index, { skills: [] }, goal, { today, outcomes, excludeOpportunityIds: ['B'] });
    expect(noB.steps[0].opportunityId).toBe('C');
  });
});
