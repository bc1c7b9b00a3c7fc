/**
 * Outcome figures of a course or a provider, published with small numbers suppressed.
 *
 * The four figures are nested counts of people: everyone who completed started, everyone counted as
 * interviewed completed, everyone counted in work was interviewed (a job counts as an interview). A
 * reader can subtract any two published figures, so besides hiding every figure from 1 to 4 (primary
 * suppression), a figure is hidden when it differs by 1 to 4 from the figure above it that is shown
 * (secondary suppression). Differences between shown figures are then each 0 or at least 5, and so
 * is any sum of them: no count of 1–4 people can be worked out from what is shown.
 */

import { OUTCOME_MIN_STARTS, type OutcomeCounts } from '@skillpath/matching';

/** The same threshold below which the engine gives outcomes no weight in ranking (one number). */
export const OUTCOME_THRESHOLD = OUTCOME_MIN_STARTS;
export const HIDDEN_NOTE = 'hidden to protect privacy';

export type { OutcomeCounts };

/** A published figure: its value, or null and the reason when hidden. */
export interface Figure {
  value: number | null;
  hidden: boolean;
  /** The figure as a resident reads it: the number, or "hidden to protect privacy". */
  text: string;
}

export type PublishedOutcomes = Record<keyof OutcomeCounts, Figure>;

const ORDER: ReadonlyArray<keyof OutcomeCounts> = ['starts', 'completions', 'interviews', 'jobs'];
const small = (n: number) => n >= 1 && n < OUTCOME_THRESHOLD;

export function publishOutcomes(counts: OutcomeCounts): PublishedOutcomes {
  for (let i = 1; i < ORDER.length; i++) {
    if (counts[ORDER[i]] > counts[ORDER[i - 1]])
      throw new Error(`outcome counts must be nested: ${ORDER[i]} exceeds ${ORDER[i - 1]}`);
  }
  const out = {} as PublishedOutcomes;
  let shownAbove: number | null = null;
  for (const key of ORDER) {
    const n = counts[key];
    const hide = small(n) || (shownAbove !== null && small(shownAbove - n));
    if (hide) out[key] = { value: null, hidden: true, text: HIDDEN_NOTE };
    else {
      out[key] = { value: n, hidden: false, text: String(n) };
      shownAbove = n;
    }
  }
  return out;
}

/**
 * A provider's figures: the sums of its courses' figures, each shown only when that figure is shown
 * for every one of its courses. A provider figure then tells nothing the course figures do not, so it
 * cannot undo their suppression (a total minus the shown courses would otherwise give away a hidden one).
 */
export function publishProviderOutcomes(courses: readonly OutcomeCounts[]): PublishedOutcomes {
  const published = courses.map(publishOutcomes);
  const out = {} as PublishedOutcomes;
  for (const key of ORDER) {
    if (published.some((p) => p[key].hidden)) out[key] = { value: null, hidden: true, text: HIDDEN_NOTE };
    else {
      const n = courses.reduce((sum, c) => sum + c[key], 0);
      out[key] = { value: n, hidden: false, text: String(n) };
    }
  }
  return out;
}
