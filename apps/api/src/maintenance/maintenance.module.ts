import { BullModule } from '@nestjs/bullmq';
import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { MaintenanceRunEntity } from '@skillpath/persistence';
import { QueueName } from '@skillpath/queues';
import { MaintenanceResolver } from './maintenance.resolver';

@Module({
  imports: [
    BullModule.registerQueue({ name: QueueName.Maintenance }),
    TypeOrmModule.forFeature([MaintenanceRunEntity]),
  ],
  providers: [MaintenanceResolver],
})
export class MaintenanceModule {}
