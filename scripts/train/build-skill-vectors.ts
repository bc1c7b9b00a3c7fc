/**
 * Encodes ESCO's skill labels, descriptions and skill groups and caches the vector set under
 * .data/skill-ranking (gitignored), keyed by ESCO version and encoder id, for the benchmark and
 * training. (The app stores its set in PostgreSQL: `npm run cli -- skills:vectors --dir <release>`.)
 *
 * On this shared 2-core machine the full encode takes ~1 CPU-hour, so it runs in priority phases —
 * preferred labels and groups, then the first alternative label, then descriptions, then the other
 * alternative labels — appending each vector to a text-keyed store as it goes; every phase ends by
 * writing the set from whatever is encoded so far (texts not yet encoded are simply absent).
 * Re-running resumes; `--assemble` only writes the set from what is encoded so far.
 * `--descriptions N --total M` stop the descriptions phase once N descriptions are encoded and the
 * last phase once the set holds M vectors (shortest texts first, as always): `--descriptions 8248
 * --total 51082` reproduces the set the shipped re-ranker was trained and measured on.
 * Run: node -r @swc-node/register scripts/train/build-skill-vectors.ts [--phases N] [--assemble]
 *      [--descriptions N] [--total M]
 */
import { createHash } from 'crypto';
import { existsSync, readFileSync, appendFileSync, readdirSync } from 'fs';
import * as path from 'path';
import {
  SkillVectorSet,
  UniversalSentenceEncoderLite,
  VectorKind,
  quantise,
  readEscoRankingTaxonomy,
  vectorSetFile,
  vectorTexts,
  writeSkillVectorSetFile,
} from '@skillpath/taxonomy';
import { CACHE_DIR, ESCO_DIR, ESCO_VERSION } from './esco-data';

const D = 512;
const key = (text: string) => createHash('sha1').update(text).digest('hex');

/** Text-keyed vectors: an append-only file of [sha1 hex (40 bytes)][512 float32]. */
function readStore(file: string): Map<string, Float32Array> {
  const map = new Map<string, Float32Array>();
  if (!existsSync(file)) return map;
  const blob = readFileSync(file);
  const record = 40 + D * 4;
  for (let at = 0; at + record <= blob.length; at += record) {
    const k = blob.subarray(at, at + 40).toString('latin1');
    const v = new Float32Array(blob.buffer.slice(blob.byteOffset + at + 40, blob.byteOffset + at + record));
    map.set(k, v);
  }
  return map;
}

function appendStore(file: string, entries: [string, Float32Array][]): void {
  const parts: Buffer[] = [];
  for (const [k, v] of entries)
    parts.push(Buffer.from(k, 'latin1'), Buffer.from(v.buffer, v.byteOffset, v.byteLength));
  appendFileSync(file, Buffer.concat(parts));
}

