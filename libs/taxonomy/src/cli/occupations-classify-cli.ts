import { createInterface } from 'readline';
import { Readable, Writable } from 'stream';
import { OccupationClassifier } from '../occupations/occupation-classifier';
import { OccupationRecord } from '../occupations/occupation-record';

export interface OccupationsClassifyCliOptions {
  input: Readable;
  output: Writable;
  /** The taxonomy's occupations, or a classifier already built from them. */
  occupations: readonly OccupationRecord[] | OccupationClassifier;
  /** How many occupations a line (default 5). */
  limit?: number;
}

/**
 * `occupations:classify`: one job title per input line → one JSON line
 * `{"occupations":[{"id","uri","label","score"}]}` per input line, in order, best first (an empty
 * or blank line gives `{"occupations":[]}`; a line longer than a title is read only as far as
 * MAX_JOB_TITLE_LENGTH). Returns the number of lines.
 */
export async function runOccupationsClassifyCli(options: OccupationsClassifyCliOptions): Promise<number> {
  const classifier =
    options.occupations instanceof OccupationClassifier
      ? options.occupations
      : new OccupationClassifier(options.occupations);
  const lines = createInterface({ input: options.input, crlfDelay: Infinity });
  let count = 0;
  for await (const line of lines) {
    const occupations = line.trim() ? classifier.classify(line, { limit: options.limit ?? 5 }) : [];
    await write(options.output, `${JSON.stringify({ occupations })}\n`);
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
