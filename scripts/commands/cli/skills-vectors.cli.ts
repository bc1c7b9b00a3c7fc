import { CliCommand, note, withServices } from './cli-context';

/** `skills:vectors --dir <ESCO release>`: encode the taxonomy's skill texts once and store the vectors. */
export const cliCommand: CliCommand = {
  register(program) {
    program
      .command('skills:vectors')
      .description(
        "encode the ESCO release's skill labels, descriptions and groups once and store them for ranked extraction",
      )
      .requiredOption('--dir <path>', 'the ESCO release folder (as for import:esco)')
      .option('--force', 'rebuild even when this taxonomy version is already stored')
      .action(async (options: { dir: string; force?: boolean }) => {
        await withServices(async (s) => {
          const { buildAndStoreSkillVectors } = await import('@skillpath/taxonomy');
          let last = 0;
          const result = await buildAndStoreSkillVectors({
            databaseUrl: s.databaseUrl,
            dir: options.dir,
            force: options.force,
            onProgress: (done, total) => {
              if (done - last >= 5000 || done === total) note(`${(last = done)}/${total} texts encoded`);
            },
          });
          note(result.built ? `stored ${result.vectors} vectors` : 'already stored: nothing to do');
          console.log(JSON.stringify(result));
        });
      });
  },
};
