import {
  DELIVERY_MODES,
  DeliveryMode,
  EntitlementId,
  FundingRule,
  INFERRED_REQUIREMENT_WEIGHT,
  OPPORTUNITY_KINDS,
  OpportunityKind,
  OpportunityRecord,
  SkillRecord,
} from '../lib/matching.types';
import { SkillGraph } from '../fit/skill-graph';
import { AUTOMATIC_FUNDING_KINDS, PricedOpportunity, pricePence } from '../funding/price';
import type { LearnerEligibility } from '../funding/funding-rules';
import { Growable } from './growable-array';
import { CELL_COUNT, cellOf } from './spatial-grid';

export const FLAG_ALIVE = 1;
export const FLAG_NOT_STEP_FREE = 2;
export const FLAG_NEEDS_DEVICE = 4;
export const FLAG_GUARANTEED_INTERVIEW = 8;

const KIND_CODE = new Map(OPPORTUNITY_KINDS.map((k, i) => [k, i]));
const AUTOMATIC_KIND_CODES = OPPORTUNITY_KINDS.map((k) => AUTOMATIC_FUNDING_KINDS.has(k));
const MODE_CODE = new Map(DELIVERY_MODES.map((m, i) => [m, i]));
const DAY_MS = 86_400_000;
const toDay = (iso?: string): number => {
  if (!iso) return -1;
  const t = Date.parse(iso);
  return Number.isNaN(t) ? -1 : Math.floor(t / DAY_MS);
};

/** Skill lists of all slots in one CSR: start offsets per slot, then skill ids and levels. */
class SkillLists {
  start = new Growable(Int32Array);
  skill = new Growable(Int32Array, 1 << 16);
  level = new Growable(Uint8Array, 1 << 16);
  constructor() {
    this.start.push(0);
  }
}

/**
 * In-memory index of the catalogue. Each opportunity lives in a slot; attributes are columns (typed
 * arrays). Slots below `baseCount` are ordered by (kind, grid cell), so a radius query reads contiguous
 * memory; newer slots are appended and listed per (kind, cell) on the side. Changing or expiring an
 * opportunity tombstones its slot (and appends the new version); `compact()` rewrites everything in
 * order once the appended or dead share grows.
 */
export class CatalogueIndex {
  readonly graph: SkillGraph;
  private readonly skillIds = new Map<string, number>();
  private readonly skillNames: string[] = [];

  ids: string[] = [];
  kind = new Growable(Uint8Array);
  mode = new Growable(Uint8Array);
  flags = new Growable(Uint8Array);
  lat = new Growable(Float32Array);
  lon = new Growable(Float32Array);
  costPence = new Growable(Float64Array);
  hours = new Growable(Float32Array);
  hoursPerWeek = new Growable(Float32Array);
  durationWeeks = new Growable(Float32Array);
  startDay = new Growable(Int32Array);
  closingDay = new Growable(Int32Array);
  titles: string[] = [];
  organisations: string[] = [];
  requires = new SkillLists();
  teaches = new SkillLists();
  /**
   * Requirement signature per slot: bit b is set when the slot requires `signatureSkills[b]`, one of
   * the (up to) 64 skills most often required. Rankers use it to bound a fit without reading the list.
   */
  reqSigLo = new Growable(Int32Array);
  reqSigHi = new Growable(Int32Array);
  /** How many of each slot's requirement entries are signature skills. */
  reqSigEntries = new Growable(Int32Array);
  /**
   * How many of each slot's requirement entries, at the end of its list, are inferred (weighted
   * INFERRED_REQUIREMENT_WEIGHT in fit; see `requirementWeight`).
   */
  reqInferred = new Growable(Uint8Array);
  /**
   * Requirement postings of the other skills over base slots (CSR by skill code, slots ascending, with
   * the level asked for), so a ranker can add up what a learner earns from them without reading every
   * slot's list. Built at compaction; slots appended since are not in them.
   */
  lightStart = new Int32Array(1);
  lightSlot = new Int32Array(0);
  lightLevel = new Uint8Array(0);
  /** Skill code behind each signature bit (chosen at the last compaction). */
  signatureSkills = new Int32Array(0);
  /** Signature bit of each skill code, -1 when it has none. */
  private signatureBit = new Int8Array(0);
  /** Occupations of each slot: a CSR over interned occupation codes (its level column is unused). */
  private occupationLists = new SkillLists();
  private readonly occupationNames: string[] = [];
  private readonly occupationCodes = new Map<string, number>();
  funding = new Map<number, FundingRule>();
  /** National entitlements declared per slot. */
  entitlements = new Map<number, readonly EntitlementId[]>();
  accredited = new Map<number, Int32Array>();
  postcodes = new Map<number, string>();
  private readonly slotOfId = new Map<string, number>();
  private readonly relatedMemo = new Map<number, { codes: Int32Array; credits: Float32Array }>();
  private readonly occupationSlots = new Map<string, number[]>();

