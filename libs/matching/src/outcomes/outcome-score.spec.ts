import fc from 'fast-check';
import {
  OutcomeCounts,
  fitBetaPrior,
  fitOutcomePrior,
  outcomeCostFactor,
  outcomeScore,
  outcomeScores,
} from './outcome-score';

const c = (starts: number, completions: number, jobs: number): OutcomeCounts => ({
  starts,
  completions,
  interviews: jobs,
  jobs,
});

describe('outcome scores with shrinkage', () => {
  const history = new Map<string, OutcomeCounts>([
    ['steady', c(200, 150, 60)],
    ['weak', c(150, 60, 15)],
    ['strong', c(120, 110, 70)],
    ['lucky', c(2, 2, 2)],
    ['new', c(0, 0, 0)],
  ]);
  const scores = outcomeScores(history);

  it('a new course scores exactly average; so does a lucky tiny one, below the threshold at which figures are shown', () => {
    expect(scores.get('new')).toBe(1);
    // 2 jobs from 2 starts: residents are not shown these counts, so ranking must not reveal them either.
    expect(scores.get('lucky')).toBe(1);
    // Nor do they move the average every other course is measured against.
    const without = outcomeScores(new Map([...history].filter(([id]) => id !== 'lucky')));
    expect(scores.get('steady')).toBe(without.get('steady'));
  });

  it('five starts is enough to count: a small record moves the score, a little', () => {
    const prior = fitOutcomePrior(history.values());
    const five = outcomeScore(c(5, 5, 5), prior).score;
    const raw = 1 / prior.job.mean; // 5 jobs from 5 starts, if taken at face value
    expect(five).toBeGreaterThan(1);
    expect(five - 1).toBeLessThan(raw - 1);
    expect(outcomeScore(c(4, 4, 4), prior).score).toBe(1);
  });

  it('orders courses with real history by their results', () => {
    expect(scores.get('strong')!).toBeGreaterThan(scores.get('steady')!);
    expect(scores.get('steady')!).toBeGreaterThan(scores.get('weak')!);
    expect(scores.get('weak')!).toBeLessThan(1);
  });

  it('the prior is the pooled rate; identical courses get a strong prior, spread ones a weak one', () => {
    const same = fitBetaPrior(Array.from({ length: 10 }, () => ({ successes: 30, trials: 100 })));
    expect(same.mean).toBeCloseTo(0.3, 6);
    const spread = fitBetaPrior([
      { successes: 5, trials: 100 },
      { successes: 95, trials: 100 },
      { successes: 50, trials: 100 },
    ]);
    expect(spread.strength).toBeLessThan(same.strength);
    expect(fitBetaPrior([])).toEqual({ mean: 0.5, strength: 2 });
  });

  it('properties: rates in [0,1], more evidence moves further, the cost factor stays within ±5%', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.nat(300), fc.nat(300), fc.nat(300)), { minLength: 1, maxLength: 12 }),
        fc.nat(50),
        (rows, k) => {
          const counts = rows.map(([s, a, b]) => c(s, Math.min(a, s), Math.min(b, s)));
          const prior = fitOutcomePrior(counts);
          for (const x of counts) {
            const s = outcomeScore(x, prior);
            expect(s.jobRate).toBeGreaterThanOrEqual(0);
            expect(s.jobRate).toBeLessThanOrEqual(1);
            expect(outcomeCostFactor(s.score)).toBeGreaterThanOrEqual(0.95);
            expect(outcomeCostFactor(s.score)).toBeLessThanOrEqual(1.05);
          }
          // All jobs, k+1 vs 2(k+1) starts: the longer record is further above average.
          const small = outcomeScore(c(k + 1, k + 1, k + 1), prior).jobRate;
          const big = outcomeScore(c(2 * (k + 1), 2 * (k + 1), 2 * (k + 1)), prior).jobRate;
          expect(big).toBeGreaterThanOrEqual(small - 1e-12);
          expect(outcomeScore(undefined, prior).score).toBeCloseTo(1, 12);
        },
      ),
    );
  });
});
