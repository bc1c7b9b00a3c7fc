import { HIDDEN_NOTE, OutcomeCounts, publishOutcomes, publishProviderOutcomes } from './outcome-figures';

const KEYS: Array<keyof OutcomeCounts> = ['starts', 'completions', 'interviews', 'jobs'];

/** Every nested set of counts up to `max`. */
function* nestedCounts(max: number): Generator<OutcomeCounts> {
  for (let s = 0; s <= max; s++)
    for (let c = 0; c <= s; c++)
      for (let i = 0; i <= c; i++)
        for (let j = 0; j <= i; j++) yield { starts: s, completions: c, interviews: i, jobs: j };
}

describe('publishing course outcomes with small numbers suppressed', () => {
  it('shows large figures as they are', () => {
    const p = publishOutcomes({ starts: 40, completions: 30, interviews: 20, jobs: 10 });
    expect(KEYS.map((k) => p[k].value)).toEqual([40, 30, 20, 10]);
    expect(p.jobs.text).toBe('10');
  });

  it('hides 1 to 4, shows 0, and labels what it hides', () => {
    const p = publishOutcomes({ starts: 12, completions: 9, interviews: 3, jobs: 0 });
    expect(p.interviews).toEqual({ value: null, hidden: true, text: HIDDEN_NOTE });
    expect(p.jobs.value).toBe(0);
  });

  it('hides a figure that would give away a small difference', () => {
    // 12 started and 9 completed would tell a reader that 3 people dropped out.
    const p = publishOutcomes({ starts: 12, completions: 9, interviews: 6, jobs: 6 });
    expect(p.completions.hidden).toBe(true);
    expect(p.interviews.value).toBe(6);
    expect(p.jobs.value).toBe(6);
  });

  it('never lets a count of 1-4 people be worked out from two shown figures (all nested counts up to 14)', () => {
    let checked = 0;
    for (const counts of nestedCounts(14)) {
      const p = publishOutcomes(counts);
      const shown = KEYS.filter((k) => !p[k].hidden).map((k) => p[k].value!);
      for (const v of shown) expect(v === 0 || v >= 5).toBe(true);
      for (let a = 0; a < shown.length; a++)
        for (let b = a + 1; b < shown.length; b++) {
          const d = shown[a] - shown[b];
          expect(d === 0 || d >= 5).toBe(true);
        }
      for (const k of KEYS) expect(p[k].hidden ? p[k].value === null : p[k].value === counts[k]).toBe(true);
      checked++;
    }
    expect(checked).toBeGreaterThan(1000);
  });

  it('refuses counts that are not nested', () => {
    expect(() => publishOutcomes({ starts: 5, completions: 6, interviews: 0, jobs: 0 })).toThrow(/nested/);
  });

  it('shows a provider total only when every course figure under it is shown, so none can be worked out', () => {
    const a = { starts: 20, completions: 15, interviews: 10, jobs: 5 };
    const b = { starts: 10, completions: 7, interviews: 0, jobs: 0 };
    const p = publishProviderOutcomes([a, b]);
    expect(p.starts.value).toBe(30);
    // b's 7 completions are hidden (10 - 7 = 3 would show); 22 completions in all would give them away.
    expect(p.completions.hidden).toBe(true);
    expect(p.interviews.value).toBe(10);
    expect(publishProviderOutcomes([]).starts.value).toBe(0);
  });
});
