import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { badInput, isUuid, notFound } from '@skillpath/common';
import type { StepStatus } from '@skillpath/persistence';
import { JourneyCatalogueRepository } from '../catalogue/journey-catalogue.repository';
import { ProfileService } from '../profile/profile.service';
import { ReplanQueue } from './replan.queue';
import { RoadmapRepository } from './roadmap.repository';

const ALLOWED: Record<StepStatus, StepStatus[]> = {
  PLANNED: ['ENROLLED', 'COMPLETED', 'DROPPED'],
  ENROLLED: ['COMPLETED', 'DROPPED', 'PLANNED'],
  COMPLETED: [],
  DROPPED: ['PLANNED'],
};

const WORDS: Record<StepStatus, string> = {
  PLANNED: 'planned',
  ENROLLED: 'enrolled',
  COMPLETED: 'completed',
  DROPPED: 'dropped',
};

/** A learner moving a step of their own live roadmap along PLANNED → ENROLLED → COMPLETED (or DROPPED). */
@Injectable()
export class RoadmapStepsService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly profiles: ProfileService,
    private readonly versions: RoadmapRepository,
    private readonly catalogue: JourneyCatalogueRepository,
    private readonly replans: ReplanQueue,
  ) {}

  async update(userId: string, stepId: string, status: StepStatus): Promise<void> {
    if (!isUuid(stepId)) throw notFound('That step is not in your roadmap.');
    const result = await this.ds.transaction(async (m) => {
      const step = await this.versions.ownStepForUpdate(m, stepId, userId);
      // Someone else's step looks exactly like a missing one: nothing is revealed.
      if (!step) throw notFound('That step is not in your roadmap.');
      const latest = await this.versions.latest(userId, m);
      if (latest?.id !== step.roadmapId)
        throw badInput('That step is from an older version of your roadmap. Use the steps of myRoadmap.');
      if (step.status === status) return null;
      if (!ALLOWED[step.status].includes(status)) {
        throw badInput(`A ${WORDS[step.status]} step cannot be marked ${WORDS[status]}.`);
      }
      await this.versions.setStepStatus(m, step.id, status);
      if (status === 'COMPLETED' && step.kind === 'LEARN') {
        // The learner's word: counts for planning at once; a provider's confirmation (or a credential) upgrades it.
        await this.profiles.addEvidence(m, userId, step.skillsGained, 'COURSE_REPORTED', step.opportunityId);
      }
      const title = (await this.catalogue.titles([step.opportunityId], m)).get(step.opportunityId) ?? '';
      return { step, title };
    });
    if (!result) return;
    if (status === 'COMPLETED' && result.step.kind === 'LEARN') {
      await this.replans.request(userId, 'STEP_COMPLETED', result.title, [result.step.opportunityId]);
    } else if (status === 'DROPPED') {
      await this.replans.request(userId, 'STEP_DROPPED', result.title, [result.step.opportunityId]);
    }
  }
}
