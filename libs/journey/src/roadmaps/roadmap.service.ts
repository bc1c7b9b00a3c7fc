import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { badInput } from '@skillpath/common';
import {
  LearnerRecord,
  OptionLabel,
  outcomeScores,
  OutcomeScores,
  ShownOutcomes,
  planOptions,
  planRoadmap,
  Roadmap as EnginePlan,
  RoadmapGoal,
  RoadmapJob,
  RoadmapOption,
} from '@skillpath/matching';
import {
  LearnerProfileEntity,
  ReplanTrigger,
  RoadmapEntity,
  RoadmapStepEntity,
  StepStatus,
} from '@skillpath/persistence';
import { JourneyCatalogueRepository } from '../catalogue/journey-catalogue.repository';
import { MatchingIndexService } from '../engine/matching-index.service';
import { OutcomesRepository } from '../outcomes/outcomes.repository';
import { publishOutcomes } from '../outcomes/outcome-figures';
import { LearnerProfileRepository } from '../profile/learner-profile.repository';
import { ProfileService } from '../profile/profile.service';
import { reasonFor } from './replan-reasons';
import { NewRoadmapStep, RoadmapRepository } from './roadmap.repository';
import { JourneyTransactions } from '../data/journey-transactions';

export interface PlannedVersion {
  roadmap: RoadmapEntity;
  previous: RoadmapEntity | null;
  added: string[];
  removed: string[];
  /** When the goal was a listing that closed: what it was and what the goal is now. */
  goalClosed?: ClosedGoal;
}

/** A goal listing that closed, and the goal the learner was moved to. */
export interface ClosedGoal {
  closed: string;
  how: 'expired' | 'was withdrawn';
  /** The new goal's label, or null when nothing similar is open and the plan keeps to the closed goal's skills. */
  now: string | null;
}

const dateFormat = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  timeZone: 'UTC',
});

/** The sentence that says a goal listing closed and what the goal is now. */
export function closedGoalSentence(g: ClosedGoal): string {
  const what = `${g.closed} ${g.how === 'expired' ? 'has closed' : 'was withdrawn'}`;
  return g.now
    ? `${what}, so your goal is now ${g.now}`
    : `${what} and nothing like it is open now; your plan still builds the skills it asked for`;
}

/** Why the goal listing is the roadmap's last step: apply to it, by its closing date when there is one. */
/**
 * The headline's closing sentence when every advert at the end of the plan closes before it ends:
 * those adverts show the kind of job, and how often such jobs come up says whether one will be open.
 */
export function advertsCloseSentence(perMonth: number): string {
  const rate = Math.round(perMonth);
  const often =
    rate >= 2
      ? `similar jobs come up about ${rate} times a month`
      : rate === 1
        ? 'similar jobs come up about once a month'
        : 'similar jobs come up less than once a month';
  return `Every advert here closes before your plan ends: ${often}, so look for new ones as you finish.`;
}

export function applyToGoalWhy(title: string, closingDate: Date | null, learnSteps: number): string {
  const by = closingDate ? ` Applications close on ${dateFormat.format(closingDate)}.` : '';
  return learnSteps === 0
    ? `Your goal: you have what ${title} asks for, so apply now.${by}`
    : `Your goal: apply to ${title} once the steps above are done.${by}`;
}

/**
 * How long one computation of every course's outcome scores serves plans and rankings. The scores
 * aggregate every course participation (a scan that grows with the region), and they only nudge a
 * step's cost by up to 5%, so a few seconds' delay in a new outcome counting is harmless.
 */
const OUTCOME_SCORES_TTL_MS = 30_000;

/** Statuses a step keeps across re-plans: what the learner has done or is doing is not re-decided. */
const KEPT: StepStatus[] = ['COMPLETED', 'ENROLLED'];

/**
 * Plans a learner's roadmap with the engine and stores it as a new version, carrying over the steps
 * the learner has completed or is enrolled on, and recording what changed and why.
 */
@Injectable()
export class RoadmapService {
  constructor(
    private readonly tx: JourneyTransactions,
    private readonly profiles: ProfileService,
    private readonly profileRows: LearnerProfileRepository,
    private readonly catalogue: JourneyCatalogueRepository,
    private readonly versions: RoadmapRepository,
    private readonly engine: MatchingIndexService,
    private readonly outcomeRows: OutcomesRepository,
  ) {}

  private outcomesMemo?: { at: number; scores: Promise<OutcomeScores> };

