import { CliCommand, note, positiveNumber, printJson, withSourceAdmin } from './cli-context';

/** `source:refresh`: queue a refresh now; with --wait, print the run's counts (exit 1 if it failed). */
export const cliCommand: CliCommand = {
  register(program, run) {
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
            printJson({ source: source.name, jobId: job.id });
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
          const ran = await admin.runOfJob(source.id, runJobKey(job));
          if (ran) {
            const { id, status, pages, fetched, created, updated, unchanged, expired, quarantined, error } =
              ran;
            const { startedAt, finishedAt } = ran;
            printJson({
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
            });
            if (status !== 'SUCCEEDED' || failure) run.fail();
          } else {
            printJson({
              source: source.name,
              jobId: job.id,
              status: failure ? 'FAILED' : 'SKIPPED',
              error: failure ?? null,
            });
            if (failure) run.fail();
          }
        });
      });
  },
};
