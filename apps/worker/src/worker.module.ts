import { BullModule } from '@nestjs/bullmq';
import { DynamicModule, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { LoggerModule } from 'nestjs-pino';
import { AppConfig, AppConfigModule } from '@skillpath/config';
import { JourneyWorkerModule } from '@skillpath/journey';
import { dataSourceOptions } from '@skillpath/persistence';
import { JobsModule, ListingChangesModule, QueueName, redisConnectionOptions } from '@skillpath/queues';
import { RefreshWorkerModule } from '@skillpath/refresh';
import { MaintenanceQueueProcessor } from './maintenance/maintenance.processor';
import { MaintenanceHandlers } from './maintenance/maintenance.handlers';
import { Schedules } from './schedules';

@Module({})
export class WorkerModule {
  static forRoot(config: AppConfig, opts: { schedules?: boolean } = {}): DynamicModule {
    return {
      module: WorkerModule,
      imports: [
        AppConfigModule.forRoot(config),
        JobsModule,
        LoggerModule.forRoot({ pinoHttp: { level: config.logLevel } }),
        TypeOrmModule.forRoot(
          dataSourceOptions({
            url: config.database.url,
            poolSize: config.database.poolSize,
            applicationName: 'skillpath-worker',
          }),
        ),
        BullModule.forRoot({
          connection: redisConnectionOptions(config.redis.url),
          prefix: config.redis.prefix,
        }),
        BullModule.registerQueue({ name: QueueName.Maintenance }),
        ListingChangesModule,
        JourneyWorkerModule,
        RefreshWorkerModule.forRoot({
          concurrency: config.worker.concurrency,
          schedules: opts.schedules !== false,
        }),
      ],
      providers: [
        MaintenanceHandlers,
        MaintenanceQueueProcessor,
        ...(opts.schedules === false ? [] : [Schedules]),
      ],
    };
  }
}
