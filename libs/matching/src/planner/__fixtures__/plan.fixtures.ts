import { PlanningInstance, PlanningOpportunity } from '../planning.types';

const course = (
  id: string,
  teaches: [string, number][],
  requires: [string, number][],
  hours: number,
  costPence = 0,
  extra: Partial<PlanningOpportunity> = {},
): PlanningOpportunity => ({
  id,
  kind: 'COURSE',
  teaches: teaches.map(([skill, level]) => ({ skill, level })),
  requires: requires.map(([skill, level]) => ({ skill, level })),
  hours,
  costPence,
  mode: 'ONLINE',
  ...extra,
});

const instance = (
  id: string,
  have: [string, number][],
  goal: [string, number][],
  opportunities: PlanningOpportunity[],
  learner: Partial<PlanningInstance['learner']> = {},
): PlanningInstance => ({
  id,
  learner: { skills: have.map(([skill, level]) => ({ skill, level })), ...learner },
  goal: { skills: goal.map(([skill, level]) => ({ skill, level })) },
  opportunities,
});

const MANCHESTER = { lat: 53.4794, lon: -2.2453 };
const LEEDS = { lat: 53.8008, lon: -1.5491 };

export interface PlanFixture {
  name: string;
  instance: PlanningInstance;
  expect: { steps: string[]; reachable: boolean; missing: string[]; cost?: number };
}

export const PLAN_FIXTURES: PlanFixture[] = [
  {
    name: 'goal already held: empty plan',
    instance: instance('held', [['SQL', 3]], [['SQL', 2]], [course('C1', [['SQL', 3]], [], 10)]),
    expect: { steps: [], reachable: true, missing: [], cost: 0 },
  },
  {
    name: 'prerequisite comes first',
    instance: instance(
      'chain',
      [],
      [['SQL', 3]],
      [course('ADV', [['SQL', 3]], [['SQL', 1]], 20), course('BASIC', [['SQL', 1]], [], 5)],
    ),
    expect: { steps: ['BASIC', 'ADV'], reachable: true, missing: [], cost: 25 },
  },
  {
    name: 'a cheap course locked behind a dear prerequisite loses to one direct course',
    instance: instance(
      'locked',
      [],
      [['PY', 2]],
      [
        course('DIRECT', [['PY', 2]], [], 30),
        course('CHEAP', [['PY', 2]], [['MATHS', 2]], 5),
        course('MATHS', [['MATHS', 2]], [], 40),
      ],
    ),
    expect: { steps: ['DIRECT'], reachable: true, missing: [], cost: 30 },
  },
  {
    name: 'money counts at perPound',
    instance: {
      ...instance(
        'money',
        [],
        [['A', 1]],
        [course('PAID', [['A', 1]], [], 10, 50000), course('FREE', [['A', 1]], [], 40)],
      ),
      weights: { perHour: 1, perPound: 0.1 },
    },
    expect: { steps: ['FREE'], reachable: true, missing: [], cost: 40 },
  },
  {
    name: 'budget rules out the cheapest-in-hours plan',
    instance: instance(
      'budget',
      [],
      [
        ['A', 1],
        ['B', 1],
      ],
      [
        course(
          'BOTH',
          [
            ['A', 1],
            ['B', 1],
          ],
          [],
          10,
          30000,
        ),
        course('A', [['A', 1]], [], 20),
        course('B', [['B', 1]], [], 25),
      ],
      { budgetPence: 10000 },
    ),
    expect: { steps: ['A', 'B'], reachable: true, missing: [], cost: 45 },
  },
  {
    name: 'wrong mode and too far are unusable',
    instance: instance(
      'usable',
      [],
      [['A', 1]],
      [
        course('FAR', [['A', 1]], [], 1, 0, { mode: 'IN_PERSON', location: LEEDS }),
        course('HYB', [['A', 1]], [], 2, 0, { mode: 'HYBRID' }),
        course('NEAR', [['A', 1]], [], 9, 0, { mode: 'IN_PERSON', location: MANCHESTER }),
      ],
      { modes: ['IN_PERSON'], location: MANCHESTER, travelRadiusKm: 20 },
    ),
    expect: { steps: ['NEAR'], reachable: true, missing: [], cost: 9 },
  },
  {
    name: 'level-aware: level 2 does not meet a level 3 goal',
    instance: instance(
      'levels',
      [['SQL', 2]],
      [['SQL', 3]],
      [course('L2', [['SQL', 2]], [], 1), course('L4', [['SQL', 4]], [], 8)],
    ),
    expect: { steps: ['L4'], reachable: true, missing: [], cost: 8 },
  },
  {
    name: 'unreachable: best partial plan and what is missing',
    instance: instance(
      'partial',
      [],
      [
        ['A', 1],
        ['Z', 2],
      ],
      [course('A', [['A', 1]], [], 3), course('Z1', [['Z', 1]], [], 1)],
    ),
    expect: { steps: ['A'], reachable: false, missing: ['Z'], cost: 3 },
  },
  {
    name: 'a requirement cycle needs support from outside it',
    instance: instance(
      'cycle',
      [],
      [
        ['A', 2],
        ['B', 2],
      ],
      [
        course('XA', [['A', 2]], [['B', 1]], 1),
        course('XB', [['B', 2]], [['A', 1]], 1),
        course('SEED', [['A', 1]], [], 5),
      ],
    ),
    expect: { steps: ['SEED', 'XB', 'XA'], reachable: true, missing: [], cost: 7 },
  },
  {
    name: 'an unbroken requirement cycle cannot start',
    instance: instance(
      'deadlock',
      [],
      [['A', 2]],
      [course('XA', [['A', 2]], [['B', 1]], 1), course('XB', [['B', 2]], [['A', 1]], 1)],
    ),
    expect: { steps: [], reachable: false, missing: ['A'], cost: 0 },
  },
  {
    name: 'over budget alone: partial plan within budget',
    instance: instance(
      'broke',
      [],
      [
        ['A', 1],
        ['B', 1],
      ],
      [course('A', [['A', 1]], [], 3, 100), course('B', [['B', 1]], [], 3, 500)],
      {
        budgetPence: 200,
      },
    ),
    expect: { steps: ['A'], reachable: false, missing: ['B'] },
  },
];
