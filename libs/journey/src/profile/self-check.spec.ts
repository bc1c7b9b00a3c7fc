import { scoreSelfCheck, SELF_CHECK_QUESTIONS, SelfCheckAnswerValue } from './self-check';

const answers = (value: SelfCheckAnswerValue, overrides: Record<string, SelfCheckAnswerValue> = {}) =>
  new Map(SELF_CHECK_QUESTIONS.map((q) => [q.id, overrides[q.id] ?? value]));

describe('Essential Digital Skills self-check', () => {
  it('has about ten questions covering all six areas', () => {
    expect(SELF_CHECK_QUESTIONS.length).toBe(10);
    expect(new Set(SELF_CHECK_QUESTIONS.map((q) => q.area)).size).toBe(6);
  });

  it('gives nothing to someone who answers no to everything', () => {
    expect(scoreSelfCheck(answers('NO')).size).toBe(0);
  });

  it('gives level 1 for "with help" and 2 for a single yes', () => {
    const levels = scoreSelfCheck(answers('WITH_HELP', { q1: 'YES' }));
    expect(levels.get('foundation')).toBe(2);
    expect(levels.get('communicating')).toBe(1);
    expect(levels.get('safe-and-legal')).toBe(1);
  });

  it('gives level 3 only when every question of a multi-question area is yes', () => {
    const levels = scoreSelfCheck(answers('YES'));
    expect(levels.get('foundation')).toBe(3);
    expect(levels.get('problem-solving')).toBe(2); // one question only: confidence capped
  });
});
