import { Processor } from '@nestjs/bullmq';
import { PinoLogger } from 'nestjs-pino';
import { JobHandlerRegistry, QueueName, RegistryProcessor } from '@skillpath/queues';

@Processor(QueueName.Maintenance)
export class MaintenanceQueueProcessor extends RegistryProcessor {
  constructor(registry: JobHandlerRegistry, logger: PinoLogger) {
    super(QueueName.Maintenance, registry, logger);
  }
}
