/**
 * Encodes the evaluation and training sentences once into the persistent cache (.data/skill-ranking):
 * Decorte validation + test sentences and SkillSpan train sentences.
 * Run: node -r @swc-node/register scripts/train/encode-sentences.ts
 */
import { UniversalSentenceEncoderLite, readEscoSkillRecords } from '@skillpath/taxonomy';
import * as path from 'path';
import { ESCO_DIR } from './esco-data';
import { persistentEncoder } from './sentence-cache';
import { DECORTE_FILES, readDecorte, readSkillSpan } from './training-data';

async function main(): Promise<void> {
  const skills = await readEscoSkillRecords(path.join(ESCO_DIR, 'classification', 'skills_en.csv'));
  const uriByLabel = new Map(skills.map((s) => [s.label, s.uri as string]));
  const { encoder, save } = await persistentEncoder(await UniversalSentenceEncoderLite.load());
  const texts: string[] = [];
  for (const file of Object.values(DECORTE_FILES))
    texts.push(...(await readDecorte(file, uriByLabel)).map((s) => s.text));
  texts.push(...readSkillSpan('train'));
  console.error(`${texts.length} sentences, ${encoder.size} cached`);
  const t = performance.now();
  for (let i = 0; i < texts.length; i += 500) {
    await encoder.encode(texts.slice(i, i + 500));
    console.error(
      `${Math.min(texts.length, i + 500)} done, ${((performance.now() - t) / 1000).toFixed(0)} s`,
    );
    await save();
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