  /** Base slots [0, baseCount) sorted by key = kind * CELL_COUNT + cell; keyStart indexes them. */
  baseCount = 0;
  /** Bumped by every change to the live listings, so callers can tell a cached answer is still current. */
  generation = 0;
  keyStart = new Int32Array(OPPORTUNITY_KINDS.length * CELL_COUNT + 1);
  /** Appended slots per key. */
  readonly appended = new Map<number, number[]>();
  /** Slots teaching each skill (live or dead; readers check FLAG_ALIVE). */
  private teachPostings: number[][] = [];
  private dead = 0;
  /** How many leading entries of each teach posting list are in price order (the rest were appended since). */
  private teachSorted = new Int32Array(0);

  constructor(skills: readonly SkillRecord[] = []) {
    this.graph = new SkillGraph(skills);
    for (const s of skills) this.skillCode(s.id);
  }

  static build(records: Iterable<OpportunityRecord>, skills: readonly SkillRecord[] = []): CatalogueIndex {
    const index = new CatalogueIndex(skills);
    index.upsert(records, { deferCompaction: true });
    index.compact();
    return index;
  }

  get size(): number {
    return this.ids.length - this.dead;
  }

  get slotCount(): number {
    return this.ids.length;
  }

  get skillCount(): number {
    return this.skillNames.length;
  }

  skillCode(id: string): number {
    let code = this.skillIds.get(id);
    if (code === undefined) {
      code = this.skillNames.length;
      this.skillIds.set(id, code);
      this.skillNames.push(id);
      this.teachPostings.push([]);
    }
    return code;
  }

  /**
   * The skills related to a coded skill (parent, siblings, children) as codes, with the credit each
   * earns, in the graph's order; worked out once per skill (the graph is fixed when the index is made,
   * and every skill in it was coded then).
   */
  relatedCodes(code: number): { codes: Int32Array; credits: Float32Array } {
    let r = this.relatedMemo.get(code);
    if (!r) {
      const codes: number[] = [];
      const credits: number[] = [];
      for (const rel of this.graph.related(this.skillNames[code])) {
        const rc = this.skillIds.get(rel.skill);
        if (rc === undefined) continue;
        codes.push(rc);
        credits.push(rel.credit);
      }
      r = { codes: Int32Array.from(codes), credits: Float32Array.from(credits) };
      this.relatedMemo.set(code, r);
    }
    return r;
  }

  findSkill(id: string): number | undefined {
    return this.skillIds.get(id);
  }

  skillName(code: number): string {
    return this.skillNames[code];
  }

  slotOf(id: string): number | undefined {
    return this.slotOfId.get(id);
  }

  isAlive(slot: number): boolean {
    return (this.flags.data[slot] & FLAG_ALIVE) !== 0;
  }

  kindOf(slot: number): OpportunityKind {
    return OPPORTUNITY_KINDS[this.kind.data[slot]];
  }

  modeOf(slot: number): DeliveryMode {
    return DELIVERY_MODES[this.mode.data[slot]];
  }

  keyOf(slot: number): number {
    return this.kind.data[slot] * CELL_COUNT + cellOf(this.lat.data[slot], this.lon.data[slot]);
  }

  teachersOf(skillCode: number): readonly number[] {
    return this.teachPostings[skillCode] ?? [];
  }

  /** Teachers of a skill: the first `sorted` are cheapest-first, the rest arrived since the last compaction. */
  teachersInOrder(skillCode: number): { slots: readonly number[]; sorted: number } {
    return { slots: this.teachPostings[skillCode] ?? [], sorted: this.teachSorted[skillCode] ?? 0 };
  }

