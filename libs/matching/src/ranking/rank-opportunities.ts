import { CatalogueIndex, FLAG_ALIVE, FLAG_NEEDS_DEVICE, FLAG_NOT_STEP_FREE } from '../index/catalogue-index';
import { CELL_COUNT, NOWHERE_CELL, cellsWithin } from '../index/spatial-grid';
import { distanceWords, haversineKmRaw } from '../lib/geo';
import {
  DELIVERY_MODES,
  LEARNING_ONLY_KINDS,
  LearnerRecord,
  OPPORTUNITY_KINDS,
  INFERRED_REQUIREMENT_WEIGHT,
  OpportunityKind,
  SkillLevel,
} from '../lib/matching.types';
import { levelCredit } from '../fit/skill-credit';
import { OutcomeScores, outcomeRankFactor } from '../outcomes/outcome-score';
import { LearnerQuery } from './learner-query';
import { TopK } from './top-k-heap';

export interface RankOptions {
  kinds: OpportunityKind[];
  k: number;
  /** Skills the learner is working towards; courses are ranked by how much of these they teach. */
  needSkills?: SkillLevel[];
  /** Day (ISO) used to drop opportunities whose closing date has passed. */
  today?: string;
  /**
   * Outcome scores per opportunity id (see outcomeScores: shrunk towards the average, exactly average
   * below the display's threshold): courses and bootcamps that lead to work rank a little higher.
   */
  outcomes?: OutcomeScores;
}

export interface RankedOpportunity {
  id: string;
  kind: OpportunityKind;
  title: string;
  score: number;
  matchedSkills: SkillLevel[];
  missingSkills: { skill: string; need: number; have: number }[];
  distanceKm?: number;
  costToLearnerPence: number;
  accredited: boolean;
  explanation: string;
}

/** Accredited courses that teach a needed skill get this multiplier. */
export const ACCREDITATION_BOOST = 1.25;
const MODE_IN_PERSON = DELIVERY_MODES.indexOf('IN_PERSON');
const MODE_ONLINE = DELIVERY_MODES.indexOf('ONLINE');
const MODE_HYBRID = DELIVERY_MODES.indexOf('HYBRID');
// Ranked by what they teach, not by fit: the learning-only kinds (an apprenticeship is ranked as work).
const LEARNING_KINDS = new Set<OpportunityKind>(LEARNING_ONLY_KINDS);

/** Per-learner filter: mode, distance, access needs, closing date, and budget after funding. */
export class LearnerFilter {
  private readonly needStepFree: boolean;
  private readonly noDevice: boolean;
  /** Travel radius in km (Infinity when the learner gave no location or radius). */
  readonly radius: number;
  private readonly todayDay: number;

  constructor(
    private readonly index: CatalogueIndex,
    private readonly learner: LearnerRecord,
    readonly query: LearnerQuery,
    today?: string,
    /**
     * Prices after funding already worked out (deciding funding rules is the dear part of filtering);
     * filters for learners with the same eligibility may share one.
     */
    readonly prices = new Map<number, number>(),
  ) {
    this.needStepFree = learner.access?.stepFreeOnly === true;
    this.noDevice = learner.access?.noLaptop === true || learner.access?.mobileOnly === true;
    this.radius =
      learner.location && learner.travelRadiusKm !== undefined ? learner.travelRadiusKm : Infinity;
    this.todayDay = today ? Math.floor(Date.parse(today) / 86_400_000) : -1;
  }

  /** The learner's budget (pence), if any. */
  get budgetPence(): number | undefined {
    return this.learner.budgetPence;
  }

  costFor(slot: number): number {
    let price = this.prices.get(slot);
    if (price === undefined) {
      price = this.index.priceFor(slot, this.learner.eligibility);
      this.prices.set(slot, price);
    }
    return price;
  }

