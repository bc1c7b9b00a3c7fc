/**
 * Trains the stored set's mention gate (`MentionGate`, see `isStored`: a rule match is stored when the
 * re-ranker's probability reaches the threshold OR the gate passes) and reports the stored set it
 * gives. The gate is a logistic model over the ranking features that tells whether a rule match sits
 * in a span SkillSpan's annotators marked as a skill or knowledge — the spans the Decorte et al.
 * sets were labelled on, so a rule match outside every span is a false positive there.
 * - fitted on SkillSpan TRAIN (every rule match of every sentence, labelled in-span or not);
 * - its cut chosen on SkillSpan DEV: the lowest probability at which the rule matches it keeps are in
 *   a span at least MENTION_PRECISION of the time;
 * - then reported (not tuned) on the Decorte VALIDATION files with the out-of-fold re-ranker, beside
 *   the decision without the gate. The Decorte test files are never read here.
 * Neither source was used to tune the rule matcher, whose synonym table was tuned on the Decorte
 * validation files: there its matches look more reliable than anywhere else.
 * Writes `mention` into libs/taxonomy/src/extraction/semantic/reranker-weights.json (the re-ranker is untouched).
 * Run (after scripts/train/build-skill-vectors.ts):
 *   SKILLPATH_SHARED_DATA=/path/to/shared/data node -r @swc-node/register scripts/train/mention-gate.ts [--dry-run] [--precision P]
 */
import { readFileSync, writeFileSync } from 'fs';
import * as path from 'path';
import {
  MentionGate,
  RANKING_FEATURES,
  RERANKER_WEIGHTS,
  RerankerWeights,
  SkillExtractor,
  htmlToText,
  mentionProbability,
} from '@skillpath/taxonomy';
import { SKILLSPAN } from './esco-data';
import { distantLists, rankingSetup, validationLists } from './ranking-setup';
import { BASE_FIT, SEED, fitRecipe } from './reranker-recipe';
import { TrainingList, fitReranker, scoreStored, storedBy } from './reranker-training';
import { readSkillSpan } from './training-data';

const OUT = path.join(__dirname, '../../libs/taxonomy/src/extraction/semantic/reranker-weights.json');
/** The gate keeps the rule matches whose in-span share on SkillSpan dev is at least this (the stored set's precision target). */
const MENTION_PRECISION = process.argv.includes('--precision')
  ? Number(process.argv[process.argv.indexOf('--precision') + 1])
  : 0.65;
const RULE = RANKING_FEATURES.indexOf('rule');
/**
 * Features the gate does not read: the sense features take their level from the taxonomy's skill
 * groups (all -1 in a taxonomy without groups, which would shut every rule match out), and the
 * occupation is unknown in training (a fixed lift below).
 */
const UNUSED: readonly (typeof RANKING_FEATURES)[number][] = ['cosGroup', 'groupMargin', 'occupation'];
const OCCUPATION = RANKING_FEATURES.indexOf('occupation');
/** As in the re-ranker: a fixed lift for a skill the listing's occupation requires (no data to learn it). */
const OCCUPATION_LOGIT = 1;

/** SkillSpan sentences (plain text, anonymised tokens as a neutral word) with their character spans. */
function skillSpanSentences(split: 'train' | 'dev'): { text: string; spans: [number, number][] }[] {
  const out: { text: string; spans: [number, number][] }[] = [];
  const seen = new Set<string>();
  for (const line of readFileSync(path.join(SKILLSPAN, `${split}.json`), 'utf8').split('\n')) {
    if (!line.trim()) continue;
    const row = JSON.parse(line) as { tokens: string[]; tags_skill: string[]; tags_knowledge: string[] };
    if (row.tokens.length < 4) continue;
    const tokens = row.tokens.map((t) => (/^<[A-Z]+>$/.test(t) ? 'Xx' : t));
    const offsets: [number, number][] = [];
    let at = 0;
    for (const t of tokens) {
      offsets.push([at, at + t.length]);
      at += t.length + 1;
    }
    const text = tokens.join(' ');
    // Offsets must hold in the plain text the rule matcher reports positions in.
    if (seen.has(text) || htmlToText(text) !== text) continue;
    seen.add(text);
    const spans: [number, number][] = [];
    for (const tags of [row.tags_skill, row.tags_knowledge]) {
      let open = -1;
      const close = (last: number) => open >= 0 && spans.push([offsets[open][0], offsets[last][1]]);
      tags.forEach((tag, i) => {
        if (tag === 'B' || (tag === 'I' && open < 0)) {
          close(i - 1);
          open = i;
        } else if (tag === 'O') {
          close(i - 1);
          open = -1;
        }
      });
      close(tags.length - 1);
    }
    out.push({ text, spans });
  }
  return out;
}