  /** What pricing needs to know about a slot (list price, kind, the listing's terms, declared entitlements). */
  pricing(slot: number): PricedOpportunity {
    return {
      kind: this.kindOf(slot),
      costPence: this.costPence.data[slot],
      funding: this.funding.get(slot),
      entitlements: this.entitlements.get(slot),
    };
  }

  /** What a learner with these facts pays for a slot (list price unless a funding rule applies). */
  priceFor(slot: number, facts: LearnerEligibility | undefined): number {
    if (!this.mayBeFunded(slot)) return this.costPence.data[slot];
    return pricePence(facts, this.pricing(slot));
  }

  /** Whether any funding rule may apply to a slot (else its price is its list price, whoever asks). */
  mayBeFunded(slot: number): boolean {
    return (
      this.funding.has(slot) || this.entitlements.has(slot) || AUTOMATIC_KIND_CODES[this.kind.data[slot]]
    );
  }

  slotsForOccupation(occupationId: string): readonly number[] {
    return this.occupationSlots.get(occupationId) ?? [];
  }

  /** Adds new opportunities or replaces changed ones (the old version's slot is tombstoned). */
  upsert(records: Iterable<OpportunityRecord>, opts: { deferCompaction?: boolean } = {}): void {
    this.generation++;
    for (const r of records) {
      const old = this.slotOfId.get(r.id);
      if (old !== undefined) this.kill(old);
      if (r.status && r.status !== 'ACTIVE') continue;
      this.append(r);
    }
    if (!opts.deferCompaction) this.compactIfWorthIt();
  }

  /** Marks opportunities as no longer live. */
  expire(ids: Iterable<string>): void {
    this.generation++;
    for (const id of ids) {
      const slot = this.slotOfId.get(id);
      if (slot !== undefined) this.kill(slot);
    }
    this.compactIfWorthIt();
  }

  private kill(slot: number): void {
    if (!this.isAlive(slot)) return;
    this.flags.data[slot] &= ~FLAG_ALIVE;
    this.slotOfId.delete(this.ids[slot]);
    this.dead++;
  }

  private append(r: OpportunityRecord): void {
    const slot = this.ids.length;
    this.ids.push(r.id);
    this.slotOfId.set(r.id, slot);
    this.kind.push(KIND_CODE.get(r.kind) ?? 0);
    this.mode.push(MODE_CODE.get(r.mode) ?? 0);
    this.flags.push(
      FLAG_ALIVE |
        (r.stepFree === false ? FLAG_NOT_STEP_FREE : 0) |
        (r.needsOwnDevice ? FLAG_NEEDS_DEVICE : 0) |
        (r.guaranteedInterview ? FLAG_GUARANTEED_INTERVIEW : 0),
    );
    this.lat.push(r.location ? r.location.lat : NaN);
    this.lon.push(r.location ? r.location.lon : NaN);
    this.costPence.push(r.costPence);
    this.hours.push(r.hours ?? NaN);
    this.hoursPerWeek.push(r.hoursPerWeek ?? NaN);
    this.durationWeeks.push(r.durationWeeks ?? NaN);
    this.startDay.push(toDay(r.startDate));
    this.closingDay.push(toDay(r.closingDate));
    this.titles.push(r.title);
    this.organisations.push(r.organisationName);
    if (r.funding) this.funding.set(slot, r.funding);
    if (r.entitlements && r.entitlements.length > 0) this.entitlements.set(slot, r.entitlements);
    if (r.postcode) this.postcodes.set(slot, r.postcode);
    if (r.accreditedSkills && r.accreditedSkills.length > 0) {
      this.accredited.set(
        slot,
        Int32Array.from(r.accreditedSkills, (s) => this.skillCode(s)),
      );
    }
    for (const occ of r.occupationIds ?? []) {
      let list = this.occupationSlots.get(occ);
      if (!list) this.occupationSlots.set(occ, (list = []));
      list.push(slot);
      let code = this.occupationCodes.get(occ);
      if (code === undefined) {
        code = this.occupationNames.length;
        this.occupationCodes.set(occ, code);
        this.occupationNames.push(occ);
      }
      this.occupationLists.skill.push(code);
      this.occupationLists.level.push(0);
    }
    this.occupationLists.start.push(this.occupationLists.skill.length);
    const inferred = (r.inferredRequires ?? []).slice(0, 255);
    this.pushSkills(this.requires, inferred.length > 0 ? [...r.requires, ...inferred] : r.requires);
    this.reqInferred.push(inferred.length);
    this.reqSigLo.push(0);
    this.reqSigHi.push(0);
    this.reqSigEntries.push(0);
    this.signRequirements(slot);
    this.pushSkills(this.teaches, r.teaches);
    for (const t of r.teaches) this.teachPostings[this.skillCode(t.skill)].push(slot);
    const key = this.keyOf(slot);
    let list = this.appended.get(key);
    if (!list) this.appended.set(key, (list = []));
    list.push(slot);
  }

