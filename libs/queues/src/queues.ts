import type { JobsOptions } from 'bullmq';
import type { ReplanTrigger } from '@skillpath/persistence';

/** Every BullMQ queue, one concern each. */
export enum QueueName {
  Maintenance = 'maintenance',
  SourceRefresh = 'source-refresh',
  ListingChanges = 'listing-changes',
  RoadmapReplan = 'roadmap-replan',
  ListingEnrichment = 'listing-enrichment',
}

/** Every job, with the queue it runs on (JOB_QUEUE). */
export enum JobName {
  ExpireClosedOpportunities = 'expire-closed-opportunities',
  RefreshSource = 'refresh-source',
  FanOutListingChanges = 'fan-out-listing-changes',
  ReplanRoadmap = 'replan-roadmap',
  EnrichListings = 'enrich-listings',
}

/** Why a roadmap is re-planned; the same values are stored on each roadmap version. */
export type ReplanTriggerName = ReplanTrigger;

/** The payload of each job; a handler receives exactly this. */
export interface JobPayloads {
  [JobName.ExpireClosedOpportunities]: { requestedBy: string; asOf?: string };
  [JobName.RefreshSource]: { sourceId: string; requestedBy: string };
  /** Opportunities a refresh (or an edit, or expiry) created/changed and expired. */
  [JobName.FanOutListingChanges]: { changedIds: string[]; expiredIds: string[]; origin: string };
  [JobName.ReplanRoadmap]: {
    userId: string;
    trigger: ReplanTriggerName;
    reason: string;
    opportunityIds?: string[];
  };
  /**
   * Occupation and inferred requirements of feed listings not yet enriched under the current
   * taxonomy and rules: those of one source (after its refresh), or every source (sourceId absent).
   */
  [JobName.EnrichListings]: { sourceId?: string; requestedBy: string };
}

export const JOB_QUEUE: Record<JobName, QueueName> = {
  [JobName.ExpireClosedOpportunities]: QueueName.Maintenance,
  [JobName.RefreshSource]: QueueName.SourceRefresh,
  [JobName.FanOutListingChanges]: QueueName.ListingChanges,
  [JobName.ReplanRoadmap]: QueueName.RoadmapReplan,
  [JobName.EnrichListings]: QueueName.ListingEnrichment,
};

/** Attempts with exponential backoff; completed jobs kept a day, failed ones a week, for operators. */
export const DEFAULT_JOB_OPTIONS: JobsOptions = {
  attempts: 5,
  backoff: { type: 'exponential', delay: 1000 },
  removeOnComplete: { age: 24 * 3600, count: 1000 },
  removeOnFail: { age: 7 * 24 * 3600 },
};
