import { Injectable } from '@nestjs/common';
import { groupByKeys, RequestLoaders } from '@skillpath/common';
import type { OccupationSkillRow } from '../catalogue.rows';
import { OccupationsRepository } from '../occupations/occupations.repository';
import { OpportunitiesRepository } from '../opportunities/opportunities.repository';
import { SkillsRepository } from '../skills/skills.repository';
import { AccreditationModel, SkillLevelModel, SkillModel } from './catalogue.models';
import { skillFromRow } from './row-mappers';

export interface OpportunitySkills {
  taught: SkillLevelModel[];
  required: SkillLevelModel[];
}

/** Batched lookups for nested catalogue fields; one SQL query per field per request. */
@Injectable()
export class CatalogueLoaders {
  constructor(
    private readonly opportunities: OpportunitiesRepository,
    private readonly occupations: OccupationsRepository,
    private readonly skills: SkillsRepository,
  ) {}

  skillsOfOpportunity(loaders: RequestLoaders, id: string): Promise<OpportunitySkills> {
    return loaders
      .get<string, OpportunitySkills>('opportunitySkills', async (ids) => {
        const rows = await this.opportunities.skillsOf(ids);
        return groupByKeys(ids, rows, (r) => r.opportunity_id).map((list) => ({
          taught: list
            .filter((r) => r.role === 'TAUGHT')
            .map((r) => ({ skill: skillFromRow(r), level: Number(r.level) })),
          required: list
            .filter((r) => r.role === 'REQUIRED')
            .map((r) => ({ skill: skillFromRow(r), level: Number(r.level) })),
        }));
      })
      .load(id);
  }

  /** Accreditations in force now: ACTIVE and within their validity dates. */
  activeAccreditations(loaders: RequestLoaders, opportunityId: string): Promise<AccreditationModel[]> {
    return loaders
      .get<string, AccreditationModel[]>('activeAccreditations', async (ids) => {
        const rows = await this.opportunities.activeAccreditations(ids);
        const skillIds = [...new Set(rows.flatMap((r) => r.skill_ids))];
        const skills = await this.skillsById(loaders, skillIds);
        return groupByKeys(ids, rows, (r) => r.opportunity_id).map((list) =>
          list.map((r) => ({
            id: r.id,
            employerName: r.employer_name,
            status: r.status,
            skills: r.skill_ids.map((sid) => skills.get(sid)).filter((s): s is SkillModel => !!s),
            validFrom: r.valid_from,
            validTo: r.valid_to,
            guaranteedInterview: r.guaranteed_interview,
          })),
        );
      })
      .load(opportunityId);
  }

  async skillsById(loaders: RequestLoaders, ids: string[]): Promise<Map<string, SkillModel>> {
    const loader = loaders.get<string, SkillModel | null>('skillById', async (keys) => {
      const rows = await this.skills.byIds(keys);
      const map = new Map(rows.map((r) => [r.id, skillFromRow(r)]));
      return keys.map((k) => map.get(k) ?? null);
    });
    const found = await loader.loadMany(ids);
    const out = new Map<string, SkillModel>();
    found.forEach((s) => {
      if (s && !(s instanceof Error)) out.set(s.id, s);
    });
    return out;
  }

  occupationSkills(
    loaders: RequestLoaders,
    occupationId: string,
    relation: 'essential' | 'optional',
  ): Promise<SkillModel[]> {
    return loaders
      .get<string, OccupationSkillRow[]>('occupationSkills', async (ids) => {
        const rows = await this.occupations.skillsOf(ids);
        return groupByKeys(ids, rows, (r) => r.occupation_id);
      })
      .load(occupationId)
      .then((rows) => rows.filter((r) => r.relation === relation).map(skillFromRow));
  }
}
