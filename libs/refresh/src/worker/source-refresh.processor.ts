import { Injectable } from '@nestjs/common';
import { PinoLogger } from 'nestjs-pino';
import { JobHandlerRegistry, QueueName, RegistryProcessor } from '@skillpath/queues';

/**
 * The source-refresh queue's BullMQ worker. Not decorated here: RefreshWorkerModule.forRoot applies
 * `@Processor(QueueName.SourceRefresh, workerOptions)` to a subclass, so concurrency and lock
 * timings can be chosen when the module is imported. Connection errors are logged by the base class.
 */
@Injectable()
export class SourceRefreshQueueProcessor extends RegistryProcessor {
  constructor(registry: JobHandlerRegistry, logger: PinoLogger) {
    super(QueueName.SourceRefresh, registry, logger);
  }
}
