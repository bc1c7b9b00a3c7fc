/**
 * Small-number suppression for published counts of people, as UK official statistics do it.
 *
 * A table is a set of disjoint base cells (true counts of people) and the figures to publish, each
 * the sum of some base cells (a cell, a row total, a funnel stage …). Primary suppression hides every
 * figure from 1 to 4. Secondary suppression then hides more figures until, from what is published:
 *  - no base cell and no figure whose true count is 1–4 can be worked out by adding and subtracting
 *    published figures (it is not in their linear span; cells of a published 0 are known to be 0);
 *  - no published figure leaves a hidden remainder of 1–4 (the part of it not worked out from other
 *    published figures), so two suppressed cells cannot be read off together either.
 * Extra figures to hide are chosen smallest first, single cells before totals ("suppress the next
 * smallest, or the total").
 */

export const SUPPRESSION_THRESHOLD = 5;

export interface CountTable {
  /** True counts of disjoint groups of people (non-negative integers). */
  cells: readonly number[];
  /** The figures to publish: `of` lists the indexes of the base cells each one adds up. */
  figures: ReadonlyArray<{ key: string; of: readonly number[] }>;
  /**
   * Cells the reader already knows exactly, whatever is published (people who consented to being
   * shown one by one). They are not protected themselves, but they count as known when working out
   * the others, so a published figure minus them cannot give away a small number.
   */
  disclosed?: readonly number[];
}

/** A published count: `value` is null when suppressed. */
export interface PublishedCount {
  value: number | null;
  suppressed: boolean;
}

const small = (n: number) => n >= 1 && n < SUPPRESSION_THRESHOLD;
const EPS = 1e-9;

/** Row-reduced basis of vectors; `contains` tests membership of the span. */
class Span {
  private readonly rows: Array<{ pivot: number; v: Float64Array }> = [];
  constructor(private readonly n: number) {}

  private reduce(vec: ArrayLike<number>): Float64Array {
    const v = Float64Array.from(vec);
    for (const r of this.rows) {
      const f = v[r.pivot];
      if (Math.abs(f) > EPS) for (let j = 0; j < this.n; j++) v[j] -= f * r.v[j];
    }
    return v;
  }

  add(vec: ArrayLike<number>): void {
    const v = this.reduce(vec);
    const pivot = v.findIndex((x) => Math.abs(x) > EPS);
    if (pivot < 0) return;
    const p = v[pivot];
    for (let j = 0; j < this.n; j++) v[j] /= p;
    for (const r of this.rows) {
      const f = r.v[pivot];
      if (Math.abs(f) > EPS) for (let j = 0; j < this.n; j++) r.v[j] -= f * v[j];
    }
    this.rows.push({ pivot, v });
  }

  contains(vec: ArrayLike<number>): boolean {
    return this.reduce(vec).every((x) => Math.abs(x) <= EPS);
  }
}

function indicator(n: number, of: readonly number[]): Float64Array {
  const v = new Float64Array(n);
  for (const i of of) v[i] = 1;
  return v;
}

// Budget of the exact search per question; past it the answer is taken as "disclosed" (safe side).
const SEARCH_BUDGET = 50_000;

/**
 * Whether some non-negative integer table that reproduces every published figure gives `target`
 * (a set of cells) a sum other than `trueSum`. Linear algebra misses what integrality and
 * non-negativity pin down (c2 + 2·c3 = 1 forces c3 = 0); this search does not. False when no such
 * table exists or the search ran out of budget.
 */