  /**
   * Every course's outcomes as the engine's relative scores (1 = average; a new course is exactly 1),
   * from the figures residents are shown: what is hidden to protect privacy is not used either.
   * Computed at most once per OUTCOME_SCORES_TTL_MS; the same object is returned until then, so callers
   * may use its identity as a version.
   */
  outcomeScores(): Promise<OutcomeScores> {
    const now = Date.now();
    if (!this.outcomesMemo || now - this.outcomesMemo.at >= OUTCOME_SCORES_TTL_MS) {
      const scores = this.outcomeRows.allCounts().then((counts) => {
        const shown = new Map<string, ShownOutcomes>();
        for (const [id, c] of counts) {
          const p = publishOutcomes(c);
          shown.set(id, { starts: p.starts.value, completions: p.completions.value, jobs: p.jobs.value });
        }
        return outcomeScores(shown);
      });
      // A failed read is not remembered: the next caller tries again.
      scores.catch(() => {
        if (this.outcomesMemo?.scores === scores) this.outcomesMemo = undefined;
      });
      this.outcomesMemo = { at: now, scores };
    }
    return this.outcomesMemo.scores;
  }

  /**
   * What the planner needs about a learner now: the learner as the engine sees them (with skills of
   * steps they are enrolled on counted as on their way), their goal, the steps that carry over, and
   * the listings not to offer again (steps they dropped).
   */
  private async planningContext(userId: string, profile: LearnerProfileEntity, m: EntityManager) {
    const goal = await this.goalFor(profile, m);
    const previous = await this.versions.latest(userId, m);
    const previousSteps = previous ? await this.versions.steps([previous.id], m) : [];
    const kept = previousSteps.filter((s) => KEPT.includes(s.status) && s.kind === 'LEARN');
    const learner: LearnerRecord = await this.profiles.learnerFrom(profile, m);
    const held = new Map(learner.skills.map((s) => [s.skill, s.level]));
    for (const step of kept.filter((s) => s.status === 'ENROLLED')) {
      for (const g of step.skillsGained) held.set(g.skillId, Math.max(held.get(g.skillId) ?? 0, g.level));
    }
    learner.skills = [...held].map(([skill, level]) => ({ skill, level }));
    const dropped = await this.versions.droppedOpportunityIds(userId, m);
    return { goal, previous, previousSteps, kept, learner, dropped };
  }

  /** Up to three different plans for the learner's goal (cheapest first), not stored. */
  async options(userId: string, today?: string): Promise<RoadmapOption[]> {
    const snapshot = await this.engine.get();
    const outcomes = await this.outcomeScores();
    const m = this.tx.manager;
    const profile = await this.profiles.get(userId, m);
    const { goal, learner, dropped } = await this.planningContext(userId, profile, m);
    return planOptions(snapshot.index, learner, goal, {
      occupations: snapshot.targetOccupations,
      today,
      excludeOpportunityIds: dropped,
      outcomes,
    });
  }

  /** What the learner's goal asks for, as the engine plans towards it. */
  async goalFor(
    profile: LearnerProfileEntity,
    m: EntityManager = this.tx.manager,
  ): Promise<RoadmapGoal & { label: string }> {
    if (!profile.goalOccupationId && !profile.goalOpportunityId)
      throw badInput('Choose a goal first (setGoal), then ask for a plan.');
    const goal = profile.goalOccupationId
      ? await this.catalogue.occupationRequirements(profile.goalOccupationId, m)
      : await this.catalogue.listingRequirements(profile.goalOpportunityId!, m);
    if (!goal) throw badInput('Your goal no longer exists. Choose another with setGoal.');
    return {
      title: goal.title,
      label: goal.organisationName ? `${goal.title} at ${goal.organisationName}` : goal.title,
      occupationId: goal.occupationId ?? undefined,
      skills: goal.skills,
    };
  }

