import { readFileSync } from 'fs';
import { ESCO_SKILLS_CSV, SkillExtractor, readEscoSkillRecords, tokenize } from '@skillpath/taxonomy';
import { OldSkillExtractor, tokenize as oldTokenize } from './old-extractor';
import labelled from '../../../libs/taxonomy/src/extraction/fixtures/labelled-texts.json';
async function main() {
  const skills = await readEscoSkillRecords(ESCO_SKILLS_CSV);
  let t = performance.now();
  const neu = new SkillExtractor(skills); console.log('new build', Math.round(performance.now() - t));
  t = performance.now();
  const old = new OldSkillExtractor(skills); console.log('old build', Math.round(performance.now() - t));
  const texts: string[] = [...(labelled as any).texts.map((x: any) => x.text)];
  for (const s of skills) { texts.push(s.label); texts.push(`I like ${s.altLabels.join(', and ')} — really; ${s.label.toUpperCase()}s!`); }
  texts.push('Café naïve’s résumé C++/C# node.js asp.net’s employer’s 𝐀𝐁 😀 foo&bar & x.. y\'\' z.\'a');
  let diffs = 0, hits = 0;
  for (const text of texts) {
    const a = JSON.stringify(old.extract(text)), b = JSON.stringify(neu.extract(text));
    const ta = JSON.stringify(oldTokenize(text)), tb = JSON.stringify(tokenize(text));
    hits += old.extract(text).length;
    if (a !== b || ta !== tb) { if (diffs++ < 5) console.log('DIFF', JSON.stringify(text).slice(0, 200), '\n', a.slice(0, 300), '\n', b.slice(0, 300), ta === tb); }
  }
  console.log('texts', texts.length, 'hits', hits, 'diffs', diffs);
  const descs = texts.slice(0, 30000);
  for (const [name, ex] of [['old', old], ['new', neu]] as const) {
    t = performance.now(); for (let r = 0; r < 2; r++) for (const d of descs) ex.extract(d); console.log(name, 'extract ms', Math.round(performance.now() - t));
  }
  (global as any).gc?.(); console.log('heap MB', Math.round(process.memoryUsage().heapUsed / 2 ** 20));
}
main();
