import { Args, Field, Float, Int, ObjectType, Query, Resolver } from '@nestjs/graphql';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AuthUser, CurrentUser, Roles } from '@skillpath/auth';
import { checkPageSize } from '@skillpath/common';
import {
  OccupationModel,
  OpportunityKindEnum,
  opportunityFromRow,
  OpportunityModel,
  skillFromRow,
  SkillModel,
} from '@skillpath/catalogue';
import { rankOpportunities, reachableRoles } from '@skillpath/matching';
import type { OpportunityKind } from '@skillpath/persistence';
import { MatchingIndexService } from '../engine/matching-index.service';
import { ProfileService } from '../profile/profile.service';
import { RoadmapService } from '../roadmaps/roadmap.service';

@ObjectType('Match')
class MatchModel {
  @Field(() => OpportunityModel) opportunity!: OpportunityModel;
  @Field(() => Float) score!: number;
  @Field(() => [SkillModel]) matchedSkills!: SkillModel[];
  @Field(() => [SkillModel]) missingSkills!: SkillModel[];
  @Field(() => Float, { nullable: true }) distanceKm!: number | null;
  @Field(() => Int, { description: 'What it would cost this learner after funding' }) costToYouPence!: number;
  @Field() explanation!: string;
}

@ObjectType('RoleMatch')
class RoleMatchModel {
  @Field(() => OccupationModel) occupation!: OccupationModel;
  @Field(() => Float) score!: number;
  @Field(() => Float, { description: 'How much of the role the learner already covers, 0..1' }) fit!: number;
  @Field(() => Float, { description: 'Estimated hours of learning to close the gap' }) gapHours!: number;
  @Field(() => [SkillModel]) missingSkills!: SkillModel[];
  @Field(() => Int) localVacancies!: number;
  @Field() explanation!: string;
}

type Row = Record<string, unknown>;

@Resolver()
export class DiscoveryResolver {
  constructor(
    private readonly engine: MatchingIndexService,
    private readonly profiles: ProfileService,
    private readonly roadmaps: RoadmapService,
    @InjectDataSource() private readonly ds: DataSource,
  ) {}

  /** Opportunities that fit the learner, best first, each explained. */
  @Roles('LEARNER')
  @Query(() => [MatchModel])
  async matches(
    @CurrentUser() user: AuthUser,
    @Args('kinds', { type: () => [OpportunityKindEnum], nullable: true }) kinds: OpportunityKind[] | null,
    @Args('first', { type: () => Int, defaultValue: 20 }) first: number,
  ): Promise<MatchModel[]> {
    checkPageSize(first);
    const snapshot = await this.engine.get();
    const learner = await this.profiles.learnerRecord(user.id);
    const profile = await this.profiles.get(user.id);
    const needSkills =
      profile.goalOccupationId || profile.goalOpportunityId
        ? (await this.roadmaps.goalFor(profile, this.ds.manager)).skills
        : undefined;
    const ranked = rankOpportunities(snapshot.index, learner, {
      kinds: kinds?.length ? kinds : ['COURSE', 'BOOTCAMP', 'APPRENTICESHIP', 'VACANCY'],
      k: first,
      needSkills,
    });
    const opps = await this.rowsById(
      'opportunities',
      ranked.map((r) => r.id),
    );
    const skills = await this.skillsById([
      ...ranked.flatMap((r) => r.matchedSkills.map((s) => s.skill)),
      ...ranked.flatMap((r) => r.missingSkills.map((s) => s.skill)),
    ]);
    return ranked
      .filter((r) => opps.has(r.id))
      .map((r) => ({
        opportunity: opportunityFromRow(opps.get(r.id)!),
        score: r.score,
        matchedSkills: r.matchedSkills.map((s) => skills.get(s.skill)).filter((s): s is SkillModel => !!s),
        missingSkills: r.missingSkills.map((s) => skills.get(s.skill)).filter((s): s is SkillModel => !!s),
        distanceKm: r.distanceKm === undefined ? null : Math.round(r.distanceKm * 10) / 10,
        costToYouPence: r.costToLearnerPence,
        explanation: r.explanation,
      }));
  }

  /** Roles ranked by how near the learner already is and how many local vacancies there are. */
  @Roles('LEARNER')
  @Query(() => [RoleMatchModel])
  async reachableRoles(
    @CurrentUser() user: AuthUser,
    @Args('first', { type: () => Int, defaultValue: 10 }) first: number,
  ): Promise<RoleMatchModel[]> {
    checkPageSize(first);
    const snapshot = await this.engine.get();
    const learner = await this.profiles.learnerRecord(user.id);
    const roles = reachableRoles(snapshot.index, snapshot.targetOccupations, learner, first);
    const occs = await this.rowsById(
      'occupations',
      roles.map((r) => r.occupationId),
    );
    const skills = await this.skillsById(roles.flatMap((r) => r.missingSkills.map((s) => s.skill)));
    return roles
      .filter((r) => occs.has(r.occupationId))
      .map((r) => {
        const o = occs.get(r.occupationId)!;
        return {
          occupation: {
            id: o.id as string,
            uri: (o.uri as string) ?? null,
            title: o.title as string,
            description: (o.description as string) ?? null,
          },
          score: r.score,
          fit: r.fit,
          gapHours: r.gapHours,
          missingSkills: r.missingSkills.map((s) => skills.get(s.skill)).filter((s): s is SkillModel => !!s),
          localVacancies: r.localDemand,
          explanation: r.explanation,
        };
      });
  }

  private async rowsById(table: 'opportunities' | 'occupations', ids: string[]): Promise<Map<string, Row>> {
    if (!ids.length) return new Map();
    const rows: Row[] = await this.ds.query(`SELECT * FROM ${table} WHERE id = ANY($1::uuid[])`, [ids]);
    return new Map(rows.map((r) => [r.id as string, r]));
  }

  private async skillsById(ids: string[]): Promise<Map<string, SkillModel>> {
    const unique = [...new Set(ids)];
    if (!unique.length) return new Map();
    const rows: Row[] = await this.ds.query('SELECT * FROM skills WHERE id = ANY($1::uuid[])', [unique]);
    return new Map(rows.map((r) => [r.id as string, skillFromRow(r)]));
  }
}
