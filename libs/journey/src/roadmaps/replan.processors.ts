import { Processor } from '@nestjs/bullmq';
import { PinoLogger } from 'nestjs-pino';
import { JobHandlerRegistry, QueueName, RegistryProcessor } from '@skillpath/queues';

@Processor(QueueName.RoadmapReplan)
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
