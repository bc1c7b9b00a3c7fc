import { CatalogueIndex } from '../index/catalogue-index';
import { DELIVERY_MODES, LearnerRecord, OpportunityRecord, SkillLevel } from '../lib/matching.types';
import { SeededRandom } from '../testing/seeded-random';
import { GoalContext, Weighting } from './goal-context';
import { RoadmapGoal } from './roadmap.types';

const today = '2026-12-07';
const HOME = { lat: 53.4794, lon: -2.2453 };

/** A small random catalogue (modes, distances, prices, entitlements, closing dates, prerequisites) and learner. */
function world(
  seed: number,
  size: number,
): { records: OpportunityRecord[]; learner: LearnerRecord; goal: RoadmapGoal } {
  const r = new SeededRandom(seed);
  const skill = (): SkillLevel => ({ skill: r.pick(['a', 'b', 'c', 'd', 'e', 'f']), level: r.int(1, 3) });
  const records: OpportunityRecord[] = Array.from({ length: size }, (_, i) => {
    const mode = r.pick(DELIVERY_MODES);
    return {
      id: `O${i}`,
      kind: r.chance(0.2) ? 'BOOTCAMP' : 'COURSE',
      title: `Course ${i}`,
      organisationName: 'Org',
      teaches: Array.from({ length: r.int(1, 3) }, skill),
      requires: r.chance(0.35) ? [skill()] : [],
      mode,
      ...(mode === 'ONLINE'
        ? {}
        : { location: { lat: HOME.lat + (r.next() - 0.5) * 0.8, lon: HOME.lon + (r.next() - 0.5) * 1.2 } }),
      hours: r.int(5, 80),
      costPence: r.chance(0.35) ? 0 : r.int(1, 40) * 1000,
      ...(r.chance(0.3) ? { entitlements: ['ADULT_MATHS_TO_LEVEL_2' as const] } : {}),
      ...(r.chance(0.1) ? { closingDate: r.chance(0.5) ? '2026-11-01' : '2027-02-01' } : {}),
      ...(r.chance(0.2) ? { stepFree: false } : {}),
    };
  });
  const learner: LearnerRecord = {
    skills: r.chance(0.5) ? [skill()] : [],
    location: HOME,
    travelRadiusKm: r.int(3, 25),
    modes: r.chance(0.5) ? [r.pick(DELIVERY_MODES)] : undefined,
    budgetPence: r.chance(0.6) ? r.int(0, 30) * 1000 : undefined,
    eligibility: { ageBand: '24-49' },
  };
  const goal: RoadmapGoal = {
    title: 'the goal',
    skills: [...new Map(Array.from({ length: r.int(1, 4) }, skill).map((s) => [s.skill, s])).values()],
  };
  return { records, learner, goal };
}

/** What a solve says, without the compiled problem (compared by its outcome). */
const outcome = (ctx: GoalContext, w?: Weighting, diverse = false) => {
  const s = ctx.solve(w, diverse);
  return { slots: s.slots, reachable: s.reachable, coverage: s.coverage, objective: s.objective };
};

/**
 * What-if contexts (ctx.with, ctx.withOpts) share scans, candidates, compiled sets and solves with the
 * roadmap's own context; each must still plan exactly as a context made afresh for the changed learner.
 */
describe('what-if contexts sharing work', () => {
  const changes = (r: SeededRandom, learner: LearnerRecord): Partial<LearnerRecord>[] => [
    { travelRadiusKm: r.int(1, 40) },
    { travelRadiusKm: r.int(1, 40) },
    { budgetPence: undefined },
    { budgetPence: r.int(0, 40) * 1000 },
    { travelRadiusKm: r.int(1, 40), budgetPence: r.int(0, 40) * 1000 },
    { modes: [...DELIVERY_MODES] },
    { modes: [r.pick(DELIVERY_MODES)] },
    { eligibility: { ...learner.eligibility, hasMathsLevel2: false } },
    { access: { stepFreeOnly: true } },
  ];

  it('plans like a fresh context, in any order of what-ifs', () => {
    let compared = 0;
    let reachable = 0;
    for (let seed = 1; seed <= 60; seed++) {
      const w = world(seed, 60);
      const index = CatalogueIndex.build(w.records);
      const opts = { today };
      const base = new GoalContext(index, w.learner, w.goal, opts);
      base.solve();
      const r = new SeededRandom(seed * 31);
      for (const change of changes(r, w.learner)) {
        const shared = base.with(change);
        const fresh = new GoalContext(index, { ...w.learner, ...change }, w.goal, opts);
        for (const [weighting, diverse] of [
          [undefined, false],
          [{ perHour: 0.01, perPound: 1 }, false],
          [{ perHour: 0.01, perPound: 0.001, perKm: 1 }, true],
        ] as [Weighting | undefined, boolean][]) {
          expect(outcome(shared, weighting, diverse)).toEqual(outcome(fresh, weighting, diverse));
          compared++;
        }
        expect(shared.candidates(true)).toEqual(fresh.candidates(true));
        const probe = shared.withOpts({ ...opts, nodeLimit: 5 });
        const freshProbe = new GoalContext(index, { ...w.learner, ...change }, w.goal, {
          ...opts,
          nodeLimit: 5,
        });
        expect(outcome(probe)).toEqual(outcome(freshProbe));
        // A reachability probe answers as its solve would.
        const asked = new GoalContext(index, { ...w.learner, ...change }, w.goal, { ...opts, nodeLimit: 5 });
        expect(asked.reaches()).toBe(freshProbe.solve().reachable);
        if (asked.reaches()) reachable++;
      }
      // The roadmap's own context is unchanged by its what-ifs.
      expect(outcome(base)).toEqual(outcome(new GoalContext(index, w.learner, w.goal, opts)));
    }
    expect(compared).toBe(60 * 9 * 3);
    // Both answers are exercised.
    expect(reachable).toBeGreaterThan(30);
    expect(reachable).toBeLessThan(60 * 9 - 30);
  });
});
