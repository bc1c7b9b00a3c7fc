/**
 * Ranked skill extraction benchmark: quality on the Decorte et al. TEST sets (reported only here;
 * the re-ranker was chosen and trained on the validation files by scripts/train/skill-reranker.ts),
 * the stored set's precision/recall, and throughput / peak RSS of ranking advert sentences.
 * Needs the shared data (SKILLPATH_SHARED_DATA or ../shared/data) and the cached ESCO vectors
 * (node -r @swc-node/register scripts/train/build-skill-vectors.ts); skips loudly without them.
 * Run alone: npm run bench:taxonomy -- --ranked-only [--validation-only]
 */
import { existsSync, readFileSync } from 'fs';
import * as path from 'path';
import {
  CachingSentenceEncoder,
  LabelledText,
  RERANKER_WEIGHTS,
  RankedSkillExtractor,
  UniversalSentenceEncoderLite,
  readEscoRankingTaxonomy,
  readSkillVectorSetFile,
  vectorSetFile,
} from '@skillpath/taxonomy';
import { CACHE_DIR, ESCO_DIR, ESCO_VERSION, SKILLSPAN } from '../train/esco-data';
import { TrainingList, modelScore, scoreRanking, scoreStored, storedBy } from '../train/reranker-training';
import { goldLists } from '../train/ranking-setup';
import { persistentEncoder } from '../train/sentence-cache';
import { DECORTE_FILES, readDecorte } from '../train/training-data';

export interface BenchRow {
  measure: string;
  value: string;
  target?: string;
}

const LABELLED = path.join(__dirname, '../../libs/taxonomy/src/extraction/fixtures/labelled-texts.json');