  /** Sets a slot's requirement signature from the current signature skills. */
  private signRequirements(slot: number): void {
    let lo = 0;
    let hi = 0;
    let entries = 0;
    const bitOf = this.signatureBit;
    for (let i = this.requires.start.data[slot], end = this.requires.start.data[slot + 1]; i < end; i++) {
      const c = this.requires.skill.data[i];
      const b = c < bitOf.length ? bitOf[c] : -1;
      if (b < 0) continue;
      entries++;
      if (b < 32) lo |= 1 << b;
      else hi |= 1 << (b - 32);
    }
    this.reqSigLo.data[slot] = lo;
    this.reqSigHi.data[slot] = hi;
    this.reqSigEntries.data[slot] = entries;
  }

  /** Postings of the non-signature requirement skills over all (base) slots. */
  private buildLightPostings(): void {
    const skillCount = this.skillNames.length;
    const bitOf = this.signatureBit;
    const start = new Int32Array(skillCount + 1);
    const skill = this.requires.skill.data;
    const total = this.requires.skill.length;
    for (let i = 0; i < total; i++) if (bitOf[skill[i]] < 0) start[skill[i] + 1]++;
    for (let c = 0; c < skillCount; c++) start[c + 1] += start[c];
    const next = start.slice(0, skillCount);
    const slots = new Int32Array(start[skillCount]);
    const levels = new Uint8Array(start[skillCount]);
    const reqStart = this.requires.start.data;
    const level = this.requires.level.data;
    for (let s = 0, n = this.ids.length; s < n; s++) {
      for (let i = reqStart[s], end = reqStart[s + 1]; i < end; i++) {
        const c = skill[i];
        if (bitOf[c] >= 0) continue;
        slots[next[c]] = s;
        levels[next[c]++] = level[i];
      }
    }
    this.lightStart = start;
    this.lightSlot = slots;
    this.lightLevel = levels;
  }

  /** Picks the 64 most required skills of the live slots as signature skills and re-signs every slot. */
  private chooseSignatureSkills(): void {
    const freq = new Int32Array(this.skillNames.length);
    const skill = this.requires.skill.data;
    for (let i = 0, end = this.requires.skill.length; i < end; i++) freq[skill[i]]++;
    const used: number[] = [];
    for (let c = 0; c < freq.length; c++) if (freq[c] > 0) used.push(c);
    used.sort((a, b) => freq[b] - freq[a] || a - b);
    this.signatureSkills = Int32Array.from(used.slice(0, 64));
    this.signatureBit = new Int8Array(this.skillNames.length).fill(-1);
    this.signatureSkills.forEach((c, b) => (this.signatureBit[c] = b));
    for (let s = 0; s < this.ids.length; s++) this.signRequirements(s);
  }

  private pushSkills(lists: SkillLists, skills: readonly { skill: string; level: number }[]): void {
    for (const s of skills) {
      lists.skill.push(this.skillCode(s.skill));
      lists.level.push(s.level);
    }
    lists.start.push(lists.skill.length);
  }

  private compactIfWorthIt(): void {
    const appended = this.ids.length - this.baseCount;
    if (appended + this.dead > Math.max(50_000, 0.25 * this.baseCount)) this.compact();
  }

