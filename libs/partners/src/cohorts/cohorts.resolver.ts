import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { AuthUser, CurrentUser, Roles } from '@skillpath/auth';
import { badInput, Loaders, RequestLoaders } from '@skillpath/common';
import { CatalogueLoaders } from '@skillpath/catalogue';
import type { OutcomeKind } from '@skillpath/persistence';
import { CohortDashboardService, dashboardCsv } from './cohort-dashboard.service';
import {
  CohortDashboardModel,
  CohortModel,
  CsvFileModel,
  LearnerOutcomeModel,
  MyCohortModel,
  OutcomeKindEnum,
} from './cohort.models';
import { CohortsService } from './cohorts.service';

/** Join codes are 8 characters; a little room for spaces pasted around one. */
const MAX_JOIN_CODE_LENGTH = 16;

@Resolver()
export class CohortsResolver {
  constructor(
    private readonly cohorts: CohortsService,
    private readonly dashboards: CohortDashboardService,
    private readonly catalogue: CatalogueLoaders,
  ) {}

  @Roles('PARTNER', 'ADMIN')
  @Mutation(() => CohortModel)
  createCohort(
    @CurrentUser() user: AuthUser,
    @Args('partnershipId', { type: () => ID }) partnershipId: string,
    @Args('name') name: string,
  ): Promise<CohortModel> {
    return this.cohorts.create(user, partnershipId, name);
  }

  @Roles('PARTNER', 'ADMIN')
  @Query(() => [CohortModel])
  partnershipCohorts(
    @CurrentUser() user: AuthUser,
    @Args('partnershipId', { type: () => ID }) partnershipId: string,
  ): Promise<CohortModel[]> {
    return this.cohorts.ofPartnership(user, partnershipId);
  }

  @Roles('PARTNER', 'ADMIN')
  @Query(() => CohortDashboardModel)
  async cohortDashboard(
    @CurrentUser() user: AuthUser,
    @Args('cohortId', { type: () => ID }) cohortId: string,
    @Loaders() l: RequestLoaders,
  ): Promise<CohortDashboardModel> {
    const d = await this.dashboards.build(user, await this.cohorts.forPartner(user, cohortId));
    const skills = await this.catalogue.skillsById(
      l,
      d.skills.map((s) => s.skillId),
    );
    return {
      ...d,
      skills: d.skills
        .filter((s) => skills.has(s.skillId))
        .map((s) => ({ ...s, skill: skills.get(s.skillId)! })),
    };
  }

  /** Every aggregate of the dashboard as CSV, suppressed exactly as on screen. */
  @Roles('PARTNER', 'ADMIN')
  @Query(() => [CsvFileModel])
  async cohortDashboardCsv(
    @CurrentUser() user: AuthUser,
    @Args('cohortId', { type: () => ID }) cohortId: string,
    @Loaders() l: RequestLoaders,
  ): Promise<CsvFileModel[]> {
    const d = await this.dashboards.build(user, await this.cohorts.forPartner(user, cohortId));
    const skills = await this.catalogue.skillsById(
      l,
      d.skills.map((s) => s.skillId),
    );
    return dashboardCsv(d, (id) => skills.get(id)?.label ?? id);
  }

  @Roles('LEARNER')
  @Mutation(() => MyCohortModel)
  async joinCohort(
    @CurrentUser() user: AuthUser,
    @Args('code') code: string,
    @Args('consent', { description: "Must be true: you agree to be counted in the partnership's figures" })
    consent: boolean,
    @Args('individualMonitoring', {
      defaultValue: false,
      description: 'Also let the partnership see your own progress',
    })
    individualMonitoring: boolean,
  ): Promise<MyCohortModel> {
    if (code.trim().length > MAX_JOIN_CODE_LENGTH)
      throw badInput('That is not a join code: a join code is 8 letters and numbers, like K7QF2M9X.');
    const c = await this.cohorts.join(user, code, consent, individualMonitoring);
    return (await this.myCohorts(user)).find((m) => m.id === c.id)!;
  }

  @Roles('LEARNER')
  @Mutation(() => Boolean)
  leaveCohort(
    @CurrentUser() user: AuthUser,
    @Args('cohortId', { type: () => ID }) cohortId: string,
  ): Promise<boolean> {
    return this.cohorts.leave(user, cohortId);
  }

  @Roles('LEARNER')
  @Mutation(() => Boolean)
  setCohortMonitoringConsent(
    @CurrentUser() user: AuthUser,
    @Args('cohortId', { type: () => ID }) cohortId: string,
    @Args('consent') consent: boolean,
  ): Promise<boolean> {
    return this.cohorts.setMonitoring(user, cohortId, consent);
  }

  @Roles('LEARNER')
  @Query(() => [MyCohortModel])
  async myCohorts(@CurrentUser() user: AuthUser): Promise<MyCohortModel[]> {
    return (await this.cohorts.mine(user.id)).map((m) => ({
      id: m.cohort.id,
      name: m.cohort.name,
      partnershipName: m.partnershipName,
      individualMonitoring: m.individualMonitoring,
    }));
  }

  /** The learner says what happened after learning: applied, interviewed, in work. */
  @Roles('LEARNER')
  @Mutation(() => Boolean)
  reportOutcome(
    @CurrentUser() user: AuthUser,
    @Args('kind', { type: () => OutcomeKindEnum }) kind: OutcomeKind,
    @Args('opportunityId', { type: () => ID, nullable: true }) opportunityId: string | null,
  ): Promise<boolean> {
    return this.cohorts.reportOutcome(user.id, kind, opportunityId ?? null);
  }

  /** What the learner reported, and what employers recorded about them: their own rows only. */
  @Roles('LEARNER')
  @Query(() => [LearnerOutcomeModel])
  myOutcomes(@CurrentUser() user: AuthUser): Promise<LearnerOutcomeModel[]> {
    return this.cohorts.outcomesOf(user.id);
  }
}