function alternativeExists(
  constraints: ReadonlyArray<{ of: readonly number[]; value: number }>,
  target: readonly number[],
  trueSum: number,
): boolean {
  const involved = new Set(constraints.flatMap((c) => c.of));
  // A target cell in no published figure can be anything.
  if (target.some((c) => !involved.has(c))) return true;
  // Only the cells linked to the target through published figures matter.
  const linked = new Set(target);
  for (let grew = true; grew;) {
    grew = false;
    for (const c of constraints) {
      if (c.of.some((x) => linked.has(x)) && c.of.some((x) => !linked.has(x))) {
        c.of.forEach((x) => linked.add(x));
        grew = true;
      }
    }
  }
  const relevant = constraints.filter((c) => c.of.some((x) => linked.has(x)));
  const vars = [...linked].sort((a, b) => a - b);
  const bound = new Map(
    vars.map((v) => [v, Math.min(...relevant.filter((c) => c.of.includes(v)).map((c) => c.value))]),
  );
  const value = new Map<number, number>();
  let nodes = 0;
  const consistent = (): boolean =>
    relevant.every((c) => {
      let sum = 0;
      let room = 0;
      for (const x of c.of) {
        const v = value.get(x);
        if (v === undefined) room += bound.get(x)!;
        else sum += v;
      }
      return sum <= c.value && sum + room >= c.value;
    });
  const visit = (k: number): boolean => {
    if (++nodes > SEARCH_BUDGET) return false;
    if (k === vars.length) return target.reduce((s, c) => s + value.get(c)!, 0) !== trueSum;
    for (let v = 0; v <= bound.get(vars[k])!; v++) {
      value.set(vars[k], v);
      if (consistent() && visit(k + 1)) return true;
      if (nodes > SEARCH_BUDGET) break;
    }
    value.delete(vars[k]);
    return false;
  };
  return visit(0);
}

interface Problem {
  /** A figure or cell whose true count is small and that can be worked out; `within`: figures to hide from. */
  within: number[];
}

/** Decides which figures to publish; the same input always gives the same answer. */
export function suppressSmallNumbers(table: CountTable): Map<string, PublishedCount> {
  const n = table.cells.length;
  for (const c of table.cells) {
    if (!Number.isInteger(c) || c < 0)
      throw new Error(`cell counts must be non-negative integers (got ${c})`);
  }
  const figures = table.figures.map((f) => ({
    key: f.key,
    of: [...new Set(f.of)],
    value: [...new Set(f.of)].reduce((s, i) => s + table.cells[i], 0),
  }));
  const vectors = figures.map((f) => indicator(n, f.of));
  const disclosed = new Set(table.disclosed ?? []);
  /** A figure's value not counting disclosed cells: what suppression protects. */
  const undisclosed = (of: readonly number[]) => of.filter((c) => !disclosed.has(c));
  const valueOf = (of: readonly number[]) => of.reduce((s, c) => s + table.cells[c], 0);
  const hidden = new Set<number>();
  figures.forEach((f, i) => small(f.value) && hidden.add(i));

  const findProblem = (): Problem | null => {
    const span = new Span(n);
    const published = figures.map((_, i) => i).filter((i) => !hidden.has(i));
    for (const i of published) span.add(vectors[i]);
    // Cells known to be zero: everything in a published zero, and — because counts cannot be negative —
    // everything a published figure has beyond another published figure of the same value whose cells it
    // contains (once known zeros are set aside). Repeated until nothing new is learnt.
    const zero = new Set<number>();
    for (let changed = true; changed;) {
      changed = false;
      for (const a of published) {
        const aLive = figures[a].of.filter((c) => !zero.has(c));
        if (figures[a].value === 0) {
          for (const c of aLive) changed = zero.add(c) && true;
          continue;
        }
        for (const b of published) {
          if (a === b || figures[a].value !== figures[b].value) continue;
          const bLive = new Set(figures[b].of.filter((c) => !zero.has(c)));
          if (![...bLive].every((c) => aLive.includes(c))) continue;
          for (const c of aLive) {
            if (!bLive.has(c) && !zero.has(c)) {
              zero.add(c);
              changed = true;
            }
          }
        }
      }
    }
    for (const c of zero) span.add(indicator(n, [c]));
    for (const c of disclosed) span.add(indicator(n, [c]));
    const known = table.cells.map((_, c) => span.contains(indicator(n, [c])));
    for (let c = 0; c < n; c++) {
      if (small(table.cells[c]) && known[c] && !disclosed.has(c)) {
        // The figures that give it away, and their other cells: hiding a sibling cell is preferred to hiding a total.
        const near = new Set(
          published.filter((i) => figures[i].of.includes(c)).flatMap((i) => figures[i].of),
        );
        return { within: published.filter((i) => figures[i].of.some((x) => near.has(x))) };
      }
    }
    for (const i of hidden) {
      if (small(valueOf(undisclosed(figures[i].of))) && span.contains(vectors[i])) {
        return { within: published.filter((p) => figures[p].of.some((c) => figures[i].of.includes(c))) };
      }
    }
    for (const i of published) {
      const rest = figures[i].of.filter((c) => !known[c]).reduce((s, c) => s + table.cells[c], 0);
      if (small(rest))
        return {
          within: [
            i,
            ...published.filter(
              (p) => p !== i && figures[p].of.some((c) => figures[i].of.includes(c) && !known[c]),
            ),
          ],
        };
    }
    // Exact check: what integrality and non-negativity give away beyond the linear span.
    const constraints = [
      ...published.map((i) => ({ of: figures[i].of, value: figures[i].value })),
      ...[...disclosed].map((c) => ({ of: [c], value: table.cells[c] })),
    ];
    const targets = [
      ...table.cells.map((v, c) => ({ of: [c], value: v })).filter((t) => !disclosed.has(t.of[0])),
      ...[...hidden].map((i) => {
        const of = undisclosed(figures[i].of);
        return { of, value: valueOf(of) };
      }),
    ].filter((t) => small(t.value));
    for (const t of targets) {
      if (!alternativeExists(constraints, t.of, t.value)) {
        const within = published.filter((p) => figures[p].of.some((c) => t.of.includes(c)));
        return { within: within.length ? within : published };
      }
    }
    return null;
  };

  for (let problem = findProblem(); problem; problem = findProblem()) {
    // Prefer the smallest non-zero single cells, then the smallest totals; a published zero hides nothing.
    const candidates = problem.within
      .filter((i) => figures[i].value > 0)
      .sort(
        (a, b) => figures[a].of.length - figures[b].of.length || figures[a].value - figures[b].value || a - b,
      );
    const pick = candidates[0] ?? problem.within[0];
    if (pick === undefined) throw new Error('suppression found a disclosure it cannot remove');
    hidden.add(pick);
  }

  return new Map(
    figures.map((f, i) => [
      f.key,
      hidden.has(i) ? { value: null, suppressed: true } : { value: f.value, suppressed: false },
    ]),
  );
}

