import fc from 'fast-check';
import {
  CountTable,
  PublishedCount,
  suppressNested,
  suppressRows,
  suppressSmallNumbers,
} from './small-number-suppression';

const BOUND = 12;

/**
 * Independent of the implementation: every non-negative integer assignment of the cells (up to a
 * bound) that reproduces the published figures. For each cell and figure with a true count of 1–4 we
 * collect the values it takes across those assignments; one value means a reader can work it out.
 */
function valuesConsistentWithPublished(
  table: CountTable,
  published: Map<string, PublishedCount>,
): { cells: Set<number>[]; figures: Set<number>[] } {
  const n = table.cells.length;
  const constraints = table.figures
    .map((f) => ({ of: [...new Set(f.of)], value: published.get(f.key)!.value }))
    .filter((c): c is { of: number[]; value: number } => c.value !== null);
  const cellSeen = table.cells.map(() => new Set<number>());
  const figSeen = table.figures.map(() => new Set<number>());
  const x = new Array<number>(n).fill(0);
  const bound = (i: number) =>
    Math.min(BOUND, ...constraints.filter((c) => c.of.includes(i)).map((c) => c.value));
  const feasible = (upTo: number) =>
    constraints.every((c) => {
      const sum = c.of.filter((i) => i <= upTo).reduce((s, i) => s + x[i], 0);
      return c.of.every((i) => i <= upTo) ? sum === c.value : sum <= c.value;
    });
  const visit = (i: number): void => {
    if (i === n) {
      x.forEach((v, c) => cellSeen[c].add(v));
      table.figures.forEach((f, k) => figSeen[k].add([...new Set(f.of)].reduce((s, c) => s + x[c], 0)));
      return;
    }
    for (let v = 0; v <= bound(i); v++) {
      x[i] = v;
      if (feasible(i)) visit(i + 1);
    }
    x[i] = 0;
  };
  visit(0);
  return { cells: cellSeen, figures: figSeen };
}

function assertNothingSmallDisclosed(table: CountTable, published: Map<string, PublishedCount>): void {
  for (const f of table.figures) {
    const p = published.get(f.key)!;
    if (!p.suppressed) expect(p.value === 0 || p.value! >= 5).toBe(true);
  }
  const seen = valuesConsistentWithPublished(table, published);
  const small = (v: number) => v >= 1 && v <= 4;
  table.cells.forEach((v, c) => {
    if (small(v))
      expect({ cell: c, values: [...seen.cells[c]].length > 1 }).toEqual({ cell: c, values: true });
  });
  table.figures.forEach((f, k) => {
    const v = [...new Set(f.of)].reduce((s, c) => s + table.cells[c], 0);
    if (small(v))
      expect({ figure: f.key, values: [...seen.figures[k]].length > 1 }).toEqual({
        figure: f.key,
        values: true,
      });
  });
}

const count = fc.oneof(fc.integer({ min: 0, max: 4 }), fc.integer({ min: 0, max: 10 }));

