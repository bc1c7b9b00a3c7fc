import { ALL_ROLES as ROLES, PasswordService, UserAccounts } from '@skillpath/auth';
import { type Role, UserEntity } from '@skillpath/persistence';
import { CliCommand, printJson, withDataSource, withServices } from './cli-context';

/** `user:create`: an account of any role — the only way to create an ADMIN. */
export const cliCommand: CliCommand = {
  register(program) {
    program
      .command('user:create')
      .description('create an account (the only way to create an ADMIN)')
      .requiredOption('--email <email>')
      .requiredOption('--password <password>', 'at least 10 characters')
      .option('--role <role>', `one of ${ROLES.join(', ')}`, 'LEARNER')
      .option('--name <displayName>', 'display name')
      .action(async (o: { email: string; password: string; role: string; name?: string }) => {
        const role = o.role.toUpperCase() as Role;
        if (!ROLES.includes(role))
          throw new Error(`--role must be one of ${ROLES.join(', ')} (got "${o.role}")`);
        if (!/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(o.email))
          throw new Error(`--email "${o.email}" is not an email address`);
        await withServices((s) =>
          withDataSource(
            s,
            async (ds) => {
              // The same account rules as self-registration (password length, unique email, hashing).
              const accounts = new UserAccounts(ds.getRepository(UserEntity), new PasswordService());
              const email = o.email.trim().toLowerCase();
              const user = await accounts.createUser({
                email,
                password: o.password,
                role,
                displayName: o.name ?? email.split('@')[0],
              });
              printJson({ id: user.id, email: user.email, role: user.role });
            },
            1,
          ),
        );
      });
  },
};