/**
 * Counts at nested stages (each a subset of the one before: a funnel). The base cells are the people
 * who stopped at each stage, so a difference between two stages is protected as well as each stage.
 */
export function suppressNested(
  stages: ReadonlyArray<{ key: string; count: number }>,
): Map<string, PublishedCount> {
  for (let i = 1; i < stages.length; i++) {
    if (stages[i].count > stages[i - 1].count)
      throw new Error(`stage ${stages[i].key} is larger than the stage before it`);
  }
  const cells = stages.map((s, i) => s.count - (stages[i + 1]?.count ?? 0));
  return suppressSmallNumbers({
    cells,
    figures: stages.map((s, i) => ({ key: s.key, of: cells.map((_, c) => c).filter((c) => c >= i) })),
  });
}

/** A grid with a total for each row (and a grand total when `grandTotal`), keys `r:c`, `r:*`, `*`. */
export function suppressRows(
  counts: readonly (readonly number[])[],
  opts: { rowTotals: boolean; columnTotals: boolean; grandTotal: boolean },
): Map<string, PublishedCount> {
  const cols = counts[0]?.length ?? 0;
  const cells = counts.flat();
  const at = (r: number, c: number) => r * cols + c;
  const figures: Array<{ key: string; of: number[] }> = [];
  counts.forEach((row, r) => row.forEach((_, c) => figures.push({ key: `${r}:${c}`, of: [at(r, c)] })));
  if (opts.rowTotals)
    counts.forEach((_, r) =>
      figures.push({ key: `${r}:*`, of: Array.from({ length: cols }, (_, c) => at(r, c)) }),
    );
  if (opts.columnTotals) {
    for (let c = 0; c < cols; c++) figures.push({ key: `*:${c}`, of: counts.map((_, r) => at(r, c)) });
  }
  if (opts.grandTotal) figures.push({ key: '*', of: cells.map((_, i) => i) });
  return suppressSmallNumbers({ cells, figures });
}

