import { promises as fs } from 'fs';
import * as path from 'path';
import { SentenceEncoder } from './sentence-encoder';
import { RankingTaxonomy } from './ranking-taxonomy';

/** What a stored vector encodes. */
export enum VectorKind {
  Preferred = 0,
  Alternative = 1,
  Hidden = 2,
  Description = 3,
  Group = 4,
}

/**
 * The encoder's vectors of a taxonomy's skill texts (labels, descriptions) and skill groups,
 * computed once per (taxonomy version, encoder) and stored, int8-quantised (one scale per vector,
 * ~4× smaller than float32; cosine error < 0.01).
 */
export interface SkillVectorSet {
  taxonomyVersion: string;
  encoderId: string;
  dimensions: number;
  /** Skill URIs, then group URIs: `owner` indexes into this. */
  keys: string[];
  owner: Uint32Array;
  kind: Uint8Array;
  scale: Float32Array;
  data: Int8Array;
}

/** Alternative labels encoded per skill at most (ESCO has a few skills with dozens). */
export const MAX_ALT_LABELS = 4;

/** Descriptions are encoded up to their first sentence end past this many characters (cost grows with length). */
const DESCRIPTION_CHARS = 160;

/** The first sentence(s) of a description, about DESCRIPTION_CHARS long. */
export function descriptionLead(description: string): string {
  const text = description.replace(/\s+/g, ' ').trim();
  if (text.length <= DESCRIPTION_CHARS) return text;
  const stop = text.indexOf('. ', DESCRIPTION_CHARS / 2);
  return stop > 0 && stop < DESCRIPTION_CHARS * 1.5
    ? text.slice(0, stop + 1)
    : text.slice(0, DESCRIPTION_CHARS);
}

/** The texts a taxonomy's vector set is made of, in a fixed order. */
export function vectorTexts(taxonomy: RankingTaxonomy): { key: number; kind: VectorKind; text: string }[] {
  const out: { key: number; kind: VectorKind; text: string }[] = [];
  taxonomy.skills.forEach((s, key) => {
    out.push({ key, kind: VectorKind.Preferred, text: s.label });
    const alts = [...new Set(s.altLabels.map((a) => a.trim()).filter((a) => a && a !== s.label))];
    for (const a of alts.slice(0, MAX_ALT_LABELS)) out.push({ key, kind: VectorKind.Alternative, text: a });
    for (const h of s.hiddenLabels ?? []) out.push({ key, kind: VectorKind.Hidden, text: h });
    if (s.description) out.push({ key, kind: VectorKind.Description, text: descriptionLead(s.description) });
  });
  taxonomy.groups.forEach((g, i) =>
    out.push({
      key: taxonomy.skills.length + i,
      kind: VectorKind.Group,
      text: g.description ? `${g.label}: ${g.description}` : g.label,
    }),
  );
  return out;
}

/** Encodes every text of the taxonomy (minutes for ESCO: do it once, then store the result). */
export async function buildSkillVectorSet(
  taxonomy: RankingTaxonomy,
  encoder: SentenceEncoder,
  onProgress?: (done: number, total: number) => void,
  /** Optional store of finished chunks, so an interrupted build resumes where it stopped. */
  chunks?: VectorChunkStore,
): Promise<SkillVectorSet> {
  const texts = vectorTexts(taxonomy);
  const d = encoder.dimensions;
  const set: SkillVectorSet = {
    taxonomyVersion: taxonomy.version,
    encoderId: encoder.id,
    dimensions: d,
    keys: [...taxonomy.skills.map((s) => s.uri), ...taxonomy.groups.map((g) => g.uri)],
    owner: new Uint32Array(texts.length),
    kind: new Uint8Array(texts.length),
    scale: new Float32Array(texts.length),
    data: new Int8Array(texts.length * d),
  };
  // Shortest texts first, in chunks: the encoder pads a batch to its longest text.
  const order = texts.map((_, i) => i).sort((a, b) => texts[a].text.length - texts[b].text.length || a - b);
  const CHUNK = 2048;
  for (let c = 0; c * CHUNK < order.length; c++) {
    const slice = order.slice(c * CHUNK, (c + 1) * CHUNK);
    let vectors = await chunks?.read(c, slice.length, d);
    if (!vectors) {
      vectors = await encoder.encode(slice.map((i) => texts[i].text));
      await chunks?.write(c, vectors);
    }
    vectors.forEach((v, j) => {
      const i = slice[j];
      set.owner[i] = texts[i].key;
      set.kind[i] = texts[i].kind;
      set.scale[i] = quantise(v, set.data, i * d);
    });
    onProgress?.(Math.min(order.length, (c + 1) * CHUNK), texts.length);
  }
  return set;
}

/** Where a build keeps its finished chunks (a folder of files for the scripts). */
export interface VectorChunkStore {
  read(chunk: number, count: number, dimensions: number): Promise<Float32Array[] | undefined>;
  write(chunk: number, vectors: Float32Array[]): Promise<void>;
}

