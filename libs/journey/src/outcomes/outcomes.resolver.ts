import { Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { OpportunityModel } from '@skillpath/catalogue';
import { Loaders, RequestLoaders } from '@skillpath/common';
import { RoadmapStepModel } from '../roadmaps/roadmap.models';
import { OpportunityOutcomesModel } from './outcomes.models';
import { OutcomesService } from './outcomes.service';

const DESCRIPTION =
  'What happened to people who took it (starts, completions, interviews, jobs), for it and its provider; null for a vacancy';

/** Outcomes in the open: on every learning listing, wherever it is shown. */
@Resolver(() => OpportunityModel)
export class OpportunityOutcomesResolver {
  constructor(private readonly figures: OutcomesService) {}

  @ResolveField(() => OpportunityOutcomesModel, { nullable: true, description: DESCRIPTION })
  outcomes(
    @Parent() o: OpportunityModel,
    @Loaders() l: RequestLoaders,
  ): Promise<OpportunityOutcomesModel | null> {
    return o.kind === 'VACANCY' ? Promise.resolve(null) : this.figures.of(l, o.id);
  }
}

/** The same figures on a roadmap step, so a resident weighs a step by what it led to for others. */
@Resolver(() => RoadmapStepModel)
export class RoadmapStepOutcomesResolver {
  constructor(private readonly figures: OutcomesService) {}

  @ResolveField(() => OpportunityOutcomesModel, { nullable: true, description: DESCRIPTION })
  outcomes(
    @Parent() s: RoadmapStepModel,
    @Loaders() l: RequestLoaders,
  ): Promise<OpportunityOutcomesModel | null> {
    return s.opportunity.kind === 'VACANCY' ? Promise.resolve(null) : this.figures.of(l, s.opportunity.id);
  }
}
