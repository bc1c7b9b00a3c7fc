import { BullModule } from '@nestjs/bullmq';
import { DynamicModule, INestApplicationContext, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { TypeOrmModule } from '@nestjs/typeorm';
import { LoggerModule } from 'nestjs-pino';
import { AppConfig, AppConfigModule } from '@skillpath/config';
import { dataSourceOptions } from '@skillpath/persistence';
import { JobsModule, ListingChangesModule, redisConnectionOptions } from '@skillpath/queues';
import { RefreshWorkerModule, type RefreshWorkerOptions } from '../worker/refresh-worker.module';

/**
 * A worker that only refreshes sources, wired as apps/worker's WorkerModule wires the real one
 * (config, logger, TypeORM, BullMQ roots + RefreshWorkerModule). Used by the integration tests,
 * the crash-test child process and the benchmark.
 */
@Module({})
export class RefreshOnlyWorkerModule {
  static forRoot(config: AppConfig, options: RefreshWorkerOptions = {}): DynamicModule {
    return {
      module: RefreshOnlyWorkerModule,
      imports: [
        AppConfigModule.forRoot(config),
        JobsModule,
        ListingChangesModule,
        LoggerModule.forRoot({ pinoHttp: { level: config.logLevel } }),
        TypeOrmModule.forRoot(
          dataSourceOptions({
            url: config.database.url,
            poolSize: config.database.poolSize,
            applicationName: 'skillpath-refresh-worker',
          }),
        ),
        BullModule.forRoot({
          connection: redisConnectionOptions(config.redis.url),
          prefix: config.redis.prefix,
        }),
        RefreshWorkerModule.forRoot({ concurrency: config.worker.concurrency, ...options }),
      ],
    };
  }
}

export async function startRefreshWorker(
  config: AppConfig,
  options: RefreshWorkerOptions = {},
): Promise<INestApplicationContext> {
  const app = await NestFactory.createApplicationContext(RefreshOnlyWorkerModule.forRoot(config, options), {
    logger: false,
  });
  app.enableShutdownHooks();
  return app;
}
