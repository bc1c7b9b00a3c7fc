import { BullModule } from '@nestjs/bullmq';
import { Module } from '@nestjs/common';
import { AuthModule } from '@skillpath/auth';
import { CatalogueModule } from '@skillpath/catalogue';
import { QueueName } from '@skillpath/queues';
import { JourneyCatalogueRepository } from './catalogue/journey-catalogue.repository';
import { JourneyTransactions } from './data/journey-transactions';
import { DiscoveryResolver } from './discovery/discovery.resolver';
import { DiscoveryService } from './discovery/discovery.service';
import { CatalogueRecordsRepository } from './engine/catalogue-records.repository';
import { MatchingIndexService } from './engine/matching-index.service';
import { NotificationRepository } from './notifications/notification.repository';
import { NotificationService } from './notifications/notification.service';
import { NotificationsResolver } from './notifications/notifications.resolver';
import { AuditRepository } from './privacy/audit.repository';
import { AuditService } from './privacy/audit.service';
import { PrivacyResolver } from './privacy/privacy.resolver';
import { OpportunityOutcomesResolver, RoadmapStepOutcomesResolver } from './outcomes/outcomes.resolver';
import { OutcomesRepository } from './outcomes/outcomes.repository';
import { OutcomesService } from './outcomes/outcomes.service';
import { PrivacyRepository } from './privacy/privacy.repository';
import { PrivacyService } from './privacy/privacy.service';
import { LearnerProfileRepository } from './profile/learner-profile.repository';
import { ProfileActionsService } from './profile/profile-actions.service';
import { ProfileResolver } from './profile/profile.resolver';
import { ProfileService } from './profile/profile.service';
import { ReplanHandlers } from './roadmaps/replan.handlers';
import { ListingChangesProcessor, RoadmapReplanProcessor } from './roadmaps/replan.processors';
import { ReplanQueue } from './roadmaps/replan.queue';
import { RoadmapReader } from './roadmaps/roadmap.reader';
import { TaxonomyLookups } from './catalogue/taxonomy-lookups';
import { RoadmapRepository } from './roadmaps/roadmap.repository';
import { RoadmapResolver } from './roadmaps/roadmap.resolver';
import { RoadmapService } from './roadmaps/roadmap.service';
import { RoadmapStepsService } from './roadmaps/roadmap-steps.service';
import { DroppedOptionsRepository } from './roadmaps/dropped-options.repository';
import { DroppedOptionsResolver, DroppedOptionsService } from './roadmaps/dropped-options.resolver';

const CORE = [
  JourneyTransactions,
  CatalogueRecordsRepository,
  JourneyCatalogueRepository,
  LearnerProfileRepository,
  RoadmapRepository,
  OutcomesRepository,
  MatchingIndexService,
  ProfileService,
  RoadmapService,
  RoadmapReader,
  TaxonomyLookups,
  NotificationRepository,
  NotificationService,
  AuditRepository,
  AuditService,
  ReplanQueue,
];

/**
 * The journey's services without its GraphQL surface: what other domains (partners) may use —
 * profiles, roadmaps, the matching index, notifications, audit, re-planning.
 */
@Module({
  imports: [CatalogueModule, BullModule.registerQueue({ name: QueueName.RoadmapReplan })],
  providers: CORE,
  exports: CORE,
})
export class JourneyCoreModule {}

/** The resident's journey in the API: profile, skills, goal, discovery, roadmaps, notifications, privacy. */
@Module({
  imports: [CatalogueModule, AuthModule, JourneyCoreModule],
  providers: [
    RoadmapStepsService,
    DroppedOptionsRepository,
    DroppedOptionsService,
    DroppedOptionsResolver,
    ProfileActionsService,
    DiscoveryService,
    OutcomesService,
    OpportunityOutcomesResolver,
    RoadmapStepOutcomesResolver,
    PrivacyRepository,
    PrivacyService,
    ProfileResolver,
    DiscoveryResolver,
    RoadmapResolver,
    NotificationsResolver,
    PrivacyResolver,
  ],
  exports: [JourneyCoreModule],
})
export class JourneyApiModule {}

/** The journey in the worker: re-planning roadmaps and fanning out listing changes. */
@Module({
  imports: [
    CatalogueModule,
    JourneyCoreModule,
    BullModule.registerQueue({ name: QueueName.RoadmapReplan }, { name: QueueName.ListingChanges }),
  ],
  providers: [ReplanHandlers, RoadmapReplanProcessor, ListingChangesProcessor],
  exports: [JourneyCoreModule],
})
export class JourneyWorkerModule {}