  /** Distance in km, NaN when it does not apply (online, or no location). */
  distance(slot: number): number {
    const ix = this.index;
    return this.distanceOf(ix.lat.data[slot], ix.lon.data[slot], ix.mode.data[slot]);
  }

  /** distance() from a slot's location and mode code (for callers holding copies of the columns). */
  distanceOf(lat: number, lon: number, mode: number): number {
    if (Number.isNaN(lat) || !this.learner.location || mode === MODE_ONLINE) return NaN;
    return haversineKmRaw(this.learner.location.lat, this.learner.location.lon, lat, lon);
  }

  /** Everything except distance (checked separately, only for candidates that could make the cut). */
  passesCheap(slot: number): boolean {
    if (!this.passesAllButBudget(slot)) return false;
    return !(this.learner.budgetPence !== undefined && this.costFor(slot) > this.learner.budgetPence);
  }

  /** passesCheap without the budget: live, mode, access and closing date. */
  passesAllButBudget(slot: number): boolean {
    const ix = this.index;
    return this.passesAllButBudgetOf(ix.flags.data[slot], ix.mode.data[slot], ix.closingDay.data[slot]);
  }

  /** passesAllButBudget() from a slot's flags, mode code and closing day (for callers holding copies of the columns). */
  passesAllButBudgetOf(f: number, mode: number, closingDay: number): boolean {
    if ((f & FLAG_ALIVE) === 0) return false;
    if ((this.query.modeMask & (1 << mode)) === 0) return false;
    if (
      this.needStepFree &&
      (f & FLAG_NOT_STEP_FREE) !== 0 &&
      (mode === MODE_IN_PERSON || mode === MODE_HYBRID)
    )
      return false;
    if (this.noDevice && (f & FLAG_NEEDS_DEVICE) !== 0 && (mode === MODE_ONLINE || mode === MODE_HYBRID))
      return false;
    if (this.todayDay >= 0 && closingDay >= 0 && closingDay < this.todayDay) return false;
    return true;
  }

  withinRadius(slot: number): boolean {
    if (this.radius === Infinity) return true;
    const d = this.distance(slot);
    return Number.isNaN(d) || d <= this.radius;
  }

  /** Grid keys to visit for a kind: the cells within reach (or all), plus opportunities with no location. */
  keysFor(kind: OpportunityKind): number[] {
    const k = OPPORTUNITY_KINDS.indexOf(kind) * CELL_COUNT;
    if (this.radius === Infinity || !this.learner.location)
      return Array.from({ length: CELL_COUNT }, (_, c) => k + c);
    const onlineOnly = (this.query.modeMask & ~(1 << MODE_ONLINE)) === 0;
    const cells = onlineOnly
      ? []
      : cellsWithin(this.learner.location.lat, this.learner.location.lon, this.radius);
    cells.push(NOWHERE_CELL);
    return cells.map((c) => k + c);
  }
}

/** Learner's fit to what a slot requires (vacancy skills, entry requirements): weighted coverage. */
function requirementFit(ix: CatalogueIndex, q: LearnerQuery, slot: number): number {
  const a = ix.requires.start.data[slot];
  const b = ix.requires.start.data[slot + 1];
  if (a === b) return 1;
  const skill = ix.requires.skill.data;
  const level = ix.requires.level.data;
  const factor = q.factor;
  const lvl = q.level;
  let got = 0;
  for (let i = a; i < b; i++) {
    const c = skill[i];
    const f = factor[c];
    if (f === 0) continue;
    const have = lvl[c];
    const need = level[i];
    got += ix.requirementWeight(slot, i) * levelCredit(have, need, f);
  }
  return got / ix.requirementTotal(slot);
}