describe('suppressSmallNumbers', () => {
  it('publishes counts of 0 and of 5 or more as they are', () => {
    const out = suppressRows([[0, 5, 9]], { rowTotals: true, columnTotals: false, grandTotal: false });
    expect([...out.values()].map((p) => p.value)).toEqual([0, 5, 9, 14]);
  });

  it('hides a 3 and, because the row total would give it away, the next smallest cell too', () => {
    const out = suppressRows([[3, 7, 9]], { rowTotals: true, columnTotals: false, grandTotal: false });
    expect(out.get('0:0')).toEqual({ value: null, suppressed: true });
    expect(out.get('0:1')).toEqual({ value: null, suppressed: true });
    expect(out.get('0:2')).toEqual({ value: 9, suppressed: false });
    expect(out.get('0:*')).toEqual({ value: 19, suppressed: false });
  });

  it('hides the total when the only other cell is zero (3 + 0 would still read as 3)', () => {
    const out = suppressRows([[3, 0]], { rowTotals: true, columnTotals: false, grandTotal: false });
    expect(out.get('0:*')?.suppressed).toBe(true);
    expect(out.get('0:1')).toEqual({ value: 0, suppressed: false });
  });

  it('protects drop-outs between funnel stages, not only the stages', () => {
    const out = suppressNested([
      { key: 'joined', count: 20 },
      { key: 'profile', count: 17 },
      { key: 'roadmap', count: 17 },
    ]);
    // 20 − 17 = 3 people stopped before completing a profile: one of the two must go.
    expect(out.get('joined')!.suppressed || out.get('profile')!.suppressed).toBe(true);
    expect(() =>
      suppressNested([
        { key: 'a', count: 1 },
        { key: 'b', count: 2 },
      ]),
    ).toThrow(/larger/);
  });

  it('refuses negative or fractional counts', () => {
    expect(() => suppressSmallNumbers({ cells: [-1], figures: [] })).toThrow(/non-negative/);
    expect(() => suppressSmallNumbers({ cells: [1.5], figures: [] })).toThrow(/non-negative/);
  });

  it('property: in any grid with any totals, no count of 1–4 can be read or derived from what is published', () => {
    fc.assert(
      fc.property(
        fc
          .integer({ min: 1, max: 3 })
          .chain((rows) =>
            fc.tuple(
              fc.array(fc.array(count, { minLength: 1, maxLength: 3 }), { minLength: rows, maxLength: rows }),
              fc.record({ rowTotals: fc.boolean(), columnTotals: fc.boolean(), grandTotal: fc.boolean() }),
            ),
          ),
        ([ragged, opts]) => {
          const cols = Math.min(...ragged.map((r) => r.length));
          const grid = ragged.map((r) => r.slice(0, cols));
          if (grid.flat().length > 6) return;
          const out = suppressRows(grid, opts);
          const cells = grid.flat();
          const figures = [...out.keys()].map((key) => ({ key, of: figureCells(key, grid.length, cols) }));
          assertNothingSmallDisclosed({ cells, figures }, out);
        },
      ),
      { numRuns: 150 },
    );
  });

  it('property: funnels publish no stage or drop-out of 1–4', () => {
    fc.assert(
      fc.property(fc.array(count, { minLength: 1, maxLength: 5 }), (stopped) => {
        const stages = stopped.map((_, i) => ({
          key: `s${i}`,
          count: stopped.slice(i).reduce((a, b) => a + b, 0),
        }));
        const out = suppressNested(stages);
        const figures = stages.map((s, i) => ({
          key: s.key,
          of: stopped.map((_, c) => c).filter((c) => c >= i),
        }));
        assertNothingSmallDisclosed({ cells: stopped, figures }, out);
      }),
      { numRuns: 200 },
    );
  });

  it('property: arbitrary overlapping sums disclose nothing small', () => {
    fc.assert(
      fc.property(
        fc.array(count, { minLength: 1, maxLength: 5 }),
        fc.array(fc.uniqueArray(fc.integer({ min: 0, max: 4 }), { minLength: 1, maxLength: 5 }), {
          minLength: 1,
          maxLength: 6,
        }),
        (cells, sums) => {
          const figures = sums
            .map((of, i) => ({ key: `f${i}`, of: of.filter((c) => c < cells.length) }))
            .filter((f) => f.of.length);
          const table = { cells, figures };
          assertNothingSmallDisclosed(table, suppressSmallNumbers(table));
        },
      ),
      { numRuns: 300 },
    );
  });

  it('counts disclosed cells as known: a figure minus the people shown one by one gives away nothing small', () => {
    // Six at the last stage, five of them shown individually: publishing 6 would tell that exactly one other got there.
    const table = { cells: [5, 1, 0, 5], figures: [{ key: 'last', of: [1, 3] }], disclosed: [2, 3] };
    expect(suppressSmallNumbers({ ...table, disclosed: [] }).get('last')).toEqual({
      value: 6,
      suppressed: false,
    });
    expect(suppressSmallNumbers(table).get('last')).toEqual({ value: null, suppressed: true });
  });

  it('property: with some cells disclosed, no other count of 1–4, nor the undisclosed part of a figure, can be derived', () => {
    fc.assert(
      fc.property(
        fc.array(count, { minLength: 2, maxLength: 5 }),
        fc.uniqueArray(fc.integer({ min: 0, max: 4 }), { maxLength: 3 }),
        fc.array(fc.uniqueArray(fc.integer({ min: 0, max: 4 }), { minLength: 1, maxLength: 5 }), {
          minLength: 1,
          maxLength: 5,
        }),
        (cells, shown, sums) => {
          const disclosed = shown.filter((c) => c < cells.length);
          const figures = sums
            .map((of, i) => ({ key: `f${i}`, of: of.filter((c) => c < cells.length) }))
            .filter((f) => f.of.length);
          const out = suppressSmallNumbers({ cells, figures, disclosed });
          // The reader also knows each disclosed cell exactly.
          const known = disclosed.map((c) => ({ key: `d${c}`, of: [c] }));
          const withKnown = new Map([
            ...out,
            ...known.map((k) => [k.key, { value: cells[k.of[0]], suppressed: false }] as const),
          ]);
          const seen = valuesConsistentWithPublished({ cells, figures: [...figures, ...known] }, withKnown);
          const small = (v: number) => v >= 1 && v <= 4;
          cells.forEach((v, c) => {
            if (small(v) && !disclosed.includes(c))
              expect({ cell: c, open: seen.cells[c].size > 1 }).toEqual({ cell: c, open: true });
          });
          figures.forEach((f, k) => {
            const rest = [...new Set(f.of)]
              .filter((c) => !disclosed.includes(c))
              .reduce((s, c) => s + cells[c], 0);
            if (small(rest))
              expect({ figure: f.key, open: seen.figures[k].size > 1 }).toEqual({
                figure: f.key,
                open: true,
              });
          });
        },
      ),
      { numRuns: 300 },
    );
  });
});

function figureCells(key: string, rows: number, cols: number): number[] {
  const all = Array.from({ length: rows * cols }, (_, i) => i);
  if (key === '*') return all;
  const [r, c] = key.split(':');
  if (c === '*') return all.filter((i) => Math.floor(i / cols) === Number(r));
  if (r === '*') return all.filter((i) => i % cols === Number(c));
  return [Number(r) * cols + Number(c)];
}