  /**
   * Plans and stores a new version (the option with that label when one is given). Serialised per
   * learner by locking their profile row.
   */
  async replan(
    userId: string,
    trigger: ReplanTrigger,
    detail?: string,
    today?: string,
    option?: OptionLabel,
  ): Promise<PlannedVersion> {
    const snapshot = await this.engine.get();
    const outcomes = await this.outcomeScores();
    return this.tx.run(async (m) => {
      const profile = await this.profileRows.lock(userId, m);
      const goalClosed = await this.followClosedGoal(profile, m);
      if (goalClosed) {
        trigger = 'GOAL_CLOSED';
        detail = closedGoalSentence(goalClosed);
      }
      const { goal, previous, previousSteps, kept, learner, dropped } = await this.planningContext(
        userId,
        profile,
        m,
      );
      const goalListing = profile.goalOpportunityId
        ? await this.catalogue.listing(profile.goalOpportunityId, m)
        : null;
      const planOpts = {
        occupations: snapshot.targetOccupations,
        today,
        excludeOpportunityIds: dropped,
        outcomes,
      };
      let chosen: RoadmapOption | undefined;
      if (option) {
        const all = planOptions(snapshot.index, learner, goal, planOpts);
        chosen = all.find((o) => o.label === option);
        if (!chosen)
          throw badInput(
            `There is no ${option.toLowerCase().replace('_', ' ')} option for your goal now. Choose one of: ${all.map((o) => o.label).join(', ')}.`,
          );
      }
      const plan: EnginePlan = chosen ?? planRoadmap(snapshot.index, learner, goal, planOpts);

      const version = (previous?.version ?? 0) + 1;
      const keptIds = new Set(kept.map((s) => s.opportunityId));
      const newLearn = plan.steps.filter((s) => !keptIds.has(s.opportunityId));
      const jobs = plan.jobs.filter((j) => !keptIds.has(j.opportunityId));
      // A listing goal that is open ends the roadmap in applying to it, never in an empty plan.
      if (goalListing?.status === 'ACTIVE') {
        const at = jobs.findIndex((j) => j.opportunityId === goalListing.id);
        const why = applyToGoalWhy(goalListing.title, goalListing.closingDate, newLearn.length + kept.length);
        const prior = at >= 0 ? jobs.splice(at, 1)[0] : undefined;
        jobs.unshift({
          opportunityId: goalListing.id,
          kind: goalListing.kind,
          title: goalListing.title,
          fit: prior?.fit ?? plan.coverage,
          distanceKm: prior?.distanceKm,
          why,
        });
      }
      const untaught = new Set(plan.untaughtSkills);
      // Honest headline: a plan whose every advert closes before it ends says so, with how often
      // jobs like them come up (the adverts themselves say it only further down).
      const planEnds = (today ? Date.parse(today) : Date.now()) + plan.totals.weeks * 7 * 86_400_000;
      const closesEarly = (j: RoadmapJob) =>
        j.opportunityId === goalListing?.id
          ? !!goalListing.closingDate && goalListing.closingDate.getTime() < planEnds
          : !!j.closesBeforePlanEnds;
      const occupationId = profile.goalOccupationId ?? goalListing?.occupationId ?? null;
      let summary = plan.summary;
      if (jobs.length > 0 && occupationId && jobs.every(closesEarly))
        summary = `${summary} ${advertsCloseSentence(await this.catalogue.jobsPerMonth(occupationId, m))}`;
      const roadmap = await this.versions.insertVersion(m, {
        userId,
        version,
        goalOccupationId: profile.goalOccupationId,
        goalOpportunityId: profile.goalOpportunityId,
        reachable: plan.reachable,
        coverage: plan.coverage,
        missingSkillIds: [...new Set([...plan.missingSkills.map((s) => s.skill), ...untaught])],
        totalHours: plan.totals.hours,
        totalCostPence: plan.totals.costPence,
        trigger,
        reason: reasonFor(trigger, detail),
        summary,
        changes: {},
        alternatives: plan.alternatives,
        diagnosis: {
          blockers: plan.blockers.map((b) => ({ ...b })),
          whatIfs: plan.whatIfs.map((w) => ({ ...w })),
          questions: plan.questions.map((q) => ({ ...q })),
          firstStart: plan.firstStart,
          startNote: plan.startNote,
          travelKm: plan.totals.travelKm,
          weeks: plan.totals.weeks,
          option: chosen ? { label: chosen.label, tradeOff: chosen.tradeOff } : undefined,
        },
      });
      const rows: NewRoadmapStep[] = [];
      let position = 1;
      for (const s of kept) {
        rows.push({ ...stripIdentity(s), roadmapId: roadmap.id, position: position++ });
      }
      for (const s of newLearn) {
        rows.push({
          roadmapId: roadmap.id,
          position: position++,
          opportunityId: s.opportunityId,
          kind: 'LEARN',
          skillsGained: s.skillsGained.map((g) => ({ skillId: g.skill, level: g.level })),
          status: 'PLANNED',
          why: s.why,
          hours: s.hours,
          costPence: s.costToLearnerPence,
          listPricePence: s.listPricePence,
          fundingRuleId: s.fundingRuleId ?? null,
          ask: s.ask ? { ...s.ask } : null,
          distanceKm: s.distanceKm ?? null,
          plannedStart: s.plannedStart ? new Date(s.plannedStart) : null,
          plannedEnd: s.plannedEnd ? new Date(s.plannedEnd) : null,
        });
      }
      // Jobs the learner had already applied for stay; new suggestions follow.
      const appliedJobs = previousSteps.filter(
        (s) => s.kind === 'APPLY' && s.status !== 'PLANNED' && s.status !== 'DROPPED',
      );
      const appliedIds = new Set(appliedJobs.map((s) => s.opportunityId));
      for (const s of appliedJobs)
        rows.push({ ...stripIdentity(s), roadmapId: roadmap.id, position: position++ });
      for (const j of jobs.filter((j) => !appliedIds.has(j.opportunityId))) {
        rows.push({
          roadmapId: roadmap.id,
          position: position++,
          opportunityId: j.opportunityId,
          kind: 'APPLY',
          skillsGained: [],
          status: 'PLANNED',
          why: j.why,
          hours: null,
          costPence: 0,
          listPricePence: null,
          fundingRuleId: null,
          ask: null,
          distanceKm: j.distanceKm ?? null,
          plannedStart: null,
          plannedEnd: null,
        });
      }
      await this.versions.insertSteps(m, rows);

      const titles = await this.catalogue.titles(
        [...rows.map((r) => r.opportunityId), ...previousSteps.map((s) => s.opportunityId)],
        m,
      );
      const { added, removed } = stepChanges(previous ? previousSteps : null, rows, titles);
      roadmap.changes = { added, removed };
      await this.versions.setChanges(m, roadmap.id, roadmap.changes);
      return { roadmap, previous, added, removed, goalClosed: goalClosed ?? undefined };
    });
  }