/** How much of the needed skills a course teaches, for a learner who lacks them (0..1). */
function teachingGain(
  ix: CatalogueIndex,
  q: LearnerQuery,
  slot: number,
  need: Map<number, number> | null,
): { gain: number; accredited: boolean } {
  const a = ix.teaches.start.data[slot];
  const b = ix.teaches.start.data[slot + 1];
  if (a === b) return { gain: 0, accredited: false };
  let gain = 0;
  let accredited = false;
  const acc = ix.accredited.get(slot);
  for (let i = a; i < b; i++) {
    const c = ix.teaches.skill.data[i];
    const taught = ix.teaches.level.data[i];
    if (need) {
      const lvl = need.get(c);
      if (lvl === undefined) continue;
      const value = Math.min(1, taught / lvl) - q.credit(c, lvl);
      if (value > 0) {
        gain += value;
        if (acc && acc.includes(c)) accredited = true;
      }
    } else gain += 1 - q.credit(c, taught);
  }
  return { gain: gain / (need ? Math.max(1, need.size) : b - a), accredited };
}

/**
 * Top-k opportunities of the given kinds for a learner. Vacancies and apprenticeships rank by fit to
 * what they ask for; courses and bootcamps by how much of the needed skills they teach (or, without
 * needs, how much is new to the learner), scaled by readiness for their entry requirements, with a
 * boost when an employer accreditation covers a needed skill. Ties break by opportunity id.
 */
export function rankOpportunities(
  index: CatalogueIndex,
  learner: LearnerRecord,
  opts: RankOptions,
): RankedOpportunity[] {
  return rank(index, learner, opts, true);
}

/** The same ranking by scoring every opportunity in reach: the definition the fast path must match (tests, benchmarks). */
export function rankOpportunitiesByScan(
  index: CatalogueIndex,
  learner: LearnerRecord,
  opts: RankOptions,
): RankedOpportunity[] {
  return rank(index, learner, opts, false);
}

function rank(
  index: CatalogueIndex,
  learner: LearnerRecord,
  opts: RankOptions,
  fast: boolean,
): RankedOpportunity[] {
  const q = new LearnerQuery(index, learner);
  const filter = new LearnerFilter(index, learner, q, opts.today);
  const need = opts.needSkills
    ? new Map(LearnerQuery.codes(index, opts.needSkills).map((n) => [n.code, n.level]))
    : null;
  const top = new TopK(opts.k, (slot) => index.ids[slot]);
  const accreditedSlots = new Set<number>();
  for (const kind of opts.kinds) {
    if (fast && !need && !LEARNING_KINDS.has(kind)) rankByRequirementFit(index, q, filter, kind, top);
    else scanKind(index, q, filter, kind, need, top, accreditedSlots, opts.outcomes);
  }
  return top
    .sorted()
    .map(({ score, slot }) => describe(index, q, filter, slot, score, accreditedSlots.has(slot)));
}

function scanKind(
  index: CatalogueIndex,
  q: LearnerQuery,
  filter: LearnerFilter,
  kind: OpportunityKind,
  need: Map<number, number> | null,
  top: TopK,
  accreditedSlots: Set<number>,
  outcomes: OutcomeScores | undefined,
): void {
  const learning = LEARNING_KINDS.has(kind);
  for (const key of filter.keysFor(kind)) {
    index.forEachInKey(key, (slot) => {
      let score: number;
      if (learning) {
        const { gain, accredited } = teachingGain(index, q, slot, need);
        if (gain <= 0) return;
        score = gain * (0.5 + 0.5 * requirementFit(index, q, slot)) * (accredited ? ACCREDITATION_BOOST : 1);
        if (outcomes) score *= outcomeRankFactor(outcomes.get(index.ids[slot]));
        if (accredited) accreditedSlots.add(slot);
      } else {
        score = requirementFit(index, q, slot);
        if (score <= 0) return;
        if (need) score *= 1 + 0.2 * teachingGain(index, q, slot, need).gain;
      }
      if (score < top.threshold) return;
      if (!filter.passesCheap(slot) || !filter.withinRadius(slot)) return;
      top.offer(score, slot);
    });
  }
}

