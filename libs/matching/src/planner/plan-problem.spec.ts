import fc from 'fast-check';
import { keepCheapest, smallest } from './plan-problem';

/** What keepCheapest replaced: two sorted copies, the first few of each kept. */
function keepCheapestBySorting(teachers: number[], cap: number, cost: number[], money: number[]): number[] {
  const byCost = [...teachers].sort((a, b) => cost[a] - cost[b] || a - b);
  const byMoney = [...teachers].sort((a, b) => money[a] - money[b] || cost[a] - cost[b]);
  const keep = new Set([...byCost.slice(0, cap), ...byMoney.slice(0, Math.ceil(cap / 4))]);
  return teachers.filter((t) => keep.has(t));
}

// Few distinct values, so ties (and repeated ops) are common.
const instance = fc
  .record({
    ops: fc.integer({ min: 1, max: 30 }),
    cap: fc.integer({ min: 1, max: 25 }),
    seed: fc.array(fc.integer({ min: 0, max: 4 }), { minLength: 60, maxLength: 60 }),
  })
  .chain(({ ops, cap, seed }) =>
    fc.record({
      cap: fc.constant(cap),
      cost: fc.constant(Array.from({ length: ops }, (_, o) => seed[o % 60])),
      money: fc.constant(Array.from({ length: ops }, (_, o) => seed[(o * 7 + 3) % 60] * 100)),
      teachers: fc.array(fc.integer({ min: 0, max: ops - 1 }), { maxLength: 60 }),
    }),
  );

describe('compiling a plan problem', () => {
  it('smallest finds the places the first k of a sort would hold', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 5 }), { maxLength: 80 }),
        fc.integer({ min: 0, max: 90 }),
        (values, k) => {
          const cmp = (x: number, y: number) => values[x] - values[y] || x - y;
          const sorted = values.map((_, i) => i).sort(cmp);
          const got = smallest(values.length, k, cmp).sort((a, b) => a - b);
          expect(got).toEqual(sorted.slice(0, k).sort((a, b) => a - b));
        },
      ),
      { numRuns: 500 },
    );
  });

  it('keeps the same teachers per item as sorting by cost and by money did', () => {
    fc.assert(
      fc.property(instance, ({ cap, cost, money, teachers }) => {
        expect(keepCheapest(teachers, cap, cost, money)).toEqual(
          keepCheapestBySorting(teachers, cap, cost, money),
        );
      }),
      { numRuns: 500 },
    );
  });

  it('keeps the cheapest in cost, and the cheapest in money even when dear in cost', () => {
    // Ops 0..7: cost rises with the op number; op 7 is the dearest in cost but the only free one.
    const cost = [1, 2, 3, 4, 5, 6, 7, 8];
    const money = [500, 500, 500, 500, 500, 500, 500, 0];
    expect(keepCheapest([7, 6, 5, 4, 3, 2, 1, 0], 4, cost, money)).toEqual([7, 3, 2, 1, 0]);
  });
});
