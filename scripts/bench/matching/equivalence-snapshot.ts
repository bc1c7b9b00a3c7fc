/**
 * The equivalence checks' snapshot: each output a JSON line, written with `--write FILE` (from the code
 * before a change) and compared line by line with `--check FILE` (after it), showing the first three
 * differences where they start. A difference sets a failing exit code.
 */
import { readFileSync, writeFileSync } from 'node:fs';

export function writeOrCheckSnapshot(lines: readonly string[], argv: readonly string[] = process.argv): void {
  const arg = (name: string): string | undefined => {
    const i = argv.indexOf(name);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  const writeTo = arg('--write');
  const checkAgainst = arg('--check');
  if (writeTo) {
    writeFileSync(writeTo, lines.join('\n') + '\n');
    process.stdout.write(`wrote ${lines.length} outputs to ${writeTo}\n`);
  }
  if (checkAgainst) {
    const before = readFileSync(checkAgainst, 'utf8').trim().split('\n');
    let differ = 0;
    for (let k = 0; k < Math.max(before.length, lines.length); k++) {
      if (before[k] === lines[k]) continue;
      differ++;
      if (differ <= 3) {
        const a = before[k] ?? '';
        const b = lines[k] ?? '';
        let at = 0;
        while (at < a.length && a[at] === b[at]) at++;
        process.stdout.write(
          `output ${k} differs at ${at}:\n  before ${a.slice(Math.max(0, at - 120), at + 120)}\n  after  ${b.slice(Math.max(0, at - 120), at + 120)}\n`,
        );
      }
    }
    process.stdout.write(
      differ === 0 ? `identical: ${lines.length} outputs\n` : `${differ} of ${lines.length} outputs differ\n`,
    );
    if (differ > 0) process.exitCode = 1;
  }
}