function popcount32(x: number): number {
  x -= (x >>> 1) & 0x55555555;
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
  x = (x + (x >>> 4)) & 0x0f0f0f0f;
  return Math.imul(x, 0x01010101) >>> 24;
}

/**
 * Vacancies and apprenticeships without needed skills: score = requirement fit = (sum of credits) / L
 * over a slot's L requirement entries, each credit at most 1. An upper bound per base slot, without
 * reading its list: its entries for the 64 signature skills earn at most 1 each, except those for
 * signature skills the learner has no credit for at all (counted from the signature bits); its other
 * entries earn at most what is added up term-at-a-time from the light postings of the learner's skills,
 * which are short by construction. Slots whose bound reaches a cut-off are collected and scored exactly,
 * highest bound first, stopping once the heap's threshold exceeds every bound left; the cut-off is
 * lowered (another pass) only if the threshold ends at or below it. Skipping only what scores strictly
 * below the current threshold cannot change the result (the threshold only rises and the heap's order
 * is total). The exact score is the same sum, in the same order, as requirementFit.
 */
function rankByRequirementFit(
  index: CatalogueIndex,
  q: LearnerQuery,
  filter: LearnerFilter,
  kind: OpportunityKind,
  top: TopK,
): void {
  let maskLo = 0;
  let maskHi = 0;
  const sigSkills = index.signatureSkills;
  for (let b = 0; b < sigSkills.length; b++) {
    if (q.factor[sigSkills[b]] === 0) continue;
    if (b < 32) maskLo |= 1 << b;
    else maskHi |= 1 << (b - 32);
  }
  const keys = filter.keysFor(kind);
  const ranges = baseRanges(index, keys);
  const scratch = scratchFor(index);
  const missLo = ~maskLo;
  const missHi = ~maskHi;
  try {
    accumulateLightCredit(index, q, ranges, scratch.acc);
    // Each pass collects the slots of the highest buckets below the last pass's cut-off that hold at
    // least `wanted` of them (4 times as many as the pass before), and scores them best first.
    let wanted = Math.max(MIN_CANDIDATES, CANDIDATES_PER_K * top.k);
    for (let upper = BUCKETS; ; wanted *= 4) {
      const cut = collectByBound(index, ranges, missLo, missHi, scratch, upper, wanted);
      if (scoreBestFirst(index, q, filter, top, scratch, cut, upper)) break;
      if (cut === 0 || top.threshold > cut / BUCKETS + 1e-9) break;
      upper = cut;
    }
  } finally {
    const acc = scratch.acc;
    for (let r = 0; r < ranges.length; r += 2) acc.fill(0, ranges[r], ranges[r + 1]);
  }
  for (const key of keys) {
    const extra = index.appended.get(key);
    if (extra) for (const s of extra) scoreByRequirementFit(index, q, filter, top, s);
  }
}

const BUCKETS = 256;
/** The first pass collects about this many slots per result wanted (a few times what gets scored). */
const CANDIDATES_PER_K = 20;
const MIN_CANDIDATES = 256;
/** Light credits are summed in fixed point, each rounded up to a multiple of 1 / ACC_ONE (exact, never short). */
const ACC_ONE = 65536;
/** A list this long might overflow its slot's Int32 sum; such a slot is simply scored exactly. */
const ACC_LIMIT = 2 ** 31 / ACC_ONE;
/** Credit tables cover needs below this level (levels are 1..5); higher needs are worked out. */
const TABLE_LEVELS = 16;

/**
 * Per-slot working arrays reused across queries on the same index (queries on one thread run one at a
 * time): the light-credit accumulator (all zeros between queries), the slots collected for exact scoring,
 * their buckets and their order. Allocating them per query cost megabytes of garbage a query, and the
 * young-generation collections that followed were what set the tail latency on a busy machine.
 */
