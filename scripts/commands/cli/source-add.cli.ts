import { CliCommand, positiveNumber, printJson, withSourceAdmin } from './cli-context';

interface SourceAddOptions {
  name: string;
  format: string;
  url: string;
  schedule?: string;
  credentialsEnv?: string;
  rateLimit?: number;
  pageSize?: number;
}

/** `source:add`: configure a listing feed (validated by the same service as the admin GraphQL API). */
export const cliCommand: CliCommand = {
  register(program) {
    program
      .command('source:add')
      .description('add a listing source (the worker schedules it if --schedule is given)')
      .requiredOption('--name <name>', 'unique name')
      .requiredOption(
        '--format <format>',
        'find-an-apprenticeship | jobposting-jsonld | course-jsonld | skills-bootcamps-csv',
      )
      .requiredOption('--url <url>', 'feed URL (Find an apprenticeship: the API base)')
      .option('--schedule <cron>', 'cron pattern, Europe/London (e.g. "0 */6 * * *")')
      .option(
        '--credentials-env <VAR>',
        'NAME of the environment variable holding the key (never the key itself)',
      )
      .option('--rate-limit <perSecond>', 'requests a second to this source', positiveNumber)
      .option('--page-size <n>', 'page size where the format has one', positiveNumber)
      .action(async (o: SourceAddOptions) => {
        await withSourceAdmin(async (admin) => {
          const source = await admin.create({
            name: o.name,
            format: o.format,
            url: o.url,
            schedule: o.schedule ?? null,
            credentialsEnv: o.credentialsEnv ?? null,
            rateLimitPerSecond: o.rateLimit,
            pageSize: o.pageSize,
          });
          const { id, name, format, url, schedule, credentialsEnv, rateLimitPerSecond, pageSize, enabled } =
            source;
          printJson({
            id,
            name,
            format,
            url,
            schedule,
            credentialsEnv,
            rateLimitPerSecond,
            pageSize,
            enabled,
          });
        });
      });
  },
};
