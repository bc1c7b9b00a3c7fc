import { BullModule } from '@nestjs/bullmq';
import { Global, Module } from '@nestjs/common';
import { ListingChangesPublisher } from './listing-changes.publisher';
import { QueueName } from './queues';

/** One publisher of listing changes per process, for every module that edits or refreshes listings. */
@Global()
@Module({
  imports: [BullModule.registerQueue({ name: QueueName.ListingChanges })],
  providers: [ListingChangesPublisher],
  exports: [ListingChangesPublisher],
})
export class ListingChangesModule {}
