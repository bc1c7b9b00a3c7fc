import { createInterface } from 'readline';
import { Readable, Writable } from 'stream';
import { SkillExtractor } from '../extraction/skill-extractor';
import { SkillRecord } from '../skill-record';

export interface SkillsExtractCliOptions {
  input: Readable;
  output: Writable;
  /** The taxonomy to look for, or an extractor already built from it. */
  skills: readonly SkillRecord[] | SkillExtractor;
}

/**
 * `skills:extract`: one text per input line → one JSON line `{"skills":[{"id","uri","label"}]}`
 * per input line, in order (an empty line gives `{"skills":[]}`). Returns the number of lines.
 */
export async function runSkillsExtractCli(options: SkillsExtractCliOptions): Promise<number> {
  const extractor =
    options.skills instanceof SkillExtractor ? options.skills : new SkillExtractor(options.skills);
  const lines = createInterface({ input: options.input, crlfDelay: Infinity });
  let count = 0;
  for await (const line of lines) {
    const skills = extractor.extractDistinct(line).map(({ id, uri, label }) => ({ id, uri, label }));
    await write(options.output, `${JSON.stringify({ skills })}\n`);
    count++;
  }
  return count;
}

function write(output: Writable, chunk: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const ok = output.write(chunk, (error) => (error ? reject(error) : undefined));
    if (ok) resolve();
    else output.once('drain', resolve);
  });
}
