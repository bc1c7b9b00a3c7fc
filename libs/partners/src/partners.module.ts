import { Module } from '@nestjs/common';
import { CatalogueModule } from '@skillpath/catalogue';
import { JourneyCoreModule } from '@skillpath/journey';
import { AccreditationsResolver } from './accreditations/accreditations.resolver';
import { AccreditationsService } from './accreditations/accreditations.service';
import { CandidatesResolver } from './candidates/candidates.resolver';
import { CandidatesService } from './candidates/candidates.service';
import { CohortDashboardService } from './cohorts/cohort-dashboard.service';
import { CohortsResolver } from './cohorts/cohorts.resolver';
import { CohortsService } from './cohorts/cohorts.service';
import { CompletionsResolver } from './completions/completions.resolver';
import { CourseCompletionsService } from './completions/course-completions.service';
import { CredentialsController } from './credentials/credentials.controller';
import { CredentialsResolver } from './credentials/credentials.resolver';
import { CredentialsService } from './credentials/credentials.service';
import { ListingChangeNotifier } from './listings/listing-changes.service';
import { ListingsResolver } from './listings/listings.resolver';
import { ListingsService } from './listings/listings.service';
import { OrganisationAccess } from './organisations/organisation-access.service';
import { OrganisationsResolver } from './organisations/organisations.resolver';
import { OrganisationsService } from './organisations/organisations.service';
import { PartnershipOverviewResolver } from './cohorts/partnership-overview.resolver';

/**
 * Employers, providers and skills partnerships in the API. Listing changes go out through the one
 * publisher of the global ListingChangesModule (one Redis publisher per process).
 */
@Module({
  imports: [CatalogueModule, JourneyCoreModule],
  controllers: [CredentialsController],
  providers: [
    ListingChangeNotifier,
    OrganisationAccess,
    OrganisationsService,
    OrganisationsResolver,
    ListingsService,
    ListingsResolver,
    AccreditationsService,
    AccreditationsResolver,
    CredentialsService,
    CredentialsResolver,
    CourseCompletionsService,
    CompletionsResolver,
    CandidatesService,
    CandidatesResolver,
    CohortsService,
    CohortDashboardService,
    CohortsResolver,
    PartnershipOverviewResolver,
  ],
  exports: [CredentialsService],
})
export class PartnersApiModule {}