  /** Rewrites live slots in (kind, cell) order and drops tombstones. */
  compact(): void {
    const keyCount = this.keyStart.length - 1;
    const counts = new Int32Array(keyCount + 1);
    const keys = new Int32Array(this.ids.length);
    for (let s = 0; s < this.ids.length; s++) {
      if (!this.isAlive(s)) continue;
      keys[s] = this.keyOf(s);
      counts[keys[s] + 1]++;
    }
    for (let k = 0; k < keyCount; k++) counts[k + 1] += counts[k];
    const keyStart = Int32Array.from(counts);
    const live = keyStart[keyCount];
    const order = new Int32Array(live);
    const next = Int32Array.from(counts);
    for (let s = 0; s < this.ids.length; s++) if (this.isAlive(s)) order[next[keys[s]]++] = s;

    const remap = <T extends Int32Array | Float32Array | Float64Array | Uint8Array>(
      col: Growable<T>,
    ): void => {
      const fresh = new Growable(col.data.constructor as { new (n: number): T }, Math.max(1024, live));
      for (let i = 0; i < live; i++) fresh.data[i] = col.data[order[i]];
      fresh.length = live;
      col.data = fresh.data;
      col.length = live;
    };
    const remapLists = (lists: SkillLists): void => {
      const fresh = new SkillLists();
      let total = 0;
      for (let i = 0; i < live; i++) total += lists.start.data[order[i] + 1] - lists.start.data[order[i]];
      fresh.start.reserve(live + 1);
      fresh.skill.reserve(total);
      fresh.level.reserve(total);
      for (let i = 0; i < live; i++) {
        const s = order[i];
        const a = lists.start.data[s];
        const b = lists.start.data[s + 1];
        fresh.skill.data.set(lists.skill.data.subarray(a, b), fresh.skill.length);
        fresh.level.data.set(lists.level.data.subarray(a, b), fresh.level.length);
        fresh.skill.length += b - a;
        fresh.level.length += b - a;
        fresh.start.data[i + 1] = fresh.skill.length;
      }
      fresh.start.length = live + 1;
      lists.start = fresh.start;
      lists.skill = fresh.skill;
      lists.level = fresh.level;
    };
    const remapMap = <V>(m: Map<number, V>, inverse: Int32Array): Map<number, V> => {
      const out = new Map<number, V>();
      for (const [slot, v] of m) if (inverse[slot] >= 0) out.set(inverse[slot], v);
      return out;
    };

    const inverse = new Int32Array(this.ids.length).fill(-1);
    for (let i = 0; i < live; i++) inverse[order[i]] = i;
    for (const col of [
      this.kind,
      this.mode,
      this.flags,
      this.lat,
      this.lon,
      this.costPence,
      this.hours,
      this.hoursPerWeek,
      this.durationWeeks,
      this.startDay,
      this.closingDay,
      this.reqInferred,
    ] as Growable<Int32Array | Float32Array | Float64Array | Uint8Array>[]) {
      remap(col);
    }
    remapLists(this.requires);
    remapLists(this.teaches);
    remapLists(this.occupationLists);
    const ids = new Array<string>(live);
    const titles = new Array<string>(live);
    const orgs = new Array<string>(live);
    for (let i = 0; i < live; i++) {
      ids[i] = this.ids[order[i]];
      titles[i] = this.titles[order[i]];
      orgs[i] = this.organisations[order[i]];
      this.slotOfId.set(ids[i], i);
    }
    this.ids = ids;
    this.titles = titles;
    this.organisations = orgs;
    this.funding = remapMap(this.funding, inverse);
    this.entitlements = remapMap(this.entitlements, inverse);
    this.accredited = remapMap(this.accredited, inverse);
    this.postcodes = remapMap(this.postcodes, inverse);
    for (const [occ, slots] of this.occupationSlots) {
      const kept = slots.map((s) => inverse[s]).filter((s) => s >= 0);
      if (kept.length > 0) this.occupationSlots.set(occ, kept);
      else this.occupationSlots.delete(occ);
    }
    // Teachers of each skill, cheapest (hours + pounds / 10) first, so planners can stop early.
    const value = (slot: number): number =>
      (Number.isNaN(this.hours.data[slot]) ? 0 : this.hours.data[slot]) + this.costPence.data[slot] / 1000;
    this.teachPostings = this.teachPostings.map((list) =>
      list
        .map((s) => inverse[s])
        .filter((s) => s >= 0)
        .sort((a, b) => value(a) - value(b) || a - b),
    );
    this.teachSorted = Int32Array.from(this.teachPostings, (l) => l.length);
    this.keyStart = keyStart;
    this.reqSigLo = new Growable(Int32Array, Math.max(1024, live));
    this.reqSigHi = new Growable(Int32Array, Math.max(1024, live));
    this.reqSigEntries = new Growable(Int32Array, Math.max(1024, live));
    this.reqSigLo.length = this.reqSigHi.length = this.reqSigEntries.length = live;
    this.chooseSignatureSkills();
    this.buildLightPostings();
    this.baseCount = live;
    this.appended.clear();
    this.dead = 0;
  }