/** Published counts are rounded to this base (nearest 5), as UK official statistics on people often are. */
export const ROUNDING_BASE = 5;

/** What a person reads in place of a hidden figure. */
export const HIDDEN_LABEL = 'hidden to protect privacy';

/** A figure as published: hidden, or rounded to the nearest 5; `label` is what to show. */
export interface PublicFigure extends PublishedCount {
  rounded: boolean;
  label: string;
}

export const roundToBase = (n: number): number => Math.round(n / ROUNDING_BASE) * ROUNDING_BASE;

const hiddenFigure = (): PublicFigure => ({
  value: null,
  suppressed: true,
  rounded: false,
  label: HIDDEN_LABEL,
});

/**
 * Publishes a table so that it survives an adversary (issue 13):
 *  1. suppressSmallNumbers on the exact counts (1–4 hidden, and whatever would give them away);
 *  2. zeros are disclosive wherever they could locate the hidden few: when any figure of the table is
 *     hidden, or the table counts fewer than SUPPRESSION_THRESHOLD people in all, its zeros are hidden
 *     too (with one member, "0 applied" next to hidden stages said where they stopped);
 *  3. when fewer than 5 of the people counted are not already shown one by one (`disclosed`), every
 *     figure is hidden: any of them would narrow down what those few did;
 *  4. every other figure is rounded to the nearest 5, so differences between figures (or between two
 *     readings over time) are uncertain by several people.
 */
export function publishTable(table: CountTable): Map<string, PublicFigure> {
  const exact = suppressSmallNumbers(table);
  const total = table.cells.reduce((s, c) => s + c, 0);
  const disclosed = new Set(table.disclosed ?? []);
  const protectedPeople = table.cells.reduce((s, c, i) => (disclosed.has(i) ? s : s + c), 0);
  // Fewer than 5 people the reader does not already see one by one: any figure would say something
  // about them (with one such person, exactly their stage), so none is published.
  const allHidden = protectedPeople > 0 && protectedPeople < SUPPRESSION_THRESHOLD;
  const zerosHidden = total < SUPPRESSION_THRESHOLD || [...exact.values()].some((c) => c.suppressed);
  return new Map(
    [...exact].map(([key, c]): [string, PublicFigure] => {
      if (allHidden || c.suppressed || (c.value === 0 && zerosHidden)) return [key, hiddenFigure()];
      const value = roundToBase(c.value!);
      return [key, { value, suppressed: false, rounded: value !== 0, label: String(value) }];
    }),
  );
}

/** publishTable for a funnel of nested stages (see suppressNested). */
export function publishNested(
  stages: ReadonlyArray<{ key: string; count: number }>,
): Map<string, PublicFigure> {
  for (let i = 1; i < stages.length; i++) {
    if (stages[i].count > stages[i - 1].count)
      throw new Error(`stage ${stages[i].key} is larger than the stage before it`);
  }
  const cells = stages.map((s, i) => s.count - (stages[i + 1]?.count ?? 0));
  return publishTable({
    cells,
    figures: stages.map((s, i) => ({ key: s.key, of: cells.map((_, c) => c).filter((c) => c >= i) })),
  });
}

/** publishTable for one row of counts and its total (keys `0:c` and `0:*`). */
export function publishRow(counts: readonly number[]): Map<string, PublicFigure> {
  return publishTable({
    cells: [...counts],
    figures: [
      ...counts.map((_, c) => ({ key: `0:${c}`, of: [c] })),
      { key: '0:*', of: counts.map((_, c) => c) },
    ],
  });
}
