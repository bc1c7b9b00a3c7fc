import fc from 'fast-check';
import { solveExhaustively } from '../testing/exhaustive-oracle';
import { generatePlanningInstance } from '../testing/planning-instance.generator';
import { solvePlanningInstance } from './plan-solver';
import { checkPlan, uselessSteps } from './plan-validator';
import { PlanningInstance } from './planning.types';

const small = fc.record({
  seed: fc.integer({ min: 0, max: 2 ** 30 }),
  size: fc.integer({ min: 4, max: 12 }),
  cyclic: fc.boolean(),
});
const build = ({ seed, size, cyclic }: { seed: number; size: number; cyclic: boolean }): PlanningInstance =>
  generatePlanningInstance(seed, { opportunities: size, cyclic, budgetChance: 0.6 });

describe('planner properties (checked against exhaustive search)', () => {
  it('every plan is valid, maximal in coverage, and reachable exactly when a valid plan exists', () => {
    fc.assert(
      fc.property(small, (params) => {
        const inst = build(params);
        const r = solvePlanningInstance(inst);
        const check = checkPlan(inst, r.steps);
        expect(check.errors).toEqual([]);
        const truth = solveExhaustively(inst);
        expect(r.reachable).toBe(truth.feasible);
        if (truth.feasible) {
          expect(r.coverage).toBe(1);
          expect(r.cost).toBeCloseTo(truth.cost, 6);
        } else {
          const goalCount = new Set(inst.goal.skills.map((g) => g.skill)).size;
          expect(Math.round(r.coverage * goalCount)).toBe(truth.maxCovered);
        }
        expect(r.missing).toEqual(check.missing);
      }),
      { numRuns: 250, seed: 42 },
    );
  });

  it('no step is useless', () => {
    fc.assert(
      fc.property(small, (params) => {
        const inst = build({ ...params, size: params.size * 4 });
        expect(uselessSteps(inst, solvePlanningInstance(inst).steps)).toEqual([]);
      }),
      { numRuns: 150, seed: 7 },
    );
  });

  it('is deterministic, whatever the input order', () => {
    fc.assert(
      fc.property(small, fc.integer({ min: 1, max: 1000 }), (params, shift) => {
        const inst = build({ ...params, size: params.size * 5 });
        const rotated = {
          ...inst,
          opportunities: inst.opportunities.map((_, i, all) => all[(i + shift) % all.length]),
        };
        const a = solvePlanningInstance(inst);
        const b = solvePlanningInstance(rotated);
        expect({ ...b, ms: 0 }).toEqual({ ...a, ms: 0 });
      }),
      { numRuns: 100, seed: 3 },
    );
  });
});
