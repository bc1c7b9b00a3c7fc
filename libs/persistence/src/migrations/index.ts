import { InitialSchema1795324599602 } from './1795324599602-initial-schema.migration';
import { AddUsers1795324751625 } from './1795324751625-add-users.migration';
import { AddLearnerJourney1795325366372 } from './1795325366372-add-learner-journey.migration';
import { AddListingSources1795325391628 } from './1795325391628-add-listing-sources.migration';
import { AddPartners1795326868907 } from './1795326868907-add-partners.migration';
import { AddOpportunitySightings1796150867694 } from './1796150867694-add-opportunity-sightings.migration';
import { AddSourcePageDigests1796151229406 } from './1796151229406-add-source-page-digests.migration';
import { AddOpportunityBorough1796153917845 } from './1796153917845-add-opportunity-borough.migration';
import { AddAccountTokens1796609751114 } from './1796609751114-add-account-tokens.migration';
import { AddListingEnrichment1796610046772 } from './1796610046772-add-listing-enrichment.migration';
import { AddLevel2Answers1796610151696 } from './1796610151696-add-level2-answers.migration';
import { AddSkillVectorSets1796610436000 } from './1796610436000-add-skill-vector-sets.migration';
import { ExplainedRoadmaps1796611409469 } from './1796611409469-explained-roadmaps.migration';
import { AddSessionExpiry1796611583544 } from './1796611583544-add-session-expiry.migration';
import { AddExtractedRequirements1796612909364 } from './1796612909364-add-extracted-requirements.migration';
import { AddPartnerTrust1796613081625 } from './1796613081625-add-partner-trust.migration';

/** Every migration, oldest first. Generated with `npm run cli -- db:generate-migration Name`, then reviewed. */
// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type -- TypeORM's own type for migration classes
export const ALL_MIGRATIONS: Function[] = [
  InitialSchema1795324599602,
  AddUsers1795324751625,
  AddLearnerJourney1795325366372,
  AddListingSources1795325391628,
  AddPartners1795326868907,
  AddOpportunitySightings1796150867694,
  AddSourcePageDigests1796151229406,
  AddOpportunityBorough1796153917845,
  AddAccountTokens1796609751114,
  AddListingEnrichment1796610046772,
  AddLevel2Answers1796610151696,
  AddSkillVectorSets1796610436000,
  ExplainedRoadmaps1796611409469,
  AddSessionExpiry1796611583544,
  AddExtractedRequirements1796612909364,
  AddPartnerTrust1796613081625,
];