  /**
   * When the learner's goal is a listing that is no longer open, moves the goal on: to the listing's
   * occupation when it has one (the plan then ends in that role's open jobs), else to the most similar
   * open vacancy or apprenticeship. With neither, the goal stays and the plan keeps to its skills.
   */
  private async followClosedGoal(
    profile: LearnerProfileEntity,
    m: EntityManager,
  ): Promise<ClosedGoal | null> {
    if (!profile.goalOpportunityId) return null;
    const listing = await this.catalogue.listing(profile.goalOpportunityId, m);
    if (!listing || listing.status === 'ACTIVE') return null;
    const closed = `${listing.title} at ${listing.organisationName}`;
    const how = listing.status === 'WITHDRAWN' ? 'was withdrawn' : 'expired';
    if (listing.occupationId) {
      const occupation = (await this.catalogue.occupations([listing.occupationId], m)).get(
        listing.occupationId,
      );
      if (occupation) {
        await this.profileRows.update(
          profile.userId,
          { goalOccupationId: occupation.id, goalOpportunityId: null },
          m,
        );
        Object.assign(profile, { goalOccupationId: occupation.id, goalOpportunityId: null });
        return { closed, how, now: occupation.title };
      }
    }
    const near =
      profile.latitude !== null && profile.longitude !== null
        ? { lat: profile.latitude, lon: profile.longitude }
        : null;
    const similar = await this.catalogue.mostSimilarOpenListing(listing.id, near, m);
    if (!similar) return { closed, how, now: null };
    await this.profileRows.update(
      profile.userId,
      { goalOpportunityId: similar.id, goalOccupationId: null },
      m,
    );
    profile.goalOpportunityId = similar.id;
    return { closed, how, now: `${similar.title} at ${similar.organisationName}` };
  }
}

/**
 * What a new version changed, as titles: listings new to the plan (none for a first version) and
 * listings no longer in it (a dropped step was already gone).
 */
export function stepChanges(
  previousSteps: ReadonlyArray<Pick<RoadmapStepEntity, 'opportunityId' | 'status'>> | null,
  steps: ReadonlyArray<Pick<RoadmapStepEntity, 'opportunityId'>>,
  titles: ReadonlyMap<string, string>,
): { added: string[]; removed: string[] } {
  const before = new Set(
    (previousSteps ?? []).filter((s) => s.status !== 'DROPPED').map((s) => s.opportunityId),
  );
  const after = new Set(steps.map((r) => r.opportunityId));
  const title = (id: string) => titles.get(id) ?? id;
  return {
    added: previousSteps ? [...after].filter((id) => !before.has(id)).map(title) : [],
    removed: [...before].filter((id) => !after.has(id)).map(title),
  };
}

function stripIdentity(s: RoadmapStepEntity): Omit<NewRoadmapStep, 'roadmapId' | 'position'> {
  const { id: _id, roadmapId: _r, position: _p, roadmap: _rm, opportunity: _o, ...rest } = s;
  return rest;
}
