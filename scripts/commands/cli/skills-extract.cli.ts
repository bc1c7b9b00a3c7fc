import { CliCommand, note, withServices } from './cli-context';

/** `skills:extract`: one text a line on stdin → one `{"skills":[…]}` JSON line each on stdout. */
export const cliCommand: CliCommand = {
  register(program) {
    program
      .command('skills:extract')
      .description(
        'read texts (one per line) on stdin, write {"skills":[…]} JSON lines on stdout, using the database taxonomy',
      )
      .action(async () => {
        await withServices(async (s) => {
          const { loadSkillsFromDatabase, runSkillsExtractCli } = await import('@skillpath/taxonomy');
          const skills = await loadSkillsFromDatabase(s.databaseUrl);
          if (skills.length === 0)
            note('the database has no skills yet: run `npm run cli -- import:esco --dir <release>` first');
          const count = await runSkillsExtractCli({ input: process.stdin, output: process.stdout, skills });
          note(`${count} line${count === 1 ? '' : 's'} read, ${skills.length} skills known`);
        });
      });
  },
};