async function main(): Promise<void> {
  const phasesWanted = process.argv.includes('--phases')
    ? Number(process.argv[process.argv.indexOf('--phases') + 1])
    : 4;
  const option = (name: string) =>
    process.argv.includes(name) ? Number(process.argv[process.argv.indexOf(name) + 1]) : undefined;
  const maxDescriptions = option('--descriptions');
  const maxTotal = option('--total');
  const taxonomy = await readEscoRankingTaxonomy(ESCO_DIR, ESCO_VERSION);
  const encoder = await UniversalSentenceEncoderLite.load();
  const file = vectorSetFile(CACHE_DIR, taxonomy.version, encoder.id);
  const storeFile = `${file}.texts`;
  const texts = vectorTexts(taxonomy);
  const store = readStore(storeFile);

  // Recover an older build's chunk files (texts sorted by length, 2048 a chunk).
  const chunkDir = `${file}.chunks`;
  if (existsSync(chunkDir)) {
    const order = texts.map((_, i) => i).sort((a, b) => texts[a].text.length - texts[b].text.length || a - b);
    const recovered: [string, Float32Array][] = [];
    for (const name of readdirSync(chunkDir)) {
      const c = Number(name.replace('.f32', ''));
      const blob = readFileSync(path.join(chunkDir, name));
      const slice = order.slice(c * 2048, (c + 1) * 2048);
      if (blob.length !== slice.length * D * 4) continue;
      const all = new Float32Array(blob.buffer.slice(blob.byteOffset, blob.byteOffset + blob.length));
      slice.forEach((i, j) => {
        const k = key(texts[i].text);
        if (!store.has(k)) recovered.push([k, all.slice(j * D, (j + 1) * D)]);
      });
    }
    for (const [k, v] of recovered) store.set(k, v);
    if (recovered.length > 0) appendStore(storeFile, recovered);
    console.error(`recovered ${recovered.length} vectors from ${chunkDir}`);
  }

  // Which alternative label of its skill each text is (0 = first).
  const altIndex = new Int32Array(texts.length).fill(-1);
  const seen = new Map<number, number>();
  texts.forEach((t, i) => {
    if (t.kind !== VectorKind.Alternative) return;
    const n = seen.get(t.key) ?? 0;
    altIndex[i] = n;
    seen.set(t.key, n + 1);
  });
  // Texts of the set present once `extra` texts are encoded too (a limit counts set entries, not texts).
  const present = (wanted: (i: number) => boolean, extra: Set<string>) =>
    texts.filter((t, i) => wanted(i) && (store.has(key(t.text)) || extra.has(t.text))).length;
  const limits: ((extra: Set<string>) => boolean)[] = [
    () => false,
    () => false,
    (extra) =>
      maxDescriptions !== undefined &&
      present((i) => texts[i].kind === VectorKind.Description, extra) >= maxDescriptions,
    (extra) => maxTotal !== undefined && present(() => true, extra) >= maxTotal,
  ];
  const phases: [string, (i: number) => boolean][] = [
    [
      'preferred labels, hidden labels and groups',
      (i) => texts[i].kind !== VectorKind.Alternative && texts[i].kind !== VectorKind.Description,
    ],
    ['first alternative label', (i) => altIndex[i] === 0],
    ['descriptions', (i) => texts[i].kind === VectorKind.Description],
    ['other alternative labels', (i) => altIndex[i] > 0],
  ];
  if (process.argv.includes('--assemble')) {
    // Write the set from what is encoded so far (e.g. after stopping a long phase).
    await writeSkillVectorSetFile(file, assemble(taxonomy.version, encoder.id, taxonomy, texts, store));
    return;
  }
  for (const [phase, [name, wanted]] of phases.slice(0, phasesWanted).entries()) {
    let toEncode = [
      ...new Set(
        texts
          .map((t, i) => i)
          .filter(wanted)
          .map((i) => texts[i].text),
      ),
    ]
      .filter((t) => !store.has(key(t)))
      .sort((a, b) => a.length - b.length);
    if (maxDescriptions !== undefined || maxTotal !== undefined) {
      // The shortest prefix that reaches the phase's limit (counts only grow with the prefix).
      let lo = 0;
      let hi = toEncode.length;
      if (limits[phase](new Set(toEncode))) {
        while (lo < hi) {
          const mid = (lo + hi) >> 1;
          if (limits[phase](new Set(toEncode.slice(0, mid)))) hi = mid;
          else lo = mid + 1;
        }
        toEncode = toEncode.slice(0, lo);
      }
    }
    const t0 = performance.now();
    for (let i = 0; i < toEncode.length; i += 512) {
      const batch = toEncode.slice(i, i + 512);
      const vectors = await encoder.encode(batch);
      const entries = batch.map((t, j) => [key(t), vectors[j]] as [string, Float32Array]);
      for (const [k, v] of entries) store.set(k, v);
      appendStore(storeFile, entries);
      const s = (performance.now() - t0) / 1000;
      console.error(`${name}: ${i + batch.length}/${toEncode.length}, ${s.toFixed(0)} s`);
    }
    await writeSkillVectorSetFile(file, assemble(taxonomy.version, encoder.id, taxonomy, texts, store));
    console.error(`phase "${name}" done; wrote ${file}`);
  }
}

function assemble(
  version: string,
  encoderId: string,
  taxonomy: Awaited<ReturnType<typeof readEscoRankingTaxonomy>>,
  texts: ReturnType<typeof vectorTexts>,
  store: Map<string, Float32Array>,
): SkillVectorSet {
  const present = texts.filter((t) => store.has(key(t.text)));
  const set: SkillVectorSet = {
    taxonomyVersion: version,
    encoderId,
    dimensions: D,
    keys: [...taxonomy.skills.map((s) => s.uri), ...taxonomy.groups.map((g) => g.uri)],
    owner: new Uint32Array(present.length),
    kind: new Uint8Array(present.length),
    scale: new Float32Array(present.length),
    data: new Int8Array(present.length * D),
  };
  present.forEach((t, i) => {
    set.owner[i] = t.key;
    set.kind[i] = t.kind;
    set.scale[i] = quantise(store.get(key(t.text))!, set.data, i * D);
  });
  console.error(`assembled ${present.length} of ${texts.length} vectors`);
  return set;
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
