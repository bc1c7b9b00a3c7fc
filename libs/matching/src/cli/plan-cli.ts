import { readFile } from 'node:fs/promises';
import { solvePlanningInstance } from '../planner/plan-solver';
import { parsePlanningInstance } from '../planner/planning-instance.parser';

const USAGE = 'usage: plan --input FILE   (JSON array of planning instances, or JSON Lines)';

/** Splits the file into raw instances: a JSON array, or one JSON value per non-empty line. */
export function splitInstances(text: string): { raw?: unknown; parseError?: string }[] {
  const trimmed = text.trim();
  if (trimmed.startsWith('[')) {
    try {
      const all: unknown = JSON.parse(trimmed);
      if (Array.isArray(all)) return all.map((raw) => ({ raw }));
    } catch {
      // Not one JSON array: fall through to JSON Lines (a line may itself be an array, which is malformed).
    }
  }
  return text
    .split(/\r?\n/)
    .filter((line) => line.trim() !== '')
    .map((line) => {
      try {
        return { raw: JSON.parse(line) as unknown };
      } catch (e) {
        return { parseError: `invalid JSON: ${(e as Error).message}` };
      }
    });
}

function idOf(raw: unknown): string | null {
  if (typeof raw === 'object' && raw !== null && typeof (raw as { id?: unknown }).id === 'string') {
    return (raw as { id: string }).id;
  }
  return null;
}

/** `npm run --silent plan -- --input FILE`: one JSON line per instance on stdout, in input order. */
export async function main(argv: string[]): Promise<number> {
  const at = argv.indexOf('--input');
  const file = at >= 0 ? argv[at + 1] : argv.find((a) => a.startsWith('--input='))?.slice('--input='.length);
  if (!file) {
    process.stderr.write(`${USAGE}\n`);
    return 2;
  }
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (e) {
    process.stderr.write(`cannot read ${file}: ${(e as Error).message}\n`);
    return 1;
  }
  const out: string[] = [];
  const flush = (): Promise<void> =>
    new Promise((resolve) => {
      if (out.length === 0) return resolve();
      const chunk = out.join('');
      out.length = 0;
      if (process.stdout.write(chunk)) resolve();
      else process.stdout.once('drain', () => resolve());
    });
  for (const { raw, parseError } of splitInstances(text)) {
    let line: unknown;
    if (parseError !== undefined) line = { id: null, error: parseError };
    else {
      try {
        line = solvePlanningInstance(parsePlanningInstance(raw));
      } catch (e) {
        line = { id: idOf(raw), error: (e as Error).message };
      }
    }
    out.push(`${JSON.stringify(line)}\n`);
    if (out.length >= 64) await flush();
  }
  await flush();
  return 0;
}