interface Scratch {
  acc: Int32Array;
  candidates: Int32Array;
  bucketOf: Uint8Array;
  order: Int32Array;
  /** How many collected slots fall in each bucket. */
  counts: Int32Array;
}
const scratches = new WeakMap<CatalogueIndex, Scratch>();

function scratchFor(index: CatalogueIndex): Scratch {
  let scratch = scratches.get(index);
  if (!scratch || scratch.acc.length < index.baseCount) {
    const n = index.baseCount;
    scratch = {
      acc: new Int32Array(n),
      candidates: new Int32Array(n),
      bucketOf: new Uint8Array(n),
      order: new Int32Array(n),
      counts: new Int32Array(BUCKETS),
    };
    scratches.set(index, scratch);
  }
  return scratch;
}

/**
 * Lists, in slot order, base slots in the ranges whose bound bucket is below `upper` with their buckets,
 * among them all those at or above the highest cut-off that leaves `wanted` of them (0 when fewer reach
 * any), and returns that cut-off; scratch.counts holds how many were listed per bucket. A
 * slot's bound is (signature entries the learner may earn + light credit + a margin far above rounding
 * error) / its weighted total (inferred requirements weigh less than 1, so dividing by it still bounds
 * the fit), or 1 when it requires nothing (its fit) or too much for the sum; bucket b holds bounds in
 * [b, b + 1) / BUCKETS (the last, all from (BUCKETS - 1) / BUCKETS). The cut-off rises as the pass goes,
 * so few slots below it are ever listed.
 */
function collectByBound(
  index: CatalogueIndex,
  ranges: number[],
  missLo: number,
  missHi: number,
  scratch: Scratch,
  upper: number,
  wanted: number,
): number {
  const start = index.requires.start.data;
  const inferredCol = index.reqInferred.data;
  const sigLo = index.reqSigLo.data;
  const sigHi = index.reqSigHi.data;
  const sigEntries = index.reqSigEntries.data;
  const { acc, candidates, bucketOf, counts } = scratch;
  // Read once: an imported binding is a getter on the exporting module once compiled to CommonJS, and
  // whether the JIT inlines it in this loop varied from run to run (by up to half the query time).
  const inferredWeight = INFERRED_REQUIREMENT_WEIGHT;
  const unit = 1 / ACC_ONE;
  counts.fill(0);
  let cut = 0;
  // Bounds below this are surely in a bucket below the cut-off (a margin far above rounding error), so
  // most slots are turned away with a multiplication instead of a division.
  let surelyBelow = 0;
  let above = 0;
  let n = 0;
  for (let r = 0; r < ranges.length; r += 2) {
    let next = start[ranges[r]];
    for (let s = ranges[r], end = ranges[r + 1]; s < end; s++) {
      const first = next;
      next = start[s + 1];
      const length = next - first;
      let bucket = BUCKETS - 1;
      if (length > 0 && length < ACC_LIMIT) {
        const inferred = inferredCol[s];
        const total = length - inferred + inferred * inferredWeight;
        const misses = popcount32(sigLo[s] & missLo) + popcount32(sigHi[s] & missHi);
        const numerator = sigEntries[s] - misses + acc[s] * unit + 1e-6;
        if (numerator < surelyBelow * total) continue;
        const bound = numerator / total;
        if (bound < 1) bucket = Math.floor(bound * BUCKETS);
      }
      if (bucket < cut || bucket >= upper) continue;
      candidates[n] = s;
      bucketOf[n++] = bucket;
      counts[bucket]++;
      above++;
      if (above - counts[cut] < wanted) continue;
      while (above - counts[cut] >= wanted) above -= counts[cut++];
      surelyBelow = (cut / BUCKETS) * (1 - 1e-9);
    }
  }
  // Nothing after the loop but the return: code the first call's on-stack compilation has not yet
  // seen run lacks type feedback and threw every call out of the optimised loop (a deopt a query).
  return cut;
}

