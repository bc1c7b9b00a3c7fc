import { LearnerAnswerCache, ObjectSerials } from './learner-answer-cache';

describe('LearnerAnswerCache', () => {
  it('serves an answer only while its inputs are the same', async () => {
    const cache = new LearnerAnswerCache<{ n: number }>(10);
    let computed = 0;
    const compute = () => Promise.resolve({ n: ++computed });
    const before = LearnerAnswerCache.fingerprint(1, { skills: ['sql'] });

    expect(await cache.getOrCompute('ann', before, compute)).toEqual({ n: 1 });
    expect(await cache.getOrCompute('ann', before, compute)).toEqual({ n: 1 });
    // Another learner with the same inputs gets their own answer.
    expect(await cache.getOrCompute('bob', before, compute)).toEqual({ n: 2 });
    // Any input changes: computed afresh, and the new answer is the one kept.
    const after = LearnerAnswerCache.fingerprint(1, { skills: ['sql', 'excel'] });
    expect(after).not.toBe(before);
    expect(await cache.getOrCompute('ann', after, compute)).toEqual({ n: 3 });
    expect(await cache.getOrCompute('ann', after, compute)).toEqual({ n: 3 });
    expect(await cache.getOrCompute('ann', before, compute)).toEqual({ n: 4 });
  });

  it('forgets the least recently used learner beyond its bound, and never keeps a failure', async () => {
    const cache = new LearnerAnswerCache<{ who: string }>(2);
    let computed = 0;
    const answer = (who: string) => () => (computed++, Promise.resolve({ who }));
    await cache.getOrCompute('a', 'f', answer('a'));
    await cache.getOrCompute('b', 'f', answer('b'));
    await cache.getOrCompute('c', 'f', answer('c'));
    await cache.getOrCompute('a', 'f', answer('a'));
    expect(computed).toBe(4);

    await expect(cache.getOrCompute('d', 'f', () => Promise.reject(new Error('db down')))).rejects.toThrow(
      'db down',
    );
    await expect(cache.getOrCompute('d', 'f', answer('d'))).resolves.toEqual({ who: 'd' });
  });
});

describe('ObjectSerials', () => {
  it('gives each object one number, and different objects different numbers', () => {
    const serials = new ObjectSerials();
    const a = {};
    const b = {};
    expect(serials.of(a)).toBe(serials.of(a));
    expect(serials.of(a)).not.toBe(serials.of(b));
  });
});
