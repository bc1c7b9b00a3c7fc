import { Command, CommanderError } from 'commander';
import { createDataSource, Role, UserEntity } from '@skillpath/persistence';
import { ensureServices, MissingServiceError, Services } from '../services/services';
import { generateMigration } from '../db/generate-migration';
import { toolEnv } from './env';

// Progress and service lines go to stderr so that commands whose output is data (skills:extract)
// can be piped.
const note = (line: string) => console.error(`[skillpath] ${line}`);

async function withServices<T>(fn: (s: Services) => Promise<T>): Promise<T> {
  const services = await ensureServices(toolEnv(), note);
  try {
    return await fn(services);
  } finally {
    await services.stop();
  }
}

const ROLES: Role[] = ['LEARNER', 'EMPLOYER', 'PROVIDER', 'PARTNER', 'ADMIN'];

/** `npm run cli -- <command>`: the operators' command line. */
export async function runCliCommand(argv: string[]): Promise<number> {
  const program = new Command('npm run cli --').exitOverride().showHelpAfterError();
  let exitCode = 0;

  program
    .command('user:create')
    .description('create an account (the only way to create an ADMIN)')
    .requiredOption('--email <email>')
    .requiredOption('--password <password>', 'at least 10 characters')
    .option('--role <role>', `one of ${ROLES.join(', ')}`, 'LEARNER')
    .option('--name <displayName>', 'display name')
    .action(async (o: { email: string; password: string; role: string; name?: string }) => {
      const role = o.role.toUpperCase() as Role;
      if (!ROLES.includes(role)) throw new Error(`--role must be one of ${ROLES.join(', ')} (got "${o.role}")`);
      if (o.password.length < 10) throw new Error('--password must be at least 10 characters');
      if (!/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(o.email)) throw new Error(`--email "${o.email}" is not an email address`);
      await withServices(async (s) => {
        const { PasswordService } = await import('@skillpath/auth');
        const ds = createDataSource({ url: s.databaseUrl, poolSize: 1 });
        await ds.initialize();
        try {
          const repo = ds.getRepository(UserEntity);
          const email = o.email.trim().toLowerCase();
          if (await repo.findOne({ where: { email } })) throw new Error(`an account with email ${email} already exists`);
          const passwordHash = await new PasswordService().hash(o.password);
          const user = await repo.save(repo.create({ email, passwordHash, role, displayName: o.name ?? email.split('@')[0] }));
          console.log(JSON.stringify({ id: user.id, email: user.email, role: user.role }));
        } finally {
          await ds.destroy();
        }
      });
    });

  program
    .command('db:generate-migration <Name>')
    .description('write a migration for the difference between the entities and the migrations')
    .action(async (name: string) => {
      await withServices(async (s) => {
        const path = await generateMigration(s.databaseServerUrl, name);
        note(path ? `wrote ${path}; add it to libs/persistence/src/migrations/index.ts` : 'no schema changes');
      });
    });

  try {
    await program.parseAsync(argv, { from: 'user' });
  } catch (e) {
    if (e instanceof CommanderError) return e.exitCode === 0 ? 0 : 2;
    if (e instanceof MissingServiceError) {
      note(e.message);
      return 1;
    }
    console.error(`Error: ${e instanceof Error ? e.message : String(e)}`);
    exitCode = 1;
  }
  return exitCode;
}
