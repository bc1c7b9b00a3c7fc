import { generateMigration } from '../../db/generate-migration';
import { CliCommand, note, withServices } from './cli-context';

/** `db:generate-migration <Name>`: a migration for what the entities changed. */
export const cliCommand: CliCommand = {
  register(program) {
    program
      .command('db:generate-migration <Name>')
      .description('write a migration for the difference between the entities and the migrations')
      .action(async (name: string) => {
        await withServices(async (s) => {
          const path = await generateMigration(s.databaseServerUrl, name);
          note(
            path ? `wrote ${path}; add it to libs/persistence/src/migrations/index.ts` : 'no schema changes',
          );
        });
      });
  },
};
