import { Processor } from '@nestjs/bullmq';
import { PinoLogger } from 'nestjs-pino';
import { JobHandlerRegistry, QueueName, RegistryProcessor } from '@skillpath/queues';

/**
 * Re-plans run this many at a time in one worker. A re-plan is a few milliseconds of planning between
 * PostgreSQL round trips, so one at a time left the worker mostly waiting; eight overlap the waits and
 * stay within the worker's database pool (DATABASE_POOL_SIZE, 10 by default), leaving room for the
 * refresh and fan-out jobs.
 */
export const REPLAN_CONCURRENCY = 8;

@Processor(QueueName.RoadmapReplan, { concurrency: REPLAN_CONCURRENCY })
export class RoadmapReplanProcessor extends RegistryProcessor {
  constructor(registry: JobHandlerRegistry, logger: PinoLogger) {
    super(QueueName.RoadmapReplan, registry, logger);
  }
}

@Processor(QueueName.ListingChanges)
export class ListingChangesProcessor extends RegistryProcessor {
  constructor(registry: JobHandlerRegistry, logger: PinoLogger) {
    super(QueueName.ListingChanges, registry, logger);
  }
}
