import { Injectable } from '@nestjs/common';
import { AuthUser } from '@skillpath/auth';
import { RegionBoroughs } from '@skillpath/catalogue';
import { AuditService, progressFigures } from '@skillpath/journey';
import { CohortEntity } from '@skillpath/persistence';
import { PublicFigure, publishRow } from '../suppression/small-number-suppression';
import { CohortDashboardRepository, CohortMemberRow } from './cohort-dashboard.repository';
import { cohortFigures, CohortFigures, countedMembers, FUNNEL_STAGES, MemberFacts } from './cohort-figures';

export { BOOTCAMP_MILESTONES, FUNNEL_STAGES } from './cohort-figures';

export interface CohortDashboard extends CohortFigures {
  cohortId: string;
  skills: Array<{
    skillId: string;
    demand: number;
    held: Array<{ borough: string; count: PublicFigure }>;
    heldTotal: PublicFigure;
    learning: Array<{ borough: string; count: PublicFigure }>;
    learningTotal: PublicFigure;
  }>;
  learners: Array<{
    userId: string;
    displayName: string;
    borough: string | null;
    stage: string;
    stepsCompleted: number;
    stepsTotal: number;
  }>;
}

const MAX_SKILLS = 15;
const UNKNOWN_BOROUGH = 'Not known';

/**
 * The boroughs whose vacancies count as a partnership's local demand, lower-cased: its own borough, or
 * every borough of the region for a partnership without one (a combined authority).
 */
export function areaBoroughs(partnershipBorough: string | null, region: RegionBoroughs): string[] {
  const own = partnershipBorough?.trim();
  return (own ? [own] : [...region.boroughs]).map((b) => b.toLowerCase());
}

/** A member's furthest funnel stage; anyone past a stage has, for the funnel, passed the ones before it. */
export function furthestStage(m: CohortMemberRow): number {
  const flags = [
    m.profileComplete,
    m.hasRoadmap,
    m.enrolled,
    m.completedStep,
    m.applied,
    m.interviewed,
    m.inWork,
  ];
  let f = 0;
  flags.forEach((on, i) => on && (f = i + 1));
  return f;
}

const factsOf = (m: CohortMemberRow): MemberFacts => ({
  userId: m.userId,
  joinedAt: new Date(m.joinedAt),
  monitored: m.monitored,
  staffLinked: m.staffLinked,
  furthest: furthestStage(m),
  bootcampStarted: m.bootcampStarted,
  bootcampCompleted: m.bootcampCompleted,
  positiveOutcome: m.interviewed || m.inWork,
  interviewPromised: m.interviewPromised,
});

/**
 * Aggregates about a cohort that survive an adversarial partner (see cohort-figures.ts and
 * publishTable): staff-linked members excluded, members counted in whole intakes of five, small
 * numbers and revealing zeros hidden, the rest rounded to 5. Individuals only with their consent.
 */
@Injectable()
export class CohortDashboardService {
  constructor(
    private readonly repo: CohortDashboardRepository,
    private readonly audit: AuditService,
    private readonly region: RegionBoroughs,
  ) {}

  async build(user: AuthUser, cohort: CohortEntity): Promise<CohortDashboard> {
    const members = await this.repo.members(cohort.id, cohort.partnershipId);
    const facts = members.map(factsOf);
    const figures = cohortFigures(facts);
    const counted = new Set(countedMembers(facts).map((m) => m.userId));

    const learners = members
      .filter((m) => m.monitored)
      .map((m) => ({
        userId: m.userId,
        displayName: m.displayName,
        borough: m.borough ?? null,
        stage: FUNNEL_STAGES[furthestStage(m)],
        ...progressFigures(m.steps),
      }));
    for (const l of learners) {
      await this.audit.record({
        actorUserId: user.id,
        actorRole: user.role,
        subjectUserId: l.userId,
        action: 'COHORT_PROGRESS_VIEWED',
        reason: `individual monitoring (consented) in cohort ${cohort.name} (${cohort.id})`,
      });
    }

    return {
      cohortId: cohort.id,
      ...figures,
      skills: await this.skills(
        cohort,
        members.filter((m) => counted.has(m.userId)),
      ),
      learners,
    };
  }

