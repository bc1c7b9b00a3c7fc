/**
 * Taxonomy benchmark: ESCO import (time, peak RSS) into a scratch database, skill search latency,
 * skill extraction throughput and precision/recall (our labelled set and Decorte et al.'s).
 * Run: npm run bench:taxonomy   (node -r @swc-node/register scripts/bench/taxonomy.ts)
 * Env: BENCH_POSTGRES_URL (server URL, default postgres://postgres@127.0.0.1:5432/postgres).
 */
import { readFileSync } from 'fs';
import { loadavg } from 'os';
import * as path from 'path';
import { createScratchDatabase, databaseName, dropDatabase, runMigrations } from '@skillpath/persistence';
import {
  DECORTE_DIR,
  ESCO_RELEASE_DIR,
  ESCO_SKILLS_CSV,
  LabelledText,
  SkillExtractor,
  SkillSearchIndex,
  importEsco,
  loadSkillsFromDatabase,
  readDecorteAnnotations,
  scoreExtraction,
} from '@skillpath/taxonomy';
import { SEARCH_QUERIES } from './taxonomy/search-queries';
import { printRows, rankedRows } from './taxonomy-ranked';

// The one place this script reads the environment: it is a dev tool, not part of the app config.
const SERVER_URL = process.env.BENCH_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const LABELLED = path.join(__dirname, '../../libs/taxonomy/src/extraction/fixtures/labelled-texts.json');

interface Row {
  measure: string;
  value: string;
  target?: string;
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

async function main(): Promise<void> {
  const rows: Row[] = [];
  const warnings: string[] = [];
  if (process.argv.includes('--ranked-only')) {
    const ranked = await rankedRows();
    header();
    printRows(ranked.rows);
    for (const w of ranked.warnings) console.log(`\n${w}`);
    return;
  }

  // 1. ESCO import into a scratch database, sampled peak RSS of this process.
  const url = await createScratchDatabase(SERVER_URL, 'bench_taxonomy');
  let skills;
  try {
    await runMigrations(url);
    let peakRss = process.memoryUsage().rss;
    const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 20);
    const first = await importEsco({ dir: ESCO_RELEASE_DIR, databaseUrl: url });
    clearInterval(sampler);
    const again = await importEsco({ dir: ESCO_RELEASE_DIR, databaseUrl: url });
    rows.push(
      {
        measure: 'ESCO import, empty database',
        value: `${(first.durationMs / 1000).toFixed(1)} s`,
        target: '≤ 120 s',
      },
      {
        measure: 'ESCO import, peak RSS (whole process)',
        value: `${Math.round(peakRss / 1048576)} MB`,
        target: '≤ 1024 MB',
      },
      {
        measure: 'rows: skills / occupations / relations',
        value: `${first.skills.inserted} / ${first.occupations.inserted} / ${first.occupationSkills.inserted} (+${first.occupationSkills.skipped} skipped)`,
      },
      {
        measure: 'ESCO re-import (no changes)',
        value: `${(again.durationMs / 1000).toFixed(1)} s, ${again.skills.updated + again.occupations.updated + again.occupationSkills.updated} rows updated`,
      },
    );
    warnings.push(...first.warnings);
    skills = await loadSkillsFromDatabase(url);
  } finally {
    await dropDatabase(SERVER_URL, databaseName(url));
  }

  // 2. Search over the imported skills (with real popularity).
  let t = performance.now();
  const index = new SkillSearchIndex(skills);
  rows.push({
    measure: `search index build (${index.size} skills)`,
    value: `${(performance.now() - t).toFixed(0)} ms`,
  });
  for (const q of SEARCH_QUERIES) index.search(q, 10); // warm-up
  const times: number[] = [];
  for (let round = 0; round < 5; round++) {
    for (const q of SEARCH_QUERIES) {
      t = performance.now();
      index.search(q, 10);
      times.push(performance.now() - t);
    }
  }
  times.sort((a, b) => a - b);
  rows.push(
    {
      measure: `search p50 (${SEARCH_QUERIES.length} queries × 5)`,
      value: `${percentile(times, 50).toFixed(2)} ms`,
    },
    { measure: 'search p95', value: `${percentile(times, 95).toFixed(2)} ms`, target: '≤ 20 ms' },
    { measure: 'search max', value: `${times[times.length - 1].toFixed(2)} ms` },
  );
  const pyton = index.search('pyton', 1)[0];
  rows.push({ measure: 'search "pyton" → top hit', value: pyton ? pyton.label : '(none)' });