export async function rankedRows(): Promise<{ rows: BenchRow[]; warnings: string[] }> {
  const rows: BenchRow[] = [];
  const taxonomyDir = path.join(ESCO_DIR, 'classification', 'skills_en.csv');
  if (!existsSync(taxonomyDir))
    return {
      rows,
      warnings: [`SKIPPED ranked extraction: no ESCO release at ${ESCO_DIR} (set SKILLPATH_SHARED_DATA)`],
    };
  const inner = await UniversalSentenceEncoderLite.load();
  const vectorsFile = vectorSetFile(CACHE_DIR, ESCO_VERSION, inner.id);
  const vectors = await readSkillVectorSetFile(vectorsFile);
  if (!vectors)
    return {
      rows,
      warnings: [
        `SKIPPED ranked extraction: no cached vectors at ${vectorsFile} (run scripts/train/build-skill-vectors.ts)`,
      ],
    };
  const taxonomy = await readEscoRankingTaxonomy(ESCO_DIR, ESCO_VERSION);
  const { encoder } = await persistentEncoder(inner);
  let t = performance.now();
  const ranked = await RankedSkillExtractor.create({ taxonomy, vectors, encoder, weights: RERANKER_WEIGHTS });
  rows.push({
    measure: `ranked extractor build (${taxonomy.skills.length} skills, ${vectors.owner.length} vectors)`,
    value: `${(performance.now() - t).toFixed(0)} ms`,
  });
  rows.push({
    measure: 'ranked extractor revision / weights',
    value: `${ranked.revision} / ${RERANKER_WEIGHTS.version}`,
  });
  const uriByLabel = new Map(taxonomy.skills.map((s) => [s.label, s.uri]));
  const score = modelScore(RERANKER_WEIGHTS);
  const gate = RERANKER_WEIGHTS.mention;
  const storedRule = gate
    ? `score ≥ ${ranked.threshold}, or rule match with mention gate ≥ ${gate.threshold}`
    : `score ≥ ${ranked.threshold}`;
  const sets: [string, string][] = [
    ['TECH validation (trained on)', DECORTE_FILES.techValidation],
    ['HOUSE validation (trained on)', DECORTE_FILES.houseValidation],
    ['TECH test', DECORTE_FILES.techTest],
    ['HOUSE test', DECORTE_FILES.houseTest],
    ['TECHWOLF test', DECORTE_FILES.techwolfTest],
  ];
  // --validation-only: never reads the test files (for tuning runs; the test figures are reported once).
  const validationOnly = process.argv.includes('--validation-only');
  for (const [name, file] of sets.filter(([n]) => !validationOnly || !n.endsWith('test'))) {
    const lists: TrainingList[] = await goldLists(
      ranked,
      taxonomy,
      await readDecorte(file, uriByLabel, true),
    );
    const r = scoreRanking(lists, score);
    const s = scoreStored(lists, storedBy(RERANKER_WEIGHTS));
    const test = name.endsWith('test');
    rows.push({
      measure: `Decorte ${name}: RP@5 / RP@10 / MRR (${r.sentences} sentences)`,
      value: `${r.rp5.toFixed(3)} / ${r.rp10.toFixed(3)} / ${r.mrr.toFixed(3)}  (candidate recall ${r.candidateRecall.toFixed(3)})`,
      target: test ? 'RP@5 ≥ 0.40 (then 0.50)' : undefined,
    });
    rows.push({
      measure: `  stored set (${storedRule}) over all ${lists.length} sentences`,
      value: `P ${s.precision.toFixed(3)}  R ${s.recall.toFixed(3)}  (${s.stored} stored)`,
      target: test ? 'P ≥ 0.65, R ≥ 0.40' : undefined,
    });
  }

  // Own labelled set: the stored set of whole texts.
  const labelled: LabelledText[] = JSON.parse(readFileSync(LABELLED, 'utf8')).texts;
  let tp = 0;
  let fp = 0;
  let fn = 0;
  for (const item of labelled) {
    const gold = new Set(item.skills.map((s) => s.uri));
    const found = new Set((await ranked.rankText(item.text)).map((s) => s.uri));
    for (const u of found)
      if (gold.has(u)) tp++;
      else fp++;
    for (const u of gold) if (!found.has(u)) fn++;
  }
  rows.push({
    measure: `own labelled set, ranked stored set (${labelled.length} texts)`,
    value: `P ${(tp / Math.max(1, tp + fp)).toFixed(3)}  R ${(tp / Math.max(1, tp + fn)).toFixed(3)}`,
    target: 'P ≥ 0.85',
  });

  // Throughput: SkillSpan dev postings (never trained or tuned on) as listings, fresh sentence cache.
  const postings = new Map<string, string[]>();
  for (const line of readFileSync(path.join(SKILLSPAN, 'dev.json'), 'utf8').split('\n')) {
    if (!line.trim()) continue;
    const row = JSON.parse(line) as { idx: number; source: string; tokens: string[] };
    const key = `${row.source}-${row.idx}`;
    postings.set(key, [...(postings.get(key) ?? []), row.tokens.join(' ')]);
  }
  const listings = [...postings.values()].slice(0, 30);
  const sentences = listings.reduce((n, l) => n + l.length, 0);
  const fresh = await RankedSkillExtractor.create({
    taxonomy,
    vectors,
    encoder: new CachingSentenceEncoder(inner, 20_000),
    weights: RERANKER_WEIGHTS,
  });
  let peak = process.memoryUsage().rss;
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 20);
  t = performance.now();
  for (const listing of listings) await fresh.extract(listing);
  const seconds = (performance.now() - t) / 1000;
  // The same listings again: every sentence is now in the cache (re-enrichment, repeated boilerplate).
  const t2 = performance.now();
  for (const listing of listings) await fresh.extract(listing);
  const cachedSeconds = (performance.now() - t2) / 1000;
  clearInterval(sampler);
  rows.push(
    {
      measure: `ranking throughput, ${listings.length} SkillSpan dev postings (${sentences} sentences), cold cache`,
      value: `${(sentences / seconds).toFixed(0)} sentences/s = ${(listings.length / seconds).toFixed(1)} listings/s`,
      target: '≥ 25 listings/s',
    },
    {
      measure: '  same postings again (sentence cache warm)',
      value: `${(sentences / cachedSeconds).toFixed(0)} sentences/s = ${(listings.length / cachedSeconds).toFixed(1)} listings/s`,
    },
    {
      measure: '  peak RSS, whole bench process (taxonomy + 2 extractors + encoder)',
      value: `${Math.round(peak / 1048576)} MB`,
      target: '≤ 500 MB (worker)',
    },
  );
  ranked.dispose();
  fresh.dispose();
  return { rows, warnings: [] };
}

export function printRows(rows: BenchRow[]): void {
  const width = Math.max(...rows.map((r) => r.measure.length));
  const valueWidth = Math.max(...rows.map((r) => r.value.length));
  for (const r of rows)
    console.log(`${r.measure.padEnd(width)}  ${r.value.padEnd(valueWidth)}  ${r.target ?? ''}`);
}