  /** Skills active vacancies in the partnership's area ask for, against those the cohort holds and is learning, by borough. */
  private async skills(cohort: CohortEntity, members: CohortMemberRow[]): Promise<CohortDashboard['skills']> {
    const area = areaBoroughs(await this.repo.partnershipBorough(cohort.partnershipId), this.region);
    const demand = await this.repo.demand(area, MAX_SKILLS);
    const ids = members.map((m) => m.userId);
    const boroughOf = new Map(members.map((m) => [m.userId, m.borough ?? UNKNOWN_BOROUGH]));
    const boroughs = [...new Set(boroughOf.values())].sort();
    const skillIds = demand.map((d) => d.skillId);
    const held = ids.length && skillIds.length ? await this.repo.held(ids, skillIds) : [];
    const learning = ids.length && skillIds.length ? await this.repo.learning(ids, skillIds) : [];
    // Each skill is its own table: a learner counts once per skill, in one borough, so a row adds up.
    const grid = (pairs: Array<{ userId: string; skillId: string }>) =>
      skillIds.map((sid) =>
        publishRow(
          boroughs.map((b) => pairs.filter((p) => p.skillId === sid && boroughOf.get(p.userId) === b).length),
        ),
      );
    const heldOut = grid(held);
    const learningOut = grid(learning);
    return demand.map((d, r) => ({
      skillId: d.skillId,
      demand: d.vacancies,
      held: boroughs.map((b, c) => ({ borough: b, count: heldOut[r].get(`0:${c}`)! })),
      heldTotal: heldOut[r].get('0:*')!,
      learning: boroughs.map((b, c) => ({ borough: b, count: learningOut[r].get(`0:${c}`)! })),
      learningTotal: learningOut[r].get('0:*')!,
    }));
  }
}

/** Every aggregate of a dashboard as CSV files; a suppressed count is written "[c]" as ONS does. */
export function dashboardCsv(
  d: CohortDashboard,
  skillLabel: (id: string) => string,
): Array<{ name: string; content: string }> {
  const cell = (c: PublicFigure) => (c.suppressed ? '[c]' : String(c.value));
  const q = (s: string) => (/[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);
  const csv = (rows: string[][]) => rows.map((r) => r.map(q).join(',')).join('\n') + '\n';
  return [
    {
      name: 'funnel.csv',
      content: csv([['stage', 'learners'], ...d.funnel.map((f) => [f.stage, cell(f.count)])]),
    },
    {
      name: 'bootcamp-milestones.csv',
      content: csv([['milestone', 'learners'], ...d.bootcamp.map((f) => [f.stage, cell(f.count)])]),
    },
    {
      name: 'journey-flows.csv',
      content: csv([
        ['source', 'target', 'learners'],
        ...d.journey.links.map((l) => [l.source, l.target, cell(l.count)]),
      ]),
    },
    {
      name: 'skills-demand-supply.csv',
      content: csv([
        ['skill', 'vacancies asking', 'measure', 'borough', 'learners'],
        ...d.skills.flatMap((s) => [
          ...s.held.map((h) => [skillLabel(s.skillId), String(s.demand), 'holds', h.borough, cell(h.count)]),
          [skillLabel(s.skillId), String(s.demand), 'holds', 'All', cell(s.heldTotal)],
          ...s.learning.map((h) => [
            skillLabel(s.skillId),
            String(s.demand),
            'learning',
            h.borough,
            cell(h.count),
          ]),
          [skillLabel(s.skillId), String(s.demand), 'learning', 'All', cell(s.learningTotal)],
        ]),
      ]),
    },
    {
      name: 'guaranteed-interviews.csv',
      content: csv([
        ['measure', 'learners'],
        ['promised', cell(d.interviews.promised)],
        ['recorded', cell(d.interviews.recorded)],
      ]),
    },
  ];
}