/** Chunks as files `<dir>/<chunk>.f32`; only for one (taxonomy version, encoder) at a time. */
export function fileChunkStore(dir: string): VectorChunkStore {
  return {
    async read(chunk, count, d) {
      const blob = await fs.readFile(path.join(dir, `${chunk}.f32`)).catch(() => undefined);
      if (!blob || blob.length !== count * d * 4) return undefined;
      const all = new Float32Array(blob.buffer.slice(blob.byteOffset, blob.byteOffset + blob.length));
      return Array.from({ length: count }, (_, i) => all.subarray(i * d, (i + 1) * d));
    },
    async write(chunk, vectors) {
      await fs.mkdir(dir, { recursive: true });
      const d = vectors[0]?.length ?? 0;
      const all = new Float32Array(vectors.length * d);
      vectors.forEach((v, i) => all.set(v, i * d));
      await fs.writeFile(path.join(dir, `${chunk}.f32`), Buffer.from(all.buffer));
    },
  };
}

/** Writes v into `out` at `offset` as int8; returns the scale (value = int8 × scale). */
export function quantise(v: Float32Array, out: Int8Array, offset: number): number {
  let max = 0;
  for (let i = 0; i < v.length; i++) max = Math.max(max, Math.abs(v[i]));
  const scale = max > 0 ? max / 127 : 1;
  for (let i = 0; i < v.length; i++) out[offset + i] = Math.round(v[i] / scale);
  return scale;
}

const MAGIC = 'SKVS1';

/** One self-describing blob: a JSON header line, then the typed arrays (for a file or a bytea). */
export function serialiseSkillVectorSet(set: SkillVectorSet): Buffer {
  const header = Buffer.from(
    `${MAGIC}${JSON.stringify({
      taxonomyVersion: set.taxonomyVersion,
      encoderId: set.encoderId,
      dimensions: set.dimensions,
      keys: set.keys,
      count: set.owner.length,
    })}\n`,
  );
  const pad = (n: number) => Buffer.alloc((4 - (n % 4)) % 4);
  const parts = [header, pad(header.length)];
  parts.push(Buffer.from(set.owner.buffer, set.owner.byteOffset, set.owner.byteLength));
  parts.push(Buffer.from(set.scale.buffer, set.scale.byteOffset, set.scale.byteLength));
  parts.push(Buffer.from(set.kind.buffer, set.kind.byteOffset, set.kind.byteLength));
  parts.push(Buffer.from(set.data.buffer, set.data.byteOffset, set.data.byteLength));
  return Buffer.concat(parts);
}

export class SkillVectorSetFormatError extends Error {
  constructor(message: string) {
    super(`stored skill vectors are unreadable: ${message}`);
    this.name = 'SkillVectorSetFormatError';
  }
}

export function deserialiseSkillVectorSet(blob: Buffer): SkillVectorSet {
  if (blob.subarray(0, MAGIC.length).toString() !== MAGIC) throw new SkillVectorSetFormatError('bad magic');
  const newline = blob.indexOf(10);
  if (newline < 0) throw new SkillVectorSetFormatError('no header');
  const header = JSON.parse(blob.subarray(MAGIC.length, newline).toString()) as {
    taxonomyVersion: string;
    encoderId: string;
    dimensions: number;
    keys: string[];
    count: number;
  };
  let offset = newline + 1;
  offset += (4 - (offset % 4)) % 4;
  const n = header.count;
  const d = header.dimensions;
  const expected = offset + n * 4 + n * 4 + n + n * d;
  if (blob.length !== expected)
    throw new SkillVectorSetFormatError(`expected ${expected} bytes, found ${blob.length}`);
  // The arrays are views of one aligned store (the header is padded to 4 bytes): the blob's own
  // buffer when the blob is all of it from offset 0 (as the repository reads it), else one copy (a
  // Buffer from a file or a bytea may share a pool at any offset).
  const own = blob.byteOffset === 0 && blob.buffer.byteLength === blob.length;
  const store = (own ? blob.buffer : new Uint8Array(blob).buffer) as ArrayBuffer;
  const owner = new Uint32Array(store, offset, n);
  offset += n * 4;
  const scale = new Float32Array(store, offset, n);
  offset += n * 4;
  const kind = new Uint8Array(store, offset, n);
  offset += n;
  const data = new Int8Array(store, offset, n * d);
  return {
    taxonomyVersion: header.taxonomyVersion,
    encoderId: header.encoderId,
    dimensions: d,
    keys: header.keys,
    owner,
    kind,
    scale,
    data,
  };
}

/** `<dir>/<taxonomy version>--<encoder id>.skvs`, the file cache used by scripts and benchmarks. */
export function vectorSetFile(dir: string, taxonomyVersion: string, encoderId: string): string {
  const safe = (s: string) => s.replace(/[^A-Za-z0-9._-]+/g, '_');
  return path.join(dir, `${safe(taxonomyVersion)}--${safe(encoderId)}.skvs`);
}

export async function readSkillVectorSetFile(file: string): Promise<SkillVectorSet | undefined> {
  const blob = await fs.readFile(file).catch(() => undefined);
  return blob ? deserialiseSkillVectorSet(blob) : undefined;
}

export async function writeSkillVectorSetFile(file: string, set: SkillVectorSet): Promise<void> {
  await fs.mkdir(path.dirname(file), { recursive: true });
  const tmp = `${file}.${process.pid}.tmp`;
  await fs.writeFile(tmp, serialiseSkillVectorSet(set));
  await fs.rename(tmp, file);
}
