import { BullModule, getQueueToken } from '@nestjs/bullmq';
import { Module } from '@nestjs/common';
import { getDataSourceToken } from '@nestjs/typeorm';
import type { Queue } from 'bullmq';
import type { DataSource } from 'typeorm';
import { QueueName } from '@skillpath/queues';
import { SourceAdminService } from '../source-admin.service';
import { SourcesRepository } from '../sources.repository';
import { SourcesResolver } from './sources.resolver';

/**
 * GraphQL admin operations on listing sources. Import into the API's AppModule (which provides
 * TypeOrmModule.forRoot, BullModule.forRoot, GraphQLModule and the global AuthGuard).
 */
@Module({
  imports: [BullModule.registerQueue({ name: QueueName.SourceRefresh })],
  providers: [
    {
      provide: SourceAdminService,
      inject: [getDataSourceToken(), getQueueToken(QueueName.SourceRefresh)],
      useFactory: (ds: DataSource, queue: Queue) => new SourceAdminService(new SourcesRepository(ds), queue),
    },
    SourcesResolver,
  ],
  exports: [SourceAdminService],
})
export class SourcesApiModule {}
