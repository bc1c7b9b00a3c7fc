/**
 * Where ranking time goes, per 64 SkillSpan train sentences whose vectors are cached (so the encoder
 * costs nothing): the matrix product, candidate features, lexical scoring, rules, and one whole
 * extract() call. Run: SKILLPATH_SHARED_DATA=… node -r @swc-node/register scripts/train/profile-ranking.ts
 */
/* eslint-disable @typescript-eslint/no-explicit-any -- reaches into the extractor's private parts to time them */
import { loadavg } from 'os';
import { readSkillSpan } from './training-data';
import { rankingSetup } from './ranking-setup';
import { RERANKER_WEIGHTS } from '@skillpath/taxonomy';
void (async () => {
  const { extractor } = await rankingSetup(RERANKER_WEIGHTS);
  const sentences = readSkillSpan('train').slice(0, 128); // cached vectors
  await extractor.candidates(sentences.slice(0, 64));
  const m = (extractor as any).matrix;
  const enc = (extractor as any).encoder;
  let t = performance.now();
  const v = await enc.encode(sentences.slice(0, 64));
  console.log('encode (cached) 64', (performance.now() - t).toFixed(0));
  t = performance.now();
  const sims = m.similarities(v);
  console.log('matmul 64', (performance.now() - t).toFixed(0));
  t = performance.now();
  for (let b = 0; b < 64; b++)
    (extractor as any).sentenceCandidates(
      sentences[b],
      v[b],
      sims.subarray(b * m.rows, (b + 1) * m.rows),
      undefined,
    );
  console.log('candidates 64', (performance.now() - t).toFixed(0));
  const lex = (extractor as any).lexical;
  t = performance.now();
  for (const s of sentences.slice(0, 64)) lex.score(s);
  console.log('lexical 64', (performance.now() - t).toFixed(0));
  const rules = (extractor as any).rules;
  t = performance.now();
  for (const s of sentences.slice(0, 64)) rules.extractDistinct(s);
  console.log('rules 64', (performance.now() - t).toFixed(0));
  t = performance.now();
  await extractor.extract(sentences.slice(64, 128));
  console.log('extract 64 total', (performance.now() - t).toFixed(0));
  console.log(loadavg());
})();