  /** Weight of requirement entry `i` of `slot` in fit: 1 when the listing names it, less when inferred. */
  requirementWeight(slot: number, i: number): number {
    return i >= this.requires.start.data[slot + 1] - this.reqInferred.data[slot]
      ? INFERRED_REQUIREMENT_WEIGHT
      : 1;
  }

  /** Sum of the weights of a slot's requirements (its entry count when none is inferred). */
  requirementTotal(slot: number): number {
    const n = this.requires.start.data[slot + 1] - this.requires.start.data[slot];
    const inferred = this.reqInferred.data[slot];
    return n - inferred + inferred * INFERRED_REQUIREMENT_WEIGHT;
  }

  /** Calls visit(slot) for every slot (live or dead) filed under the key. */
  forEachInKey(key: number, visit: (slot: number) => void): void {
    for (let s = this.keyStart[key], end = this.keyStart[key + 1]; s < end; s++) visit(s);
    const extra = this.appended.get(key);
    if (extra) for (const s of extra) visit(s);
  }

  /** Rebuilds a plain record for a slot (for explanations and for the product). */
  record(slot: number): OpportunityRecord {
    const skills = (lists: SkillLists) => {
      const out = [];
      for (let i = lists.start.data[slot]; i < lists.start.data[slot + 1]; i++) {
        out.push({ skill: this.skillNames[lists.skill.data[i]], level: lists.level.data[i] });
      }
      return out;
    };
    const f = this.flags.data[slot];
    const lat = this.lat.data[slot];
    const rec: OpportunityRecord = {
      id: this.ids[slot],
      kind: this.kindOf(slot),
      title: this.titles[slot],
      organisationName: this.organisations[slot],
      teaches: skills(this.teaches),
      requires: skills(this.requires),
      mode: this.modeOf(slot),
      costPence: this.costPence.data[slot],
      status: f & FLAG_ALIVE ? 'ACTIVE' : 'EXPIRED',
    };
    const inferred = this.reqInferred.data[slot];
    if (inferred > 0) rec.inferredRequires = rec.requires.splice(rec.requires.length - inferred, inferred);
    if (!Number.isNaN(lat)) rec.location = { lat, lon: this.lon.data[slot] };
    const num = (g: Growable<Float32Array>, k: 'hours' | 'hoursPerWeek' | 'durationWeeks') => {
      if (!Number.isNaN(g.data[slot])) rec[k] = g.data[slot];
    };
    num(this.hours, 'hours');
    num(this.hoursPerWeek, 'hoursPerWeek');
    num(this.durationWeeks, 'durationWeeks');
    if (this.startDay.data[slot] >= 0)
      rec.startDate = new Date(this.startDay.data[slot] * DAY_MS).toISOString().slice(0, 10);
    if (this.closingDay.data[slot] >= 0)
      rec.closingDate = new Date(this.closingDay.data[slot] * DAY_MS).toISOString().slice(0, 10);
    const fund = this.funding.get(slot);
    if (fund) rec.funding = fund;
    const ent = this.entitlements.get(slot);
    if (ent) rec.entitlements = ent;
    const acc = this.accredited.get(slot);
    if (acc) rec.accreditedSkills = [...acc].map((c) => this.skillNames[c]);
    if (f & FLAG_NOT_STEP_FREE) rec.stepFree = false;
    if (f & FLAG_NEEDS_DEVICE) rec.needsOwnDevice = true;
    if (f & FLAG_GUARANTEED_INTERVIEW) rec.guaranteedInterview = true;
    const pc = this.postcodes.get(slot);
    if (pc) rec.postcode = pc;
    const occStart = this.occupationLists.start.data[slot];
    const occEnd = this.occupationLists.start.data[slot + 1];
    if (occEnd > occStart) {
      rec.occupationIds = Array.from(
        this.occupationLists.skill.data.subarray(occStart, occEnd),
        (c) => this.occupationNames[c],
      );
    }
    return rec;
  }
}