/**
 * Scores the collected slots (buckets [cut, upper)) highest bucket first; returns true once the threshold
 * exceeds every bound left among them and below them.
 */
function scoreBestFirst(
  index: CatalogueIndex,
  q: LearnerQuery,
  filter: LearnerFilter,
  top: TopK,
  scratch: Scratch,
  cut: number,
  upper: number,
): boolean {
  const { candidates, bucketOf, order, counts } = scratch;
  // Where each bucket's slots go in `order`, highest bucket first (those below the cut-off are dropped).
  const next = new Int32Array(BUCKETS);
  let kept = 0;
  for (let b = upper - 1; b >= cut; b--) {
    next[b] = kept;
    kept += counts[b];
  }
  let listed = kept;
  for (let b = 0; b < cut; b++) listed += counts[b];
  for (let i = 0; i < listed; i++) {
    const b = bucketOf[i];
    if (b >= cut) order[next[b]++] = candidates[i];
  }
  let i = 0;
  for (let b = upper - 1; b >= cut; b--) {
    const to = i + counts[b];
    if (i === to) continue;
    // Bucket b and everything after it in this pass bound below (b + 1) / BUCKETS.
    if (top.threshold > (b + 1) / BUCKETS + 1e-9) return true;
    for (; i < to; i++) scoreByRequirementFit(index, q, filter, top, order[i]);
  }
  return false;
}

/** Base slot ranges [lo, hi) of the keys, merged: the cells of one grid row are adjacent keys. */
function baseRanges(index: CatalogueIndex, keys: number[]): number[] {
  const keyStart = index.keyStart;
  const ranges: number[] = [];
  for (const key of keys) {
    const lo = keyStart[key];
    const hi = keyStart[key + 1];
    if (lo === hi) continue;
    if (ranges.length > 0 && ranges[ranges.length - 1] === lo) ranges[ranges.length - 1] = hi;
    else ranges.push(lo, hi);
  }
  return ranges;
}

/** First position in sorted[from, to) holding a value >= x. */
function lowerBound(sorted: Int32Array, from: number, to: number, x: number): number {
  while (from < to) {
    const mid = (from + to) >>> 1;
    if (sorted[mid] < x) from = mid + 1;
    else to = mid;
  }
  return from;
}

/**
 * Adds the learner's credit for each slot's non-signature requirements into acc (term at a time, in
 * units of 1 / ACC_ONE, rounded up).
 */
function accumulateLightCredit(
  index: CatalogueIndex,
  q: LearnerQuery,
  ranges: number[],
  acc: Int32Array,
): void {
  const lightStart = index.lightStart;
  const lightSlot = index.lightSlot;
  const lightLevel = index.lightLevel;
  const factor = q.factor;
  const lvl = q.level;
  const codes = lightStart.length - 1;
  const table = new Int32Array(TABLE_LEVELS);
  for (let c = 0; c < codes; c++) {
    const f = factor[c];
    const first = lightStart[c];
    const end = lightStart[c + 1];
    if (f === 0 || first === end) continue;
    const have = lvl[c];
    for (let need = 0; need < TABLE_LEVELS; need++)
      table[need] = Math.ceil(levelCredit(have, need, f) * ACC_ONE);
    for (let r = 0; r < ranges.length; r += 2) {
      const hi = ranges[r + 1];
      for (let p = lowerBound(lightSlot, first, end, ranges[r]); p < end; p++) {
        const slot = lightSlot[p];
        if (slot >= hi) break;
        const need = lightLevel[p];
        acc[slot] += need < TABLE_LEVELS ? table[need] : Math.ceil(levelCredit(have, need, f) * ACC_ONE);
      }
    }
  }
}

