import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { badInput, isUuid, notFound } from '@skillpath/common';
import { RoadmapEntity, RoadmapStepEntity, StepStatus } from '@skillpath/persistence';
import { ProfileService } from '../profile/profile.service';
import { ReplanQueue } from './replan.queue';

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
    private readonly replans: ReplanQueue,
  ) {}

  async update(userId: string, stepId: string, status: StepStatus): Promise<void> {
    if (!isUuid(stepId)) throw notFound('That step is not in your roadmap.');
    const result = await this.ds.transaction(async (m) => {
      const step = await m
        .getRepository(RoadmapStepEntity)
        .createQueryBuilder('s')
        .innerJoin(RoadmapEntity, 'r', 'r.id = s.roadmap_id')
        .where('s.id = :stepId AND r.user_id = :userId', { stepId, userId })
        .setLock('pessimistic_write', undefined, ['s'])
        .getOne();
      // Someone else's step looks exactly like a missing one: nothing is revealed.
      if (!step) throw notFound('That step is not in your roadmap.');
      const latest = await m
        .getRepository(RoadmapEntity)
        .findOne({ where: { userId }, order: { version: 'DESC' } });
      if (latest?.id !== step.roadmapId)
        throw badInput('That step is from an older version of your roadmap. Use the steps of myRoadmap.');
      if (step.status === status) return null;
      if (!ALLOWED[step.status].includes(status)) {
        throw badInput(`A ${WORDS[step.status]} step cannot be marked ${WORDS[status]}.`);
      }
      await m
        .getRepository(RoadmapStepEntity)
        .update({ id: step.id }, { status, statusChangedAt: new Date() });
      if (status === 'COMPLETED' && step.kind === 'LEARN') {
        // The learner's word: counts for planning at once; a provider's confirmation (or a credential) upgrades it.
        await this.profiles.addEvidence(m, userId, step.skillsGained, 'COURSE_REPORTED', step.opportunityId);
      }
      const [{ title }]: Array<{ title: string }> = await m.query(
        'SELECT title FROM opportunities WHERE id = $1',
        [step.opportunityId],
      );
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
