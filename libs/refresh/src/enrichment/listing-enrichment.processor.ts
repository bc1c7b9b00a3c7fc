import { Injectable } from '@nestjs/common';
import { PinoLogger } from 'nestjs-pino';
import { JobHandlerRegistry, QueueName, RegistryProcessor } from '@skillpath/queues';

/**
 * The listing-enrichment queue's BullMQ worker; RefreshWorkerModule.forRoot applies
 * `@Processor(QueueName.ListingEnrichment, …)` to a subclass (one job at a time: it is CPU work).
 */
@Injectable()
export class ListingEnrichmentQueueProcessor extends RegistryProcessor {
  constructor(registry: JobHandlerRegistry, logger: PinoLogger) {
    super(QueueName.ListingEnrichment, registry, logger);
  }
}
