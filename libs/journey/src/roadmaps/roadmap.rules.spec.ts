import { stepChanges } from './roadmap.service';

const titles = new Map([
  ['a', 'Course A'],
  ['b', 'Course B'],
  ['c', 'Job C'],
]);

describe('what a new roadmap version changed', () => {
  it('reports nothing added for a first version', () => {
    expect(stepChanges(null, [{ opportunityId: 'a' }], titles)).toEqual({ added: [], removed: [] });
  });

  it('names listings added and removed by title', () => {
    const before = [
      { opportunityId: 'a', status: 'PLANNED' as const },
      { opportunityId: 'b', status: 'ENROLLED' as const },
    ];
    expect(stepChanges(before, [{ opportunityId: 'b' }, { opportunityId: 'c' }], titles)).toEqual({
      added: ['Job C'],
      removed: ['Course A'],
    });
  });

  it('does not report a step the learner dropped as removed again, and offers it as new if it returns', () => {
    const before = [{ opportunityId: 'a', status: 'DROPPED' as const }];
    expect(stepChanges(before, [], titles)).toEqual({ added: [], removed: [] });
    expect(stepChanges(before, [{ opportunityId: 'a' }], titles)).toEqual({
      added: ['Course A'],
      removed: [],
    });
  });

  it('falls back to the id when a title is unknown', () => {
    expect(stepChanges([], [{ opportunityId: 'zz' }], titles)).toEqual({ added: ['zz'], removed: [] });
  });
});
