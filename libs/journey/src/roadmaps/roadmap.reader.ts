import { Injectable } from '@nestjs/common';
import { OpportunityModel, SkillModel } from '@skillpath/catalogue';
import { RoadmapEntity } from '@skillpath/persistence';
import { JourneyCatalogueRepository } from '../catalogue/journey-catalogue.repository';
import { RoadmapModel } from './roadmap.models';
import { RoadmapRepository } from './roadmap.repository';

/** Loads stored roadmap versions into their GraphQL shape with a fixed number of queries. */
@Injectable()
export class RoadmapReader {
  constructor(
    private readonly versions: RoadmapRepository,
    private readonly catalogue: JourneyCatalogueRepository,
  ) {}

  async current(userId: string): Promise<RoadmapModel | null> {
    const latest = await this.versions.latest(userId);
    return latest ? (await this.read([latest]))[0] : null;
  }

  async history(userId: string): Promise<RoadmapModel[]> {
    return this.read(await this.versions.history(userId));
  }

  async read(roadmaps: RoadmapEntity[]): Promise<RoadmapModel[]> {
    if (!roadmaps.length) return [];
    const steps = await this.versions.steps(roadmaps.map((r) => r.id));
    const oppById: Map<string, OpportunityModel> = await this.catalogue.opportunities([
      ...steps.map((s) => s.opportunityId),
      ...roadmaps.map((r) => r.goalOpportunityId).filter(isString),
    ]);
    const skillById = await this.catalogue.skills([
      ...steps.flatMap((s) => s.skillsGained.map((g) => g.skillId)),
      ...roadmaps.flatMap((r) => r.missingSkillIds),
    ]);
    const occById = await this.catalogue.occupations([
      ...roadmaps.map((r) => r.goalOccupationId).filter(isString),
      ...roadmaps.flatMap((r) => r.alternatives.map((a) => a.occupationId)),
    ]);
    return roadmaps.map((r) => ({
      id: r.id,
      version: r.version,
      goal: {
        occupation: r.goalOccupationId ? (occById.get(r.goalOccupationId) ?? null) : null,
        opportunity: r.goalOpportunityId ? (oppById.get(r.goalOpportunityId) ?? null) : null,
      },
      steps: steps
        .filter((s) => s.roadmapId === r.id && oppById.has(s.opportunityId))
        .map((s) => ({
          id: s.id,
          position: s.position,
          kind: s.kind,
          opportunity: oppById.get(s.opportunityId) as OpportunityModel,
          skillsGained: s.skillsGained
            .map((g) => ({ skill: skillById.get(g.skillId) as SkillModel, level: g.level }))
            .filter((g) => !!g.skill),
          status: s.status,
          why: s.why,
          hours: s.hours,
          costPence: s.costPence,
          distanceKm: s.distanceKm,
          plannedStart: s.plannedStart,
          plannedEnd: s.plannedEnd,
        })),
      reachable: r.reachable,
      coverage: r.coverage,
      missingSkills: r.missingSkillIds.map((id) => skillById.get(id)).filter((s): s is SkillModel => !!s),
      totalHours: r.totalHours,
      totalCostPence: r.totalCostPence,
      reason: r.reason,
      trigger: r.trigger,
      summary: r.summary,
      changes: { added: r.changes.added ?? [], removed: r.changes.removed ?? [] },
      alternatives: r.alternatives
        .filter((a) => occById.has(a.occupationId))
        .map((a) => ({ occupation: occById.get(a.occupationId)!, gapHours: a.gapHours })),
      createdAt: r.createdAt,
    }));
  }
}

function isString(v: string | null): v is string {
  return typeof v === 'string';
}
