import { fitToOccupation, fitToOpportunity, skillGap } from './skill-fit';
import { SkillGraph } from './skill-graph';

const graph = new SkillGraph([
  { id: 'data', label: 'data analysis' },
  { id: 'sql', label: 'SQL', broader: 'data' },
  { id: 'python', label: 'Python', broader: 'data' },
  { id: 'excel', label: 'Excel' },
]);
const occ = {
  id: 'da',
  title: 'Junior Data Analyst',
  essential: [{ skill: 'sql', level: 3 }],
  optional: [{ skill: 'excel', level: 2 }],
};

describe('fit', () => {
  it.each([
    [
      'everything held',
      [
        { skill: 'sql', level: 3 },
        { skill: 'excel', level: 2 },
      ],
      1,
    ],
    ['nothing held', [], 0],
    ['essential only (weight 2 of 3)', [{ skill: 'sql', level: 3 }], 2 / 3],
    ['optional only', [{ skill: 'excel', level: 5 }], 1 / 3],
    ['level 2 of a level 3 need earns 2/3', [{ skill: 'sql', level: 2 }], (2 * (2 / 3)) / 3],
    ['a sibling earns a quarter', [{ skill: 'python', level: 3 }], (2 * 0.25) / 3],
    ['the parent earns a half', [{ skill: 'data', level: 3 }], (2 * 0.5) / 3],
  ])('%s', (_name, skills, expected) => {
    expect(fitToOccupation({ skills }, occ, graph).score).toBeCloseTo(expected as number, 9);
  });

  it('explains what is short and by how much', () => {
    const fit = fitToOccupation({ skills: [{ skill: 'sql', level: 1 }] }, occ, graph);
    expect(fit.short).toEqual([
      { skill: 'sql', label: 'SQL', need: 3, have: 1, essential: true },
      { skill: 'excel', label: 'Excel', need: 2, have: 0, essential: false },
    ]);
    expect(fit.met).toEqual([]);
    expect(fit.explanation).toContain('Junior Data Analyst');
    expect(fit.explanation).toContain('SQL (level 1 of 3)');
  });

  it('fits a vacancy on what it requires; no requirements is a full fit', () => {
    expect(fitToOpportunity({ skills: [] }, { title: 'Porter', requires: [] }).score).toBe(1);
    const f = fitToOpportunity(
      { skills: [{ skill: 'excel', level: 1 }] },
      { title: 'Clerk', requires: [{ skill: 'excel', level: 2 }] },
      graph,
    );
    expect(f.score).toBeCloseTo(0.5, 9);
  });

  it('gap lists only needs not fully met', () => {
    expect(
      skillGap({ skills: [{ skill: 'sql', level: 3 }] }, [
        { skill: 'sql', level: 2 },
        { skill: 'excel', level: 1 },
      ]),
    ).toEqual([{ skill: 'excel', level: 1 }]);
  });
});
