import { BullModule } from '@nestjs/bullmq';
import { Module } from '@nestjs/common';
import { AuthModule } from '@skillpath/auth';
import { CatalogueModule } from '@skillpath/catalogue';
import { QueueName } from '@skillpath/queues';
import { DiscoveryResolver } from './discovery/discovery.resolver';
import { MatchingIndexService } from './engine/matching-index.service';
import { NotificationService } from './notifications/notification.service';
import { NotificationsResolver } from './notifications/notifications.resolver';
import { AuditService } from './privacy/audit.service';
import { PrivacyResolver } from './privacy/privacy.resolver';
import { PrivacyService } from './privacy/privacy.service';
import { ProfileResolver } from './profile/profile.resolver';
import { ProfileService } from './profile/profile.service';
import { ReplanHandlers } from './roadmaps/replan.handlers';
import { ListingChangesProcessor, RoadmapReplanProcessor } from './roadmaps/replan.processors';
import { ReplanQueue } from './roadmaps/replan.queue';
import { RoadmapReader } from './roadmaps/roadmap.reader';
import { RoadmapResolver } from './roadmaps/roadmap.resolver';
import { RoadmapService } from './roadmaps/roadmap.service';
import { RoadmapStepsService } from './roadmaps/roadmap-steps.service';
import { DroppedOptionsRepository } from './roadmaps/dropped-options.repository';
import { DroppedOptionsResolver, DroppedOptionsService } from './roadmaps/dropped-options.resolver';

const CORE = [
  MatchingIndexService,
  ProfileService,
  RoadmapService,
  RoadmapReader,
  NotificationService,
  AuditService,
  ReplanQueue,
];

/** The resident's journey in the API: profile, skills, goal, discovery, roadmaps, notifications, privacy. */
@Module({
  imports: [CatalogueModule, AuthModule, BullModule.registerQueue({ name: QueueName.RoadmapReplan })],
  providers: [
    ...CORE,
    RoadmapStepsService,
    DroppedOptionsRepository,
    DroppedOptionsService,
    DroppedOptionsResolver,
    PrivacyService,
    ProfileResolver,
    DiscoveryResolver,
    RoadmapResolver,
    NotificationsResolver,
    PrivacyResolver,
  ],
  exports: [...CORE],
})
export class JourneyApiModule {}

/** The journey in the worker: re-planning roadmaps and fanning out listing changes. */
@Module({
  imports: [
    CatalogueModule,
    BullModule.registerQueue({ name: QueueName.RoadmapReplan }, { name: QueueName.ListingChanges }),
  ],
  providers: [...CORE, ReplanHandlers, RoadmapReplanProcessor, ListingChangesProcessor],
  exports: [...CORE],
})
export class JourneyWorkerModule {}
