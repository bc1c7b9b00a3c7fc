import { Module } from '@nestjs/common';
import { CatalogueModule } from '@skillpath/catalogue';
import { JourneyCoreModule } from '@skillpath/journey';
import { AccreditationsRepository } from './accreditations/accreditations.repository';
import { AccreditationsResolver } from './accreditations/accreditations.resolver';
import { AccreditationsService } from './accreditations/accreditations.service';
import { APP_CONFIG, AppConfig } from '@skillpath/config';
import { CandidatePseudonyms } from './candidates/candidate-pseudonyms';
import { CandidatesRepository } from './candidates/candidates.repository';
import { CandidatesResolver } from './candidates/candidates.resolver';
import { CandidatesService } from './candidates/candidates.service';
import { CohortDashboardRepository } from './cohorts/cohort-dashboard.repository';
import { CohortDashboardService } from './cohorts/cohort-dashboard.service';
import { CohortsRepository } from './cohorts/cohorts.repository';
import { CohortsResolver } from './cohorts/cohorts.resolver';
import { CohortsService } from './cohorts/cohorts.service';
import { CompletionsRepository } from './completions/completions.repository';
import { CompletionsResolver } from './completions/completions.resolver';
import { CourseCompletionsService } from './completions/course-completions.service';
import { CredentialsController } from './credentials/credentials.controller';
import { CredentialsRepository } from './credentials/credentials.repository';
import { CredentialsResolver } from './credentials/credentials.resolver';
import { CredentialsService } from './credentials/credentials.service';
import { OrganisationDataRepository } from './export/organisation-data.repository';
import { OrganisationDataResolver } from './export/organisation-data.resolver';
import { OrganisationDataService } from './export/organisation-data.service';
import { ListingChangeNotifier } from './listings/listing-changes.service';
import { ListingVerificationResolver } from './listings/listing-verification.resolver';
import { ListingsRepository } from './listings/listings.repository';
import { ListingsResolver } from './listings/listings.resolver';
import { ListingsService } from './listings/listings.service';
import { OrganisationAccess } from './organisations/organisation-access.service';
import { OrganisationsRepository } from './organisations/organisations.repository';
import { OrganisationFieldsResolver, OrganisationsResolver } from './organisations/organisations.resolver';
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
    OrganisationsRepository,
    OrganisationsService,
    OrganisationsResolver,
    OrganisationFieldsResolver,
    ListingsRepository,
    ListingsService,
    ListingsResolver,
    ListingVerificationResolver,
    AccreditationsRepository,
    AccreditationsService,
    AccreditationsResolver,
    CredentialsRepository,
    CredentialsService,
    CredentialsResolver,
    CompletionsRepository,
    CourseCompletionsService,
    CompletionsResolver,
    {
      // Its own key, derived (HKDF, own label) from the credential seed: never the JWT secret.
      provide: CandidatePseudonyms,
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => new CandidatePseudonyms(config.credentials.signingSeed),
    },
    CandidatesRepository,
    CandidatesService,
    CandidatesResolver,
    CohortsRepository,
    CohortsService,
    CohortDashboardRepository,
    CohortDashboardService,
    CohortsResolver,
    OrganisationDataRepository,
    OrganisationDataService,
    OrganisationDataResolver,
    PartnershipOverviewResolver,
  ],
  exports: [CredentialsService, OrganisationsService],
})
export class PartnersApiModule {}
