import { BullModule, Processor } from '@nestjs/bullmq';
import { DynamicModule, Module } from '@nestjs/common';
import { getDataSourceToken } from '@nestjs/typeorm';
import type { WorkerOptions } from 'bullmq';
import { PinoLogger } from 'nestjs-pino';
import type { DataSource } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '@skillpath/config';
import { ListingChangesPublisher, QueueName } from '@skillpath/queues';
import { SkillMatcherCache } from '../skill-matcher.cache';
import { SourceRefreshRunner, type SourceRefreshOptions } from '../source-refresh.runner';
import { SOURCE_REFRESH_RUNNER, SourceRefreshHandlers } from './source-refresh.handlers';
import { SourceRefreshQueueProcessor } from './source-refresh.processor';
import { SourceSchedulesBootstrap } from './source-schedules.bootstrap';
import { ListingEnricher } from '../enrichment/listing-enricher';
import { ListingEnrichmentRepository } from '../enrichment/listing-enrichment.repository';
import { rankedExtractorFromDatabase } from '../enrichment/ranked-extractor-source';
import { LISTING_ENRICHER, ListingEnrichmentHandlers } from '../enrichment/listing-enrichment.handlers';
import { ListingEnrichmentQueueProcessor } from '../enrichment/listing-enrichment.processor';

export interface RefreshWorkerOptions {
  /** Register job schedulers on start (default true; tests turn it off). */
  schedules?: boolean;
  /** Sources refreshed at once by this process (default 2). */
  concurrency?: number;
  /** BullMQ lock of an active job; a killed worker's job is picked up again once it lapses (default 30 s). */
  lockDurationMs?: number;
  /** How often stalled jobs are looked for (default 30 s). */
  stalledIntervalMs?: number;
  fetch?: SourceRefreshOptions['fetch'];
  secrets?: SourceRefreshOptions['secrets'];
}

/**
 * Everything the worker needs to refresh sources: the source-refresh queue's processor, the
 * refresh-source handler and the schedules. Import it into a module that already provides
 * TypeOrmModule.forRoot, BullModule.forRoot, AppConfigModule, LoggerModule and the global JobsModule
 * and ListingChangesModule (the WorkerModule).
 */
@Module({})
export class RefreshWorkerModule {
  static forRoot(options: RefreshWorkerOptions = {}): DynamicModule {
    const workerOptions: Partial<WorkerOptions> = {
      concurrency: options.concurrency ?? 2,
      ...(options.lockDurationMs ? { lockDuration: options.lockDurationMs } : {}),
      ...(options.stalledIntervalMs ? { stalledInterval: options.stalledIntervalMs } : {}),
    };
    // A subclass per import, so the worker options set here belong to this module only.
    class ConfiguredSourceRefreshProcessor extends SourceRefreshQueueProcessor {}
    Processor(QueueName.SourceRefresh, workerOptions)(ConfiguredSourceRefreshProcessor);
    // Enrichment is CPU work in this process: one job at a time, with the refresh lock timings.
    class ConfiguredEnrichmentProcessor extends ListingEnrichmentQueueProcessor {}
    Processor(QueueName.ListingEnrichment, { ...workerOptions, concurrency: 1 })(
      ConfiguredEnrichmentProcessor,
    );

    return {
      module: RefreshWorkerModule,
      imports: [
        BullModule.registerQueue({ name: QueueName.SourceRefresh }, { name: QueueName.ListingEnrichment }),
      ],
      providers: [
        {
          provide: SkillMatcherCache,
          inject: [getDataSourceToken()],
          useFactory: (ds: DataSource) => new SkillMatcherCache(ds),
        },
        {
          provide: SOURCE_REFRESH_RUNNER,
          inject: [getDataSourceToken(), ListingChangesPublisher, SkillMatcherCache, PinoLogger, APP_CONFIG],
          useFactory: (
            ds: DataSource,
            publisher: ListingChangesPublisher,
            skills: SkillMatcherCache,
            logger: PinoLogger,
            config: AppConfig,
          ) =>
            new SourceRefreshRunner(ds, publisher, {
              skills,
              logger,
              fetch: options.fetch,
              secrets: options.secrets,
              network: {
                allowPrivateNetworks: config.sources.allowPrivateNetworks,
                maxResponseBytes: config.sources.maxResponseBytes,
              },
            }),
        },
        {
          provide: LISTING_ENRICHER,
          inject: [getDataSourceToken(), ListingChangesPublisher, PinoLogger, APP_CONFIG],
          useFactory: (
            ds: DataSource,
            publisher: ListingChangesPublisher,
            logger: PinoLogger,
            config: AppConfig,
          ) =>
            new ListingEnricher(
              ds,
              publisher,
              logger,
              rankedExtractorFromDatabase(new ListingEnrichmentRepository(ds), config.database.url, logger),
            ),
        },
        SourceRefreshHandlers,
        ConfiguredSourceRefreshProcessor,
        ListingEnrichmentHandlers,
        ConfiguredEnrichmentProcessor,
        ...(options.schedules === false ? [] : [SourceSchedulesBootstrap]),
      ],
      exports: [SOURCE_REFRESH_RUNNER, LISTING_ENRICHER],
    };
  }
}