/** Exact requirement fit of one slot, offered to the heap when it can get in; stops early once it cannot. */
function scoreByRequirementFit(
  index: CatalogueIndex,
  q: LearnerQuery,
  filter: LearnerFilter,
  top: TopK,
  slot: number,
): void {
  const threshold = top.threshold;
  const a = index.requires.start.data[slot];
  const b = index.requires.start.data[slot + 1];
  const length = b - a;
  let score = 1;
  if (length > 0) {
    const skill = index.requires.skill.data;
    const level = index.requires.level.data;
    const factor = q.factor;
    const lvl = q.level;
    // Margin far above rounding error: stop only when even full credit for the rest falls short
    // (each entry weighs at most 1; inferred ones less).
    const total = index.requirementTotal(slot);
    const cutoff = threshold * total - 1e-9;
    let got = 0;
    for (let i = a; i < b; i++) {
      if (got + (b - i) < cutoff) return;
      const c = skill[i];
      const f = factor[c];
      if (f === 0) continue;
      const have = lvl[c];
      const need = level[i];
      got += index.requirementWeight(slot, i) * levelCredit(have, need, f);
    }
    score = got / total;
  }
  if (score <= 0 || score < threshold) return;
  if (!filter.passesCheap(slot) || !filter.withinRadius(slot)) return;
  top.offer(score, slot);
}

function describe(
  ix: CatalogueIndex,
  q: LearnerQuery,
  filter: LearnerFilter,
  slot: number,
  score: number,
  accredited: boolean,
): RankedOpportunity {
  const matched: SkillLevel[] = [];
  const missing: { skill: string; need: number; have: number }[] = [];
  for (let i = ix.requires.start.data[slot]; i < ix.requires.start.data[slot + 1]; i++) {
    const c = ix.requires.skill.data[i];
    const need = ix.requires.level.data[i];
    const have = q.direct.get(c) ?? 0;
    if (have >= need) matched.push({ skill: ix.skillName(c), level: need });
    else missing.push({ skill: ix.skillName(c), need, have });
  }
  const d = filter.distance(slot);
  const cost = filter.costFor(slot);
  const kind = ix.kindOf(slot);
  const parts: string[] = [];
  const total = matched.length + missing.length;
  if (total > 0) parts.push(`You have ${matched.length} of the ${total} skills it asks for.`);
  const inferred = ix.reqInferred.data[slot];
  if (inferred > 0)
    parts.push(
      inferred === total
        ? 'The advert names no skills: these are the ones usually asked for in this role.'
        : `${inferred} of them ${inferred === 1 ? 'is' : 'are'} not in the advert but usually asked for in this role.`,
    );
  if (missing.length > 0)
    parts.push(
      `Missing: ${missing
        .slice(0, 3)
        .map((m) => ix.graph.label(m.skill))
        .join(', ')}${missing.length > 3 ? ' and more' : ''}.`,
    );
  if (LEARNING_KINDS.has(kind)) {
    const taught = [];
    for (let i = ix.teaches.start.data[slot]; i < ix.teaches.start.data[slot + 1] && taught.length < 3; i++)
      taught.push(ix.graph.label(ix.skillName(ix.teaches.skill.data[i])));
    if (taught.length > 0) parts.unshift(`Teaches ${taught.join(', ')}.`);
  }
  if (accredited) parts.push('Backed by an employer.');
  parts.push(cost === 0 ? 'Free for you.' : `Costs you £${(cost / 100).toFixed(2)}.`);
  parts.push(Number.isNaN(d) ? (ix.modeOf(slot) === 'ONLINE' ? 'Online.' : '') : distanceWords(d));
  const out: RankedOpportunity = {
    id: ix.ids[slot],
    kind,
    title: ix.titles[slot],
    score: Math.round(score * 1e6) / 1e6,
    matchedSkills: matched,
    missingSkills: missing,
    costToLearnerPence: cost,
    accredited,
    explanation: parts.filter(Boolean).join(' '),
  };
  if (!Number.isNaN(d)) out.distanceKm = Math.round(d * 10) / 10;
  return out;
}
