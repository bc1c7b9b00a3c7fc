import { CatalogueIndex } from '../index/catalogue-index';

/** Level a slot teaches a skill code at (0 when it does not). */
export function taughtLevel(index: CatalogueIndex, slot: number, code: number): number {
  let level = 0;
  const skill = index.teaches.skill.data;
  for (let i = index.teaches.start.data[slot]; i < index.teaches.start.data[slot + 1]; i++)
    if (skill[i] === code && index.teaches.level.data[i] > level) level = index.teaches.level.data[i];
  return level;
}

/** Places copied at a time: a scan usually stops within the first few hundred teachers of a skill. */
const BLOCK = 256;

/**
 * What a roadmap's candidate scan reads of each teacher of one skill, copied side by side in the order
 * of the index's posting list for that skill. The scan walks a skill's teachers in price order, and
 * reading each teacher's columns from the full index (a million slots) costs a cache miss per column;
 * read from here, a teacher costs about one. Copied block by block as scans get further, so a first
 * scan costs what it did before. Valid for one posting list (compaction replaces the list) at one
 * index generation (every change to the listings bumps it).
 */
export class TeacherColumns {
  readonly generation: number;
  readonly kind: Uint8Array;
  readonly mode: Uint8Array;
  readonly flags: Uint8Array;
  readonly closingDay: Int32Array;
  readonly lat: Float32Array;
  readonly lon: Float32Array;
  /** The level the teacher teaches this skill at. */
  readonly level: Uint8Array;
  /** Places [0, filled) are copied. */
  filled = 0;

  constructor(
    private readonly index: CatalogueIndex,
    private readonly code: number,
    readonly postings: readonly number[],
  ) {
    const n = postings.length;
    this.generation = index.generation;
    this.kind = new Uint8Array(n);
    this.mode = new Uint8Array(n);
    this.flags = new Uint8Array(n);
    this.closingDay = new Int32Array(n);
    this.lat = new Float32Array(n);
    this.lon = new Float32Array(n);
    this.level = new Uint8Array(n);
  }

  /** Makes sure place `pos` is copied. */
  reach(pos: number): void {
    if (pos < this.filled) return;
    const { index, postings } = this;
    const end = Math.min(postings.length, Math.max(pos + 1, this.filled + BLOCK));
    for (let i = this.filled; i < end; i++) {
      const slot = postings[i];
      this.kind[i] = index.kind.data[slot];
      this.mode[i] = index.mode.data[slot];
      this.flags[i] = index.flags.data[slot];
      this.closingDay[i] = index.closingDay.data[slot];
      this.lat[i] = index.lat.data[slot];
      this.lon[i] = index.lon.data[slot];
      this.level[i] = taughtLevel(index, slot, this.code);
    }
    this.filled = end;
  }
}

const cache = new WeakMap<CatalogueIndex, Map<number, TeacherColumns>>();

/** The columns of a skill's teachers, kept per posting list and index generation. */
export function teacherColumns(index: CatalogueIndex, code: number): TeacherColumns {
  let bySkill = cache.get(index);
  if (!bySkill) cache.set(index, (bySkill = new Map()));
  const postings = index.teachersOf(code);
  let columns = bySkill.get(code);
  if (!columns || columns.postings !== postings || columns.generation !== index.generation) {
    columns = new TeacherColumns(index, code, postings);
    bySkill.set(code, columns);
  }
  return columns;
}