async function main(): Promise<void> {
  const { taxonomy, extractor, uriByLabel, saveSentences } = await rankingSetup();
  // The same rule matcher as the extractor's (built from the taxonomy the same way), for match positions.
  const rules = new SkillExtractor(
    taxonomy.skills.map((s) => ({ id: s.id, uri: s.uri, label: s.label, altLabels: s.altLabels })),
  );
  // Every rule match of a sentence, in a span or not (one list per sentence, rule matches only).
  const mentionLists = async (split: 'train' | 'dev'): Promise<TrainingList[]> => {
    const sentences = skillSpanSentences(split);
    const candidates = await extractor.candidates(sentences.map((s) => s.text));
    return candidates.map((list, i) => {
      const inSpan = new Set<string>();
      for (const hit of rules.extract(sentences[i].text))
        if (sentences[i].spans.some(([a, b]) => hit.start < b && a < hit.end)) inSpan.add(hit.id);
      const matched = list.filter((c) => c.features[RULE] === 1);
      const positive = matched.map((c) => inSpan.has(taxonomy.skills[c.skill].id));
      return { candidates: matched, positive, goldCount: positive.filter(Boolean).length };
    });
  };
  const train = await mentionLists('train');
  const dev = await mentionLists('dev');
  const { tech, house } = await validationLists(extractor, taxonomy, uriByLabel);
  const distant = await distantLists(extractor, readSkillSpan('train').slice(0, 700));
  await saveSentences();

  const unused = UNUSED.map((f) => RANKING_FEATURES.indexOf(f));
  const masked = train.map((l) => ({
    ...l,
    candidates: l.candidates.map((c) => {
      const features = c.features.slice();
      for (const i of unused) features[i] = 0;
      return { skill: c.skill, features };
    }),
  }));
  const fitted = fitReranker(masked, { ...BASE_FIT, version: 'mention' });
  for (const i of unused) [fitted.mean[i], fitted.std[i], fitted.output[i]] = [0, 1, 0];
  fitted.output[OCCUPATION] = OCCUPATION_LOGIT;
  const gate: MentionGate = {
    version: `mention-skillspan-train-nogroups-seed${SEED}`,
    mean: fitted.mean,
    std: fitted.std,
    output: fitted.output,
    outputBias: fitted.outputBias,
    threshold: 0.5,
  };
  const matches = (lists: TrainingList[]) =>
    lists.flatMap((l) =>
      l.candidates.map((c, j) => ({ p: mentionProbability(gate, c.features), pos: l.positive[j] })),
    );
  const trainMatches = matches(train);
  const devMatches = matches(dev).sort((a, b) => b.p - a.p);
  const share = (list: { pos: boolean }[]) => list.filter((m) => m.pos).length / Math.max(1, list.length);
  // The lowest cut whose kept matches reach MENTION_PRECISION in-span (largest kept set that does).
  let kept = 0;
  let inSpan = 0;
  let cut = 1;
  devMatches.forEach((m, i) => {
    inSpan += m.pos ? 1 : 0;
    const next = devMatches[i + 1];
    if (next && next.p === m.p) return;
    if (inSpan / (i + 1) >= MENTION_PRECISION) {
      kept = i + 1;
      cut = m.p;
    }
  });
  gate.threshold = Math.floor(cut * 1000) / 1000;
  console.log(
    `SkillSpan rule matches: train ${trainMatches.length} (${share(trainMatches).toFixed(3)} in a span), dev ${devMatches.length} (${share(devMatches).toFixed(3)})`,
  );
  console.log(
    `gate cut ${gate.threshold}: keeps ${kept} of ${devMatches.length} dev matches (${(kept / devMatches.length).toFixed(3)}), ${share(devMatches.slice(0, kept)).toFixed(3)} of them in a span; dev AUC ${auc(devMatches).toFixed(3)}`,
  );
  // The same proxy for whole decisions (the shipped re-ranker never saw SkillSpan dev).
  for (const [name, decide] of [
    [
      `score ≥ ${RERANKER_WEIGHTS.threshold} (no gate)`,
      storedBy({ ...RERANKER_WEIGHTS, mention: undefined }),
    ],
    ['with the gate (shipped)', storedBy({ ...RERANKER_WEIGHTS, mention: gate })],
  ] as const) {
    const stored = dev.flatMap((l) =>
      l.candidates.map((c, j) => ({ pos: l.positive[j], keep: decide(c.features) })),
    );
    const keptHere = stored.filter((m) => m.keep);
    console.log(
      `SkillSpan dev rule matches stored, ${name}: ${keptHere.length} of ${stored.length}, ${share(keptHere).toFixed(3)} in a span`,
    );
  }
  console.log('gate weights (standardised):');
  RANKING_FEATURES.forEach((f, i) => console.log(`  ${f.padEnd(15)} ${gate.output[i].toFixed(3)}`));

  // Decorte validation, re-ranker out of fold (as skill-reranker.ts): the stored set with and without the gate.
  const oofT = fitRecipe('lr-d', house, distant, 'oof-t');
  const oofH = fitRecipe('lr-d', tech, distant, 'oof-h');
  const threshold = RERANKER_WEIGHTS.threshold;
  const report = (name: string, decide: (w: RerankerWeights) => (x: Float32Array) => boolean) => {
    const a = scoreStored(tech, decide({ ...oofT, threshold }));
    const b = scoreStored(house, decide({ ...oofH, threshold }));
    console.log(
      `| ${name} | ${a.precision.toFixed(3)} / ${a.recall.toFixed(3)} (${a.stored}) | ${b.precision.toFixed(3)} / ${b.recall.toFixed(3)} (${b.stored}) |`,
    );
  };
  console.log('\n| Decorte validation, out of fold | TECH val P / R (stored) | HOUSE val P / R (stored) |');
  console.log('| --- | --- | --- |');
  const gated = (w: RerankerWeights) => (x: Float32Array) =>
    x[RULE] === 1 ? mentionProbability(gate, x) >= gate.threshold : storedBy(w)(x);
  report(`score ≥ ${threshold} (no gate)`, (w) => storedBy({ ...w, mention: undefined }));
  report(`score ≥ ${threshold}, or any rule match`, (w) =>
    storedBy({ ...w, mention: { ...gate, threshold: 0 } }),
  );
  report(`rule matches by the gate (≥ ${gate.threshold}) alone, others score ≥ ${threshold}`, gated);
  report(`score ≥ ${threshold}, or rule match with gate ≥ ${gate.threshold} (shipped)`, (w) =>
    storedBy({ ...w, mention: gate }),
  );

  if (process.argv.includes('--dry-run')) return extractor.dispose();
  const weights = JSON.parse(readFileSync(OUT, 'utf8')) as RerankerWeights;
  weights.mention = gate;
  writeFileSync(OUT, `${JSON.stringify(weights, null, 1)}\n`);
  console.log(`\nwrote the gate into ${path.relative(process.cwd(), OUT)}`);
  extractor.dispose();
}

/** Area under the ROC curve of matches sorted by probability, best first. */
function auc(sorted: { p: number; pos: boolean }[]): number {
  let positives = 0;
  let above = 0;
  for (const m of sorted)
    if (m.pos) positives++;
    else above += positives;
  const negatives = sorted.length - positives;
  const pairs = positives * negatives;
  return pairs === 0 ? 0.5 : above / pairs;
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
