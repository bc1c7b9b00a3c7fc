import { Injectable } from '@nestjs/common';
import { OpportunityModel, SkillModel } from '@skillpath/catalogue';
import { RoadmapEntity } from '@skillpath/persistence';
import { JourneyCatalogueRepository } from '../catalogue/journey-catalogue.repository';
import { TaxonomyLookups } from '../catalogue/taxonomy-lookups';
import type { Blocker, FundingAsk, RoadmapOption, WhatIf } from '@skillpath/matching';
import { blockerModels, diagnosisIds, fundingNote, profileQuestion, whatIfModels } from './roadmap-explained';
import { learningProgress } from './roadmap-progress';
import { RoadmapModel, RoadmapOptionModel, RoadmapStepModel } from './roadmap.models';
import { RoadmapRepository } from './roadmap.repository';

/** Loads stored roadmap versions into their GraphQL shape with a fixed number of queries. */
@Injectable()
export class RoadmapReader {
  constructor(
    private readonly versions: RoadmapRepository,
    private readonly catalogue: JourneyCatalogueRepository,
    private readonly taxonomy: TaxonomyLookups,
  ) {}

  async current(userId: string): Promise<RoadmapModel | null> {
    const latest = await this.versions.latest(userId);
    return latest ? (await this.read([latest]))[0] : null;
  }

  async history(userId: string): Promise<RoadmapModel[]> {
    return this.read(await this.versions.history(userId));
  }

  readOptions(options: readonly RoadmapOption[]): Promise<RoadmapOptionModel[]> {
    return readOptionsWith(this.lookups, options);
  }

  private readonly lookups: ListingLookups = {
    opportunities: (ids) => this.catalogue.opportunities(ids),
    skills: (ids) => this.taxonomy.skills(ids),
  };

  async read(roadmaps: RoadmapEntity[]): Promise<RoadmapModel[]> {
    if (!roadmaps.length) return [];
    const steps = await this.versions.steps(roadmaps.map((r) => r.id));
    const mentioned = roadmaps.map((r) => diagnosisIds(r.diagnosis ?? {}));
    const oppById: Map<string, OpportunityModel> = await this.catalogue.opportunities([
      ...steps.map((s) => s.opportunityId),
      ...roadmaps.map((r) => r.goalOpportunityId).filter(isString),
      ...mentioned.flatMap((d) => d.opportunities),
    ]);
    const skillById = await this.taxonomy.skills([
      ...steps.flatMap((s) => s.skillsGained.map((g) => g.skillId)),
      ...roadmaps.flatMap((r) => r.missingSkillIds),
      ...mentioned.flatMap((d) => d.skills),
    ]);
    const occById = await this.taxonomy.occupations([
      ...roadmaps.map((r) => r.goalOccupationId).filter(isString),
      ...roadmaps.flatMap((r) => r.alternatives.map((a) => a.occupationId)),
    ]);
    return roadmaps.map((r) => {
      const d = r.diagnosis ?? {};
      return {
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
            listPricePence: s.listPricePence,
            fundingRule: s.fundingRuleId,
            fundingNote: fundingNote(s.fundingRuleId),
            ask: s.ask ? profileQuestion(s.ask as unknown as FundingAsk) : null,
            distanceKm: s.distanceKm,
            plannedStart: s.plannedStart,
            plannedEnd: s.plannedEnd,
          })),
        progress: learningProgress(steps.filter((s) => s.roadmapId === r.id)),
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
        blockers: blockerModels((d.blockers ?? []) as unknown as Blocker[], skillById, oppById),
        whatIfs: whatIfModels((d.whatIfs ?? []) as unknown as WhatIf[]),
        questions: ((d.questions ?? []) as unknown as FundingAsk[]).map(profileQuestion),
        firstStart: d.firstStart ?? null,
        startNote: d.startNote ?? null,
        weeks: d.weeks ?? 0,
        travelKm: d.travelKm ?? 0,
        option: d.option?.label ?? null,
        tradeOff: d.option?.tradeOff ?? null,
        createdAt: r.createdAt,
      };
    });
  }
}

/** Listings and skills by id, as the option reader needs them. */
export type ListingLookups = Pick<JourneyCatalogueRepository, 'opportunities' | 'skills'>;

/** Plans the resident can choose between (not stored), in the shape of a roadmap. */
export async function readOptionsWith(
  catalogue: ListingLookups,
  options: readonly RoadmapOption[],
): Promise<RoadmapOptionModel[]> {
  const ids = options.flatMap((o) => [
    ...o.steps.map((s) => s.opportunityId),
    ...o.jobs.map((j) => j.opportunityId),
    ...o.blockers.flatMap((b) => (b.opportunityId ? [b.opportunityId] : [])),
  ]);
  const opps = await catalogue.opportunities(ids);
  const skills = await catalogue.skills(
    options.flatMap((o) => [
      ...o.steps.flatMap((s) => s.skillsGained.map((g) => g.skill)),
      ...o.blockers.flatMap((b) => [b.skillId, ...b.forSkillIds]),
    ]),
  );
  return options.map((o) => {
    const learn: RoadmapStepModel[] = o.steps
      .filter((s) => opps.has(s.opportunityId))
      .map((s, i) => ({
        id: `${o.label}:${i + 1}`,
        position: i + 1,
        kind: 'LEARN',
        opportunity: opps.get(s.opportunityId)!,
        skillsGained: s.skillsGained
          .map((g) => ({ skill: skills.get(g.skill)!, level: g.level }))
          .filter((g) => !!g.skill),
        status: 'PLANNED',
        why: s.why,
        hours: s.hours,
        costPence: s.costToLearnerPence,
        listPricePence: s.listPricePence,
        fundingRule: s.fundingRuleId ?? null,
        fundingNote: fundingNote(s.fundingRuleId),
        ask: s.ask ? profileQuestion(s.ask) : null,
        distanceKm: s.distanceKm ?? null,
        plannedStart: s.plannedStart ? new Date(s.plannedStart) : null,
        plannedEnd: s.plannedEnd ? new Date(s.plannedEnd) : null,
      }));
    const apply: RoadmapStepModel[] = o.jobs
      .filter((j) => opps.has(j.opportunityId))
      .map((j, i) => ({
        id: `${o.label}:${learn.length + i + 1}`,
        position: learn.length + i + 1,
        kind: 'APPLY',
        opportunity: opps.get(j.opportunityId)!,
        skillsGained: [],
        status: 'PLANNED',
        why: j.why,
        hours: null,
        costPence: 0,
        listPricePence: null,
        fundingRule: null,
        fundingNote: null,
        ask: null,
        distanceKm: j.distanceKm ?? null,
        plannedStart: null,
        plannedEnd: null,
      }));
    return {
      label: o.label,
      tradeOff: o.tradeOff,
      steps: [...learn, ...apply],
      reachable: o.reachable,
      coverage: o.coverage,
      totalHours: o.totals.hours,
      totalCostPence: o.totals.costPence,
      weeks: o.totals.weeks,
      travelKm: o.totals.travelKm,
      firstStart: o.firstStart ?? null,
      startNote: o.startNote ?? null,
      summary: o.summary,
      blockers: blockerModels(o.blockers, skills, opps),
      whatIfs: whatIfModels(o.whatIfs),
    };
  });
}

function isString(v: string | null): v is string {
  return typeof v === 'string';
}
