import { Inject, MiddlewareConsumer, Module, NestModule, RequestMethod } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import type { Queue } from 'bullmq';
import { AuthModule } from '@skillpath/auth';
import { UserEntity } from '@skillpath/persistence';
import { AdminHttpAuth } from './admin-http-auth';
import { ALL_QUEUES, allQueuesImport, allQueuesProvider } from './all-queues.provider';
import { MetricsServer } from './metrics-server';
import { ObservabilityController } from './observability.controller';
import { QUEUE_BOARD_PATH, queueBoardRouter } from './queue-board';
import { RefreshMetrics } from './refresh-metrics';

/** `/metrics` (Prometheus) and `/admin/queues` (Bull Board over every queue, ADMIN only). */
@Module({
  imports: [AuthModule, TypeOrmModule.forFeature([UserEntity]), allQueuesImport],
  controllers: [ObservabilityController],
  providers: [allQueuesProvider, RefreshMetrics, AdminHttpAuth, MetricsServer],
})
export class ObservabilityModule implements NestModule {
  constructor(
    @Inject(ALL_QUEUES) private readonly queues: Queue[],
    private readonly adminAuth: AdminHttpAuth,
  ) {}

  configure(consumer: MiddlewareConsumer): void {
    const path = QUEUE_BOARD_PATH.slice(1);
    consumer
      .apply(queueBoardRouter(this.queues, this.adminAuth))
      .forRoutes({ path, method: RequestMethod.ALL }, { path: `${path}/{*rest}`, method: RequestMethod.ALL });
  }
}