  // 3. Extraction against the full ESCO label set, from the database records.
  t = performance.now();
  const extractor = new SkillExtractor(skills);
  rows.push({ measure: 'extractor build', value: `${(performance.now() - t).toFixed(0)} ms` });
  rows.push({ measure: 'extractor revision', value: extractor.revision });
  const labelled: LabelledText[] = JSON.parse(readFileSync(LABELLED, 'utf8')).texts;
  const corpus = labelled.map((l) => l.text);
  let n = 0;
  t = performance.now();
  while (performance.now() - t < 3000) {
    for (const text of corpus) {
      extractor.extract(text);
      n++;
    }
  }
  const perSecond = n / ((performance.now() - t) / 1000);
  rows.push({
    measure: 'extraction throughput (labelled texts)',
    value: `${Math.round(perSecond)} descriptions/s`,
    target: '≥ 2,000/s',
  });

  // Precision/recall compare URIs: use an extractor keyed by URI (ids differ per database).
  const byUri = new SkillExtractor(skills.map((s) => ({ ...s, id: s.uri ?? s.id })));
  const own = scoreExtraction(byUri, labelled);
  rows.push({
    measure: `own labelled set (${labelled.length} texts, ${own.truePositives + own.falseNegatives} gold)`,
    value: `P ${own.precision.toFixed(3)}  R ${own.recall.toFixed(3)}`,
    target: 'P ≥ 0.85, R ≥ 0.6',
  });
  for (const style of ['label-aware', 'natural']) {
    const subset = labelled.filter((l) => (l as LabelledText & { style?: string }).style === style);
    const s = scoreExtraction(byUri, subset);
    rows.push({
      measure: `  of which ${style} (${subset.length} texts)`,
      value: `P ${s.precision.toFixed(3)}  R ${s.recall.toFixed(3)}`,
    });
  }
  const uriByLabel = new Map<string, string>();
  for (const s of skills) if (s.uri && !uriByLabel.has(s.label.trim())) uriByLabel.set(s.label.trim(), s.uri);
  // The synonym table and rules were tuned on the validation files only: compare them with the
  // test rows to see how much of the gain is overfitting.
  for (const file of [
    'tech_validation_annotations.csv',
    'house_validation_annotations.csv',
    'tech_test_annotations.csv',
    'house_test_annotations.csv',
    'techwolf_test_annotations.csv',
  ]) {
    const set = await readDecorteAnnotations(path.join(DECORTE_DIR, file), uriByLabel);
    const s = scoreExtraction(byUri, set);
    const name = file.replace('_annotations.csv', '');
    rows.push({
      measure: `Decorte ${name}${name.endsWith('validation') ? ' (tuned on)' : ''} (${set.length} sentences)`,
      value: `P ${s.precision.toFixed(3)}  R ${s.recall.toFixed(3)}  (tp ${s.truePositives}, fp ${s.falsePositives}, fn ${s.falseNegatives})`,
    });
  }

  // 4. Ranked extraction (rules + encoder + re-ranker) on the Decorte test sets, throughput.
  const ranked = await rankedRows();
  rows.push(...ranked.rows);
  header();
  printRows(rows);
  for (const w of warnings) console.log(`\nimport warning: ${w}`);
  for (const w of ranked.warnings) console.log(`\n${w}`);
}

function header(): void {
  console.log(
    `\nTaxonomy benchmark — ${new Date().toISOString()} — node ${process.version}, ESCO at ${path.relative(process.cwd(), ESCO_SKILLS_CSV)}, load average ${loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')}\n`,
  );
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
