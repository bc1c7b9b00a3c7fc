import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import {
  OccupationModel,
  opportunityFromRow,
  OpportunityModel,
  skillFromRow,
  SkillModel,
} from '@skillpath/catalogue';
import { RoadmapEntity, RoadmapStepEntity } from '@skillpath/persistence';
import { RoadmapModel } from './roadmap.models';

type Row = Record<string, unknown>;

/** Loads stored roadmap versions into their GraphQL shape with a fixed number of queries. */
@Injectable()
export class RoadmapReader {
  constructor(@InjectDataSource() private readonly ds: DataSource) {}

  async current(userId: string): Promise<RoadmapModel | null> {
    const latest = await this.ds
      .getRepository(RoadmapEntity)
      .findOne({ where: { userId }, order: { version: 'DESC' } });
    return latest ? (await this.read([latest]))[0] : null;
  }

  async history(userId: string): Promise<RoadmapModel[]> {
    const all = await this.ds
      .getRepository(RoadmapEntity)
      .find({ where: { userId }, order: { version: 'DESC' } });
    return this.read(all);
  }

  async read(roadmaps: RoadmapEntity[]): Promise<RoadmapModel[]> {
    if (!roadmaps.length) return [];
    const steps = await this.ds
      .getRepository(RoadmapStepEntity)
      .createQueryBuilder('s')
      .where('s.roadmap_id IN (:...ids)', { ids: roadmaps.map((r) => r.id) })
      .orderBy('s.position', 'ASC')
      .getMany();
    const oppIds = [
      ...new Set([
        ...steps.map((s) => s.opportunityId),
        ...roadmaps.map((r) => r.goalOpportunityId).filter(isString),
      ]),
    ];
    const opps: Row[] = oppIds.length
      ? await this.ds.query('SELECT * FROM opportunities WHERE id = ANY($1::uuid[])', [oppIds])
      : [];
    const oppById = new Map(opps.map((o) => [o.id as string, opportunityFromRow(o)]));
    const skillIds = [
      ...new Set([
        ...steps.flatMap((s) => s.skillsGained.map((g) => g.skillId)),
        ...roadmaps.flatMap((r) => r.missingSkillIds),
      ]),
    ];
    const skills: Row[] = skillIds.length
      ? await this.ds.query('SELECT * FROM skills WHERE id = ANY($1::uuid[])', [skillIds])
      : [];
    const skillById = new Map(skills.map((s) => [s.id as string, skillFromRow(s)]));
    const occIds = [
      ...new Set([
        ...roadmaps.map((r) => r.goalOccupationId).filter(isString),
        ...roadmaps.flatMap((r) => r.alternatives.map((a) => a.occupationId)),
      ]),
    ];
    const occs: Row[] = occIds.length
      ? await this.ds.query(
          'SELECT id, uri, title, description FROM occupations WHERE id = ANY($1::uuid[])',
          [occIds],
        )
      : [];
    const occById = new Map<string, OccupationModel>(
      occs.map((o) => [
        o.id as string,
        {
          id: o.id as string,
          uri: (o.uri as string) ?? null,
          title: o.title as string,
          description: (o.description as string) ?? null,
        },
      ]),
    );
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
