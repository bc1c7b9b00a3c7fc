import { Injectable } from '@nestjs/common';
import { SkillModel } from '@skillpath/catalogue';
import {
  LearnerRecord,
  OutcomeScores,
  rankOpportunities,
  reachableRoles,
  skillsThatOpen,
} from '@skillpath/matching';
import type { OpportunityKind } from '@skillpath/persistence';
import { OPPORTUNITY_KINDS } from '@skillpath/vocabulary';
import { JourneyCatalogueRepository } from '../catalogue/journey-catalogue.repository';
import { TaxonomyLookups } from '../catalogue/taxonomy-lookups';
import { EngineSnapshot, MatchingIndexService } from '../engine/matching-index.service';
import { ProfileService } from '../profile/profile.service';
import { RoadmapService } from '../roadmaps/roadmap.service';
import { SkillOpeningModel } from '../roadmaps/roadmap.models';
import { RoadmapRepository } from '../roadmaps/roadmap.repository';
import { MatchModel, RoleMatchModel } from './discovery.models';
import { LearnerAnswerCache, ObjectSerials } from './learner-answer-cache';

const ALL_KINDS: OpportunityKind[] = [...OPPORTUNITY_KINDS];
/** Learners whose reachable roles each API process remembers (a few kB each). */
const REACHABLE_ROLES_CACHED_LEARNERS = 10_000;

/** What fits a learner now, from the engine's live index: listings and roles within reach. */
@Injectable()
export class DiscoveryService {
  // reachableRoles plans each shortlisted role (so its hours are the roadmap's): the costliest read by
  // far, and asked for again and again with nothing changed. Answers are kept per learner and reused
  // while the learner, their dropped steps, the index, the outcome scores and the day are the same.
  private readonly rolesCache = new LearnerAnswerCache<RoleMatchModel[]>(REACHABLE_ROLES_CACHED_LEARNERS);
  private readonly serials = new ObjectSerials();

  constructor(
    private readonly engine: MatchingIndexService,
    private readonly profiles: ProfileService,
    private readonly roadmaps: RoadmapService,
    private readonly catalogue: JourneyCatalogueRepository,
    private readonly versions: RoadmapRepository,
    private readonly taxonomy: TaxonomyLookups,
  ) {}

  /** Opportunities that fit the learner, best first, each explained; towards their goal when they have one. */
  async matches(userId: string, kinds: OpportunityKind[] | null, first: number): Promise<MatchModel[]> {
    const snapshot = await this.engine.get();
    const { profile, learner } = await this.profiles.profileAndLearner(userId);
    const needSkills =
      profile.goalOccupationId || profile.goalOpportunityId
        ? (await this.roadmaps.goalFor(profile)).skills
        : undefined;
    const ranked = rankOpportunities(snapshot.index, learner, {
      kinds: kinds?.length ? kinds : ALL_KINDS,
      k: first,
      needSkills,
      // Courses that lead to work rank a little higher (from the shown figures only; see outcomeScores).
      outcomes: await this.roadmaps.outcomeScores(),
    });
    const opps = await this.catalogue.opportunities(ranked.map((r) => r.id));
    const skills = await this.taxonomy.skills([
      ...ranked.flatMap((r) => r.matchedSkills.map((s) => s.skill)),
      ...ranked.flatMap((r) => r.missingSkills.map((s) => s.skill)),
    ]);
    const known = (ids: Array<{ skill: string }>) =>
      ids.map((s) => skills.get(s.skill)).filter((s): s is SkillModel => !!s);
    return ranked
      .filter((r) => opps.has(r.id))
      .map((r) => ({
        opportunity: opps.get(r.id)!,
        score: r.score,
        matchedSkills: known(r.matchedSkills),
        missingSkills: known(r.missingSkills),
        distanceKm: r.distanceKm === undefined ? null : Math.round(r.distanceKm * 10) / 10,
        costToYouPence: r.costToLearnerPence,
        explanation: r.explanation,
      }));
  }

  /** Roles ranked by how near the learner already is and how many local vacancies there are. */
  async reachableRoles(userId: string, first: number): Promise<RoleMatchModel[]> {
    const snapshot = await this.engine.get();
    const learner = await this.profiles.learnerRecord(userId);
    const excludeOpportunityIds = await this.versions.droppedOpportunityIds(userId);
    const outcomes = await this.roadmaps.outcomeScores();
    const today = new Date().toISOString().slice(0, 10);
    const fingerprint = LearnerAnswerCache.fingerprint(
      this.serials.of(snapshot),
      snapshot.index.generation,
      this.serials.of(outcomes),
      today,
      first,
      learner,
      excludeOpportunityIds,
    );
    return this.rolesCache.getOrCompute(userId, fingerprint, () =>
      this.computeReachableRoles(snapshot, learner, first, { today, excludeOpportunityIds, outcomes }),
    );
  }

  private async computeReachableRoles(
    snapshot: EngineSnapshot,
    learner: LearnerRecord,
    first: number,
    opts: { today: string; excludeOpportunityIds: string[]; outcomes: OutcomeScores },
  ): Promise<RoleMatchModel[]> {
    // The same computation as the roadmap's: its hours for a role are the roadmap's total hours for it.
    const roles = reachableRoles(snapshot.index, snapshot.targetOccupations, learner, first, opts);
    const occs = await this.taxonomy.occupations(roles.map((r) => r.occupationId));
    const skills = await this.taxonomy.skills(roles.flatMap((r) => r.missingSkills.map((s) => s.skill)));
    return roles
      .filter((r) => occs.has(r.occupationId))
      .map((r) => ({
        occupation: occs.get(r.occupationId)!,
        score: r.score,
        fit: r.fit,
        gapHours: r.gapHours,
        missingSkills: r.missingSkills.map((s) => skills.get(s.skill)).filter((s): s is SkillModel => !!s),
        localVacancies: r.localDemand,
        explanation: r.explanation,
      }));
  }

  /** The few skills that would open the most local jobs and roles if learnt next. */
  async skillsToLearnNext(userId: string, first: number): Promise<SkillOpeningModel[]> {
    const snapshot = await this.engine.get();
    const learner = await this.profiles.learnerRecord(userId);
    const openings = skillsThatOpen(snapshot.index, learner, {
      occupations: snapshot.targetOccupations,
      limit: first,
    });
    const skills = await this.taxonomy.skills(openings.map((o) => o.skill));
    return openings
      .filter((o) => skills.has(o.skill))
      .map((o) => ({
        skill: skills.get(o.skill)!,
        level: o.level,
        jobs: o.jobs,
        roles: o.roles,
        hours: o.hours ?? null,
        message: o.message,
      }));
  }
}
