import { CliCommand, note, positiveNumber, withServices } from './cli-context';

/**
 * `skills:extract`: one text a line on stdin → one `{"skills":[{id,uri,label,score}]}` JSON line each on
 * stdout: the set that would be stored, or with `--ranked K` the K best taxonomy skills, best first.
 */
export const cliCommand: CliCommand = {
  register(program, run) {
    program
      .command('skills:extract')
      .description(
        'read texts (one per line) on stdin, write {"skills":[{id,uri,label,score}]} JSON lines on stdout: the set that would be stored, or with --ranked K the K best skills',
      )
      .option(
        '--ranked <K>',
        'the K best taxonomy skills per line, best first, whatever the threshold',
        positiveNumber,
      )
      .action(async (options: { ranked?: number }) => {
        await withServices(async (s) => {
          const { runSkillsExtractCommand } = await import('@skillpath/taxonomy');
          const code = await runSkillsExtractCommand({
            databaseUrl: s.databaseUrl,
            ranked: options.ranked,
            note,
          });
          if (code !== 0) run.fail(code);
        });
      });
  },
};
