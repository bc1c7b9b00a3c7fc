import { CliCommand, configFor, printJson, withDataSource, withServices } from './cli-context';

interface OrgVerifyOptions {
  id?: string;
  name?: string;
  reject?: boolean;
  reason?: string;
}

/**
 * `org:verify`: an operator verifies an organisation after checking its evidence (UKPRN, Companies House
 * or charity number) against the public register, or rejects it with a reason. Same rules and audit
 * entry as the `verifyOrganisation` / `rejectOrganisation` mutations (libs/partners).
 */
export const cliCommand: CliCommand = {
  register(program) {
    program
      .command('org:verify')
      .description(
        'verify an organisation after checking its evidence (UKPRN, Companies House or charity number), or reject it',
      )
      .option('--id <uuid>', 'the organisation')
      .option('--name <name>', 'the organisation, by its exact name')
      .option('--reject', 'reject instead of verifying')
      .option('--reason <text>', 'with --reject: why (the organisation is told)')
      .action(async (o: OrgVerifyOptions) => {
        await withServices(async (s) => {
          const config = await configFor(s);
          const { Queue } = await import('bullmq');
          const { default: Redis } = await import('ioredis');
          const { JobName, QueueName, listingChangesChannel, redisConnectionOptions } =
            await import('@skillpath/queues');
          const { verifyOrganisationFromCli } = await import('@skillpath/partners');
          await withDataSource(s, async (ds) => {
            const org = await verifyOrganisationFromCli(ds, o, async (changedIds) => {
              // Running APIs re-rank the employer's accredited courses, as after the GraphQL mutation.
              const connection = redisConnectionOptions(config.redis.url);
              const queue = new Queue(QueueName.ListingChanges, { connection, prefix: config.redis.prefix });
              const redis = new Redis(connection);
              try {
                const changes = { changedIds, expiredIds: [], origin: 'org:verify' };
                await queue.add(JobName.FanOutListingChanges, changes);
                await redis.publish(listingChangesChannel(config.redis.prefix), JSON.stringify(changes));
              } finally {
                await queue.close();
                redis.disconnect();
              }
            });
            const { id, name, kind, verification, evidenceKind, evidenceNumber, rejectionReason } = org;
            printJson({ id, name, kind, verification, evidenceKind, evidenceNumber, rejectionReason });
          });
        });
      });
  },
};
