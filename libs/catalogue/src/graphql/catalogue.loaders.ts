import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { groupByKeys, RequestLoaders } from '@skillpath/common';
import { AccreditationModel, SkillLevelModel, SkillModel } from './catalogue.models';
import { skillFromRow } from './row-mappers';

export interface OpportunitySkills {
  taught: SkillLevelModel[];
  required: SkillLevelModel[];
}

/** Batched lookups for nested catalogue fields; one SQL query per field per request. */
@Injectable()
export class CatalogueLoaders {
  constructor(@InjectDataSource() private readonly ds: DataSource) {}

  skillsOfOpportunity(loaders: RequestLoaders, id: string): Promise<OpportunitySkills> {
    return loaders
      .get<string, OpportunitySkills>('opportunitySkills', async (ids) => {
        const rows: Array<Record<string, unknown>> = await this.ds.query(
          `SELECT os.opportunity_id, os.role, os.level, s.*
             FROM opportunity_skills os JOIN skills s ON s.id = os.skill_id
            WHERE os.opportunity_id = ANY($1::uuid[]) ORDER BY os.level DESC, s.label`,
          [ids],
        );
        return groupByKeys(ids, rows, (r) => r.opportunity_id as string).map((list) => ({
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

  /** Accreditations in force now: ACTIVE, within their validity dates, by an employer an admin has verified. */
  activeAccreditations(loaders: RequestLoaders, opportunityId: string): Promise<AccreditationModel[]> {
    return loaders
      .get<string, AccreditationModel[]>('activeAccreditations', async (ids) => {
        const rows: Array<Record<string, unknown>> = await this.ds.query(
          `SELECT a.*, org.name AS employer_name FROM accreditations a
             JOIN organisations org ON org.id = a.employer_id AND org.verification = 'VERIFIED'
            WHERE a.opportunity_id = ANY($1::uuid[]) AND a.status = 'ACTIVE'
              AND (a.valid_from IS NULL OR a.valid_from <= now()) AND (a.valid_to IS NULL OR a.valid_to > now())
            ORDER BY org.name, a.id`,
          [ids],
        );
        const skillIds = [...new Set(rows.flatMap((r) => r.skill_ids as string[]))];
        const skills = await this.skillsById(loaders, skillIds);
        return groupByKeys(ids, rows, (r) => r.opportunity_id as string).map((list) =>
          list.map((r) => ({
            id: r.id as string,
            employerName: r.employer_name as string,
            status: r.status as string,
            skills: (r.skill_ids as string[])
              .map((sid) => skills.get(sid))
              .filter((s): s is SkillModel => !!s),
            validFrom: (r.valid_from as Date | null) ?? null,
            validTo: (r.valid_to as Date | null) ?? null,
            guaranteedInterview: Boolean(r.guaranteed_interview),
          })),
        );
      })
      .load(opportunityId);
  }

  async skillsById(loaders: RequestLoaders, ids: string[]): Promise<Map<string, SkillModel>> {
    const loader = loaders.get<string, SkillModel | null>('skillById', async (keys) => {
      const rows: Array<Record<string, unknown>> = await this.ds.query(
        'SELECT * FROM skills WHERE id = ANY($1::uuid[])',
        [keys],
      );
      const map = new Map(rows.map((r) => [r.id as string, skillFromRow(r)]));
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
      .get<string, Array<Record<string, unknown>>>('occupationSkills', async (ids) => {
        const rows: Array<Record<string, unknown>> = await this.ds.query(
          `SELECT os.occupation_id, os.relation, os.level, s.* FROM occupation_skills os JOIN skills s ON s.id = os.skill_id
            WHERE os.occupation_id = ANY($1::uuid[]) ORDER BY os.level DESC, s.popularity DESC, s.label`,
          [ids],
        );
        return groupByKeys(ids, rows, (r) => r.occupation_id as string);
      })
      .load(occupationId)
      .then((rows) => rows.filter((r) => r.relation === relation).map(skillFromRow));
  }
}
