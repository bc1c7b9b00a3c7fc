import { createInterface } from 'readline';
import { Readable, Writable } from 'stream';
import { SkillExtractor } from '../extraction/skill-extractor';
import { MAX_TEXT_CHARS, RankedSkillExtractor } from '../extraction/semantic/ranked-skill-extractor';
import { SkillRecord } from '../skill-record';

export interface SkillsExtractCliOptions {
  input: Readable;
  output: Writable;
  /**
   * The ranked extractor (rules + encoder + re-ranker), or — when no skill vectors are stored yet —
   * the taxonomy / a rule extractor: then only rule matches are written, each with score 1.
   */
  skills: readonly SkillRecord[] | SkillExtractor | RankedSkillExtractor;
  /** `--ranked K`: the top K skills per line whatever the threshold (needs the ranked extractor). */
  ranked?: number;
}

export class RankedNeedsVectorsError extends Error {
  constructor() {
    super(
      '--ranked needs the stored skill vectors: run `npm run cli -- skills:vectors --dir <ESCO release>` first',
    );
    this.name = 'RankedNeedsVectorsError';
  }
}

/** Ranked output is asked for at most this many skills a line. */
export const MAX_RANKED_K = 100;

/**
 * `skills:extract`: one text per input line → one JSON line per input line, in order:
 * `{"skills":[{"id","uri","label","score"}]}`, best first. Without `ranked`, the skills that would
 * be stored (the rule matches and the ranked skills scoring at least the threshold); with
 * `ranked: K`, the K best taxonomy skills whatever their score. An empty line gives
 * `{"skills":[]}`. A line longer than MAX_TEXT_CHARS characters is cut there (its output line
 * then carries `"truncated":true`). Returns the number of lines.
 */
export async function runSkillsExtractCli(options: SkillsExtractCliOptions): Promise<number> {
  const source = options.skills;
  const ranked = source instanceof RankedSkillExtractor ? source : undefined;
  if (options.ranked !== undefined) {
    if (!Number.isInteger(options.ranked) || options.ranked < 1 || options.ranked > MAX_RANKED_K)
      throw new RangeError(`--ranked takes a whole number from 1 to ${MAX_RANKED_K}, not ${options.ranked}`);
    if (!ranked) throw new RankedNeedsVectorsError();
  }
  const rules = ranked
    ? undefined
    : source instanceof SkillExtractor
      ? source
      : new SkillExtractor(source as readonly SkillRecord[]);
  const lines = createInterface({ input: options.input, crlfDelay: Infinity });
  let count = 0;
  for await (const line of lines) {
    const truncated = line.length > MAX_TEXT_CHARS;
    const text = truncated ? line.slice(0, MAX_TEXT_CHARS) : line;
    let skills: { id: string; uri: string | null; label: string; score: number }[];
    if (text.trim().length === 0) skills = [];
    else if (ranked)
      skills = (await ranked.rankText(text, options.ranked !== undefined ? { k: options.ranked } : {})).map(
        ({ id, uri, label, score }) => ({ id, uri, label, score: Math.round(score * 1000) / 1000 }),
      );
    else skills = rules!.extractDistinct(text).map(({ id, uri, label }) => ({ id, uri, label, score: 1 }));
    await write(options.output, `${JSON.stringify(truncated ? { skills, truncated } : { skills })}\n`);
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

/**
 * The `skills:extract` command: the ranked extractor from the stored vectors when there are some
 * (else the rule matcher over the database skills, with a note on stderr), stdin → stdout.
 * Returns the process exit code.
 */
export async function runSkillsExtractCommand(options: {
  databaseUrl: string;
  ranked?: number;
  note: (line: string) => void;
  input?: Readable;
  output?: Writable;
}): Promise<number> {
  const { loadRankedSkillExtractor } = await import('../extraction/semantic/ranked-extractor-from-database');
  const { loadSkillsFromDatabase } = await import('./load-skills-from-database');
  const ranked = await loadRankedSkillExtractor(options.databaseUrl);
  let skills: SkillsExtractCliOptions['skills'];
  if (ranked) skills = ranked;
  else {
    if (options.ranked !== undefined) {
      options.note(new RankedNeedsVectorsError().message);
      return 1;
    }
    skills = await loadSkillsFromDatabase(options.databaseUrl);
    if (skills.length === 0)
      options.note('the database has no skills yet: run `npm run cli -- import:esco --dir <release>` first');
    else
      options.note(
        'no stored skill vectors: rule matches only (run `npm run cli -- skills:vectors --dir <release>`)',
      );
  }
  try {
    const count = await runSkillsExtractCli({
      input: options.input ?? process.stdin,
      output: options.output ?? process.stdout,
      skills,
      ranked: options.ranked,
    });
    options.note(`${count} line${count === 1 ? '' : 's'} read`);
    return 0;
  } catch (error) {
    if (error instanceof RangeError) {
      options.note(error.message);
      return 2;
    }
    throw error;
  } finally {
    ranked?.dispose();
  }
}
