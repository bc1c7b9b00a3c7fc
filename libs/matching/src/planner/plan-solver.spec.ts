import { PLAN_FIXTURES } from './__fixtures__/plan.fixtures';
import { solvePlanningInstance } from './plan-solver';
import { checkPlan } from './plan-validator';

describe('solvePlanningInstance fixtures', () => {
  it.each(PLAN_FIXTURES.map((f) => [f.name, f] as const))('%s', (_name, fixture) => {
    const result = solvePlanningInstance(fixture.instance);
    expect(result.steps).toEqual(fixture.expect.steps);
    expect(result.reachable).toBe(fixture.expect.reachable);
    expect(result.missing).toEqual(fixture.expect.missing);
    if (fixture.expect.cost !== undefined) expect(result.cost).toBeCloseTo(fixture.expect.cost, 6);
    expect(checkPlan(fixture.instance, result.steps).errors).toEqual([]);
    expect(result.coverage).toBeCloseTo(checkPlan(fixture.instance, result.steps).coverage, 9);
  });

  it('reports coverage as the share of goal skills', () => {
    const f = PLAN_FIXTURES.find((x) => x.instance.id === 'partial');
    expect(solvePlanningInstance(f!.instance).coverage).toBeCloseTo(0.5, 9);
  });

  it('an empty goal needs no steps', () => {
    const r = solvePlanningInstance({
      id: 'e',
      learner: { skills: [] },
      goal: { skills: [] },
      opportunities: [],
    });
    expect(r).toMatchObject({ reachable: true, steps: [], cost: 0, coverage: 1, missing: [] });
  });
});
