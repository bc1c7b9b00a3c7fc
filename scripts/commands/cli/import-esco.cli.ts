import { CliCommand, note, printJson, withServices } from './cli-context';

type Counts = { inserted: number; updated: number; unchanged: number; skipped: number };
const counts = (c: Counts) =>
  `${c.inserted} new, ${c.updated} updated, ${c.unchanged} unchanged, ${c.skipped} skipped`;

/** `import:esco --dir DIR`: an ESCO CSV release into the database (idempotent), with a progress bar. */
export const cliCommand: CliCommand = {
  register(program) {
    program
      .command('import:esco')
      .description('import an ESCO CSV release (skills, occupations, relations) into the database')
      .requiredOption('--dir <dir>', 'the release folder, e.g. ../shared/data/esco/v1.1.1')
      .action(async (o: { dir: string }) => {
        await withServices(async (s) => {
          const { runMigrations } = await import('@skillpath/persistence');
          await runMigrations(s.databaseUrl);
          const { importEsco, ESCO_ATTRIBUTION } = await import('@skillpath/taxonomy');
          const { SingleBar, Presets } = await import('cli-progress');
          const bar = new SingleBar(
            {
              format: 'ESCO import |{bar}| {percentage}% | {phase} | {rows} rows',
              stream: process.stderr,
              hideCursor: true,
            },
            Presets.shades_classic,
          );
          let started = false;
          const summary = await importEsco({
            dir: o.dir,
            databaseUrl: s.databaseUrl,
            onProgress: (p) => {
              if (!started) {
                bar.start(Math.max(1, p.bytesTotal), 0, { phase: p.phase, rows: 0 });
                started = true;
              }
              bar.update(p.bytesDone, { phase: p.phase, rows: p.rows });
            },
          }).finally(() => started && bar.stop());
          note(`skills: ${counts(summary.skills)}`);
          note(`occupations: ${counts(summary.occupations)}`);
          note(`occupation skills: ${counts(summary.occupationSkills)}`);
          note(
            `${summary.digitalSkills} digital skills, ${summary.skillsWithBroaderSkill} with a broader skill, in ${(summary.durationMs / 1000).toFixed(1)} s`,
          );
          for (const w of summary.warnings) note(`warning: ${w}`);
          console.error(ESCO_ATTRIBUTION);
          printJson({
            skills: summary.skills,
            occupations: summary.occupations,
            occupationSkills: summary.occupationSkills,
            attribution: ESCO_ATTRIBUTION,
          });
        });
      });
  },
};
