import { InvalidArgumentError } from 'commander';
import { CliCommand, note, withServices } from './cli-context';

function topK(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > 50)
    throw new InvalidArgumentError(`must be a whole number from 1 to 50 (got "${value}")`);
  return n;
}

/**
 * `occupations:classify`: one job title a line on stdin (as adverts write them) → one
 * `{"occupations":[{id,uri,label,score}]}` JSON line each on stdout, best first (5 unless --top K).
 */
export const cliCommand: CliCommand = {
  register(program) {
    program
      .command('occupations:classify')
      .description(
        'read job titles (one per line) on stdin, write {"occupations":[{id,uri,label,score}]} JSON lines (best first) on stdout',
      )
      .option('--top <K>', 'occupations a line (1 to 50)', topK, 5)
      .action(async (o: { top: number }) => {
        await withServices(async (s) => {
          const { loadOccupationsFromDatabase, runOccupationsClassifyCli } =
            await import('@skillpath/taxonomy');
          const occupations = await loadOccupationsFromDatabase(s.databaseUrl);
          if (occupations.length === 0)
            note(
              'the database has no occupations yet: run `npm run cli -- import:esco --dir <release>` first',
            );
          const count = await runOccupationsClassifyCli({
            input: process.stdin,
            output: process.stdout,
            occupations,
            limit: o.top,
          });
          note(`${count} line${count === 1 ? '' : 's'} read, ${occupations.length} occupations known`);
        });
      });
  },
};
