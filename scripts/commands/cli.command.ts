import { Command, CommanderError, InvalidArgumentError } from 'commander';
import { createDataSource, Role, runMigrations, UserEntity } from '@skillpath/persistence';
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

function positiveNumber(value: string): number {
  const n = Number(value);
  if (!Number.isFinite(n) || n <= 0)
    throw new InvalidArgumentError(`must be a number more than 0 (got "${value}")`);
  return n;
}

/**
 * The source admin service on the real queue, with the same Redis prefix the worker uses (read
 * through the app's config, so REDIS_PREFIX is honoured).
 */
async function withSourceAdmin<T>(
  fn: (
    admin: import('@skillpath/refresh').SourceAdminService,
    queues: { events: import('bullmq').QueueEvents },
  ) => Promise<T>,
): Promise<T> {
  return withServices(async (s) => {
    const { loadConfigWithSecrets } = await import('@skillpath/config');
    const { Queue, QueueEvents } = await import('bullmq');
    const { QueueName, redisConnectionOptions } = await import('@skillpath/queues');
    const { SourceAdminService } = await import('@skillpath/refresh');
    const config = loadConfigWithSecrets({
      ...process.env,
      DATABASE_URL: s.databaseUrl,
      REDIS_URL: s.redisUrl,
      LOG_LEVEL: 'silent',
    });
    await runMigrations(s.databaseUrl);
    const ds = createDataSource({ url: s.databaseUrl, poolSize: 2, applicationName: 'skillpath-cli' });
    await ds.initialize();
    const connection = redisConnectionOptions(config.redis.url);
    const queue = new Queue(QueueName.SourceRefresh, { connection, prefix: config.redis.prefix });
    const events = new QueueEvents(QueueName.SourceRefresh, { connection, prefix: config.redis.prefix });
    try {
      await events.waitUntilReady();
      return await fn(new SourceAdminService(ds, queue), { events });
    } finally {
      await events.close();
      await queue.close();
      await ds.destroy();
    }
  });
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
      if (!ROLES.includes(role))
        throw new Error(`--role must be one of ${ROLES.join(', ')} (got "${o.role}")`);
      if (o.password.length < 10) throw new Error('--password must be at least 10 characters');
      if (!/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(o.email))
        throw new Error(`--email "${o.email}" is not an email address`);
      await withServices(async (s) => {
        const { PasswordService } = await import('@skillpath/auth');
        const ds = createDataSource({ url: s.databaseUrl, poolSize: 1 });
        await ds.initialize();
        try {
          const repo = ds.getRepository(UserEntity);
          const email = o.email.trim().toLowerCase();
          if (await repo.findOne({ where: { email } }))
            throw new Error(`an account with email ${email} already exists`);
          const passwordHash = await new PasswordService().hash(o.password);
          const user = await repo.save(
            repo.create({ email, passwordHash, role, displayName: o.name ?? email.split('@')[0] }),
          );
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
        note(
          path ? `wrote ${path}; add it to libs/persistence/src/migrations/index.ts` : 'no schema changes',
        );
      });
    });

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
    .action(
      async (o: {
        name: string;
        format: string;
        url: string;
        schedule?: string;
        credentialsEnv?: string;
        rateLimit?: number;
        pageSize?: number;
      }) => {
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
          console.log(
            JSON.stringify({
              id,
              name,
              format,
              url,
              schedule,
              credentialsEnv,
              rateLimitPerSecond,
              pageSize,
              enabled,
            }),
          );
        });
      },
    );

  program
    .command('source:refresh')
    .description('refresh a source now, through the worker queue')
    .requiredOption('--name <name>', 'the source')
    .option('--wait', 'wait for the run to finish and print its counts (exit 1 if it failed)')
    .option('--timeout <seconds>', 'with --wait: give up after this long', positiveNumber, 3600)
    .action(async (o: { name: string; wait?: boolean; timeout: number }) => {
      await withSourceAdmin(async (admin, queues) => {
        const source = await admin.getByName(o.name);
        const { job } = await admin.requestRefresh(source.id, 'cli');
        note(`refresh of "${source.name}" queued as job ${job.id}`);
        if (!o.wait) {
          console.log(JSON.stringify({ source: source.name, jobId: job.id }));
          return;
        }
        note('waiting for a worker to run it (start one with `npm run start:worker` if none is running)');
        const { runJobKey } = await import('@skillpath/refresh');
        let failure: string | undefined;
        try {
          await job.waitUntilFinished(queues.events, o.timeout * 1000);
        } catch (e) {
          failure = e instanceof Error ? e.message : String(e);
        }
        const run = await admin.runOfJob(source.id, runJobKey(job));
        if (run) {
          const {
            id,
            status,
            pages,
            fetched,
            created,
            updated,
            unchanged,
            expired,
            quarantined,
            error,
            startedAt,
            finishedAt,
          } = run;
          console.log(
            JSON.stringify({
              source: source.name,
              runId: id,
              status,
              pages,
              fetched,
              created,
              updated,
              unchanged,
              expired,
              quarantined,
              error,
              startedAt,
              finishedAt,
            }),
          );
          if (status !== 'SUCCEEDED') exitCode = 1;
        } else {
          console.log(
            JSON.stringify({
              source: source.name,
              jobId: job.id,
              status: failure ? 'FAILED' : 'SKIPPED',
              error: failure ?? null,
            }),
          );
          if (failure) exitCode = 1;
        }
        if (failure && exitCode === 0) exitCode = 1;
      });
    });

  program
    .command('import:esco')
    .description('import an ESCO CSV release (skills, occupations, relations) into the database')
    .requiredOption('--dir <dir>', 'the release folder, e.g. ../shared/data/esco/v1.1.1')
    .action(async (o: { dir: string }) => {
      await withServices(async (s) => {
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
        const t = (c: { inserted: number; updated: number; unchanged: number; skipped: number }) =>
          `${c.inserted} new, ${c.updated} updated, ${c.unchanged} unchanged, ${c.skipped} skipped`;
        note(`skills: ${t(summary.skills)}`);
        note(`occupations: ${t(summary.occupations)}`);
        note(`occupation skills: ${t(summary.occupationSkills)}`);
        note(
          `${summary.digitalSkills} digital skills, ${summary.skillsWithBroaderSkill} with a broader skill, in ${(summary.durationMs / 1000).toFixed(1)} s`,
        );
        for (const w of summary.warnings) note(`warning: ${w}`);
        console.error(ESCO_ATTRIBUTION);
        console.log(
          JSON.stringify({
            skills: summary.skills,
            occupations: summary.occupations,
            occupationSkills: summary.occupationSkills,
            attribution: ESCO_ATTRIBUTION,
          }),
        );
      });
    });

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
