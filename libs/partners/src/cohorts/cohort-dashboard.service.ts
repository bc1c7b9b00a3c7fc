import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AuthUser } from '@skillpath/auth';
import { RegionBoroughs } from '@skillpath/catalogue';
import { AuditService } from '@skillpath/journey';
import { CohortEntity } from '@skillpath/persistence';
import {
  PublishedCount,
  suppressNested,
  suppressRows,
  suppressSmallNumbers,
} from '../suppression/small-number-suppression';

type Row = Record<string, unknown>;

/** The funnel, in order: each stage is a subset of the one before. */
export const FUNNEL_STAGES = [
  'Joined',
  'Profile complete',
  'Has a roadmap',
  'Enrolled on a course',
  'Finished a course',
  'Applied for a job',
  'Interviewed',
  'In work',
] as const;

export const BOOTCAMP_MILESTONES = [
  'Started a Skills Bootcamp',
  'Completed a Skills Bootcamp',
  'Positive outcome',
] as const;

export interface CohortDashboard {
  cohortId: string;
  funnel: Array<{ stage: string; count: PublishedCount }>;
  bootcamp: Array<{ stage: string; count: PublishedCount }>;
  journey: { nodes: string[]; links: Array<{ source: string; target: string; count: PublishedCount }> };
  skills: Array<{
    skillId: string;
    demand: number;
    held: Array<{ borough: string; count: PublishedCount }>;
    heldTotal: PublishedCount;
    learning: Array<{ borough: string; count: PublishedCount }>;
    learningTotal: PublishedCount;
  }>;
  interviews: { promised: PublishedCount; recorded: PublishedCount };
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

/** Aggregates about a cohort with small numbers suppressed; individuals only with their monitoring consent. */
@Injectable()
export class CohortDashboardService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly audit: AuditService,
    private readonly region: RegionBoroughs,
  ) {}

  async build(user: AuthUser, cohort: CohortEntity): Promise<CohortDashboard> {
    const members: Row[] = await this.ds.query(
      // Seen one by one only with both consents: this cohort's, and the profile's "partnerships may see my progress".
      `WITH m AS (SELECT cm.user_id, (cm.individual_monitoring AND coalesce(lp.share_with_partnerships, false)) AS individual_monitoring
                    FROM cohort_members cm LEFT JOIN learner_profiles lp ON lp.user_id = cm.user_id WHERE cm.cohort_id = $1),
            latest AS (SELECT DISTINCT ON (r.user_id) r.user_id, r.id FROM roadmaps r JOIN m ON m.user_id = r.user_id ORDER BY r.user_id, r.version DESC)
       SELECT m.user_id, m.individual_monitoring, u.display_name, p.borough,
              (p.postcode IS NOT NULL AND EXISTS (SELECT 1 FROM learner_skills ls WHERE ls.user_id = m.user_id)) AS profile_complete,
              latest.id IS NOT NULL AS has_roadmap,
              EXISTS (SELECT 1 FROM roadmap_steps s JOIN roadmaps r ON r.id = s.roadmap_id WHERE r.user_id = m.user_id AND s.kind = 'LEARN' AND s.status IN ('ENROLLED', 'COMPLETED')) AS enrolled,
              EXISTS (SELECT 1 FROM roadmap_steps s JOIN roadmaps r ON r.id = s.roadmap_id WHERE r.user_id = m.user_id AND s.kind = 'LEARN' AND s.status = 'COMPLETED') AS completed_step,
              (EXISTS (SELECT 1 FROM roadmap_steps s JOIN roadmaps r ON r.id = s.roadmap_id WHERE r.user_id = m.user_id AND s.kind = 'APPLY' AND s.status IN ('ENROLLED', 'COMPLETED'))
                OR EXISTS (SELECT 1 FROM learner_outcomes o WHERE o.user_id = m.user_id AND o.kind = 'APPLIED')) AS applied,
              EXISTS (SELECT 1 FROM learner_outcomes o WHERE o.user_id = m.user_id AND o.kind = 'INTERVIEWED') AS interviewed,
              EXISTS (SELECT 1 FROM learner_outcomes o WHERE o.user_id = m.user_id AND o.kind = 'IN_WORK') AS in_work,
              EXISTS (SELECT 1 FROM roadmap_steps s JOIN roadmaps r ON r.id = s.roadmap_id JOIN opportunities o ON o.id = s.opportunity_id
                       WHERE r.user_id = m.user_id AND o.kind = 'BOOTCAMP' AND s.status IN ('ENROLLED', 'COMPLETED')) AS bootcamp_started,
              EXISTS (SELECT 1 FROM roadmap_steps s JOIN roadmaps r ON r.id = s.roadmap_id JOIN opportunities o ON o.id = s.opportunity_id
                       WHERE r.user_id = m.user_id AND o.kind = 'BOOTCAMP' AND s.status = 'COMPLETED') AS bootcamp_completed,
              EXISTS (SELECT 1 FROM credentials c JOIN accreditations a ON a.id = c.accreditation_id WHERE c.user_id = m.user_id AND a.guaranteed_interview) AS interview_promised,
              (SELECT count(*) FILTER (WHERE s.status = 'COMPLETED')::int FROM roadmap_steps s WHERE s.roadmap_id = latest.id) AS steps_completed,
              (SELECT count(*)::int FROM roadmap_steps s WHERE s.roadmap_id = latest.id) AS steps_total
         FROM m JOIN users u ON u.id = m.user_id LEFT JOIN learner_profiles p ON p.user_id = m.user_id LEFT JOIN latest ON latest.user_id = m.user_id
        ORDER BY u.display_name, m.user_id`,
      [cohort.id],
    );
    const flags = [
      'profile_complete',
      'has_roadmap',
      'enrolled',
      'completed_step',
      'applied',
      'interviewed',
      'in_work',
    ];
    // A learner's furthest stage; anyone past a stage has, for the funnel, passed the ones before it.
    const furthest = members.map((m) => {
      let f = 0;
      flags.forEach((k, i) => m[k] && (f = i + 1));
      return f;
    });
    // Base cells: who stopped at each stage, without individual monitoring (cells 0…S-1) and with it
    // (S…2S-1). The partner sees the latter one by one in `learners`, so they are disclosed: no figure
    // minus them may give away how few of the others reached a stage.
    const S = FUNNEL_STAGES.length;
    const stoppedBy = (monitored: boolean) =>
      FUNNEL_STAGES.map(
        (_, i) =>
          furthest.filter((f, k) => f === i && !!members[k].individual_monitoring === monitored).length,
      );
    const cells = [...stoppedBy(false), ...stoppedBy(true)];
    const atStage = (i: number) => [i, S + i];
    const funnelFigures = [
      ...FUNNEL_STAGES.map((s, i) => ({
        key: `stage:${i}`,
        of: FUNNEL_STAGES.map((_, c) => c)
          .filter((c) => c >= i)
          .flatMap(atStage),
      })),
      ...FUNNEL_STAGES.slice(0, -1).map((s, i) => ({ key: `stopped:${i}`, of: atStage(i) })),
    ];
    const funnelOut = suppressSmallNumbers({
      cells,
      figures: funnelFigures,
      disclosed: FUNNEL_STAGES.map((_, i) => S + i),
    });
    const funnel = FUNNEL_STAGES.map((stage, i) => ({ stage, count: funnelOut.get(`stage:${i}`)! }));
    const nodes = [...FUNNEL_STAGES, ...FUNNEL_STAGES.slice(0, -1).map((s) => `Stopped after: ${s}`)];
    const links = FUNNEL_STAGES.slice(0, -1).flatMap((s, i) => [
      { source: s, target: FUNNEL_STAGES[i + 1], count: funnelOut.get(`stage:${i + 1}`)! },
      { source: s, target: `Stopped after: ${s}`, count: funnelOut.get(`stopped:${i}`)! },
    ]);

    const started = members.filter((m) => m.bootcamp_started || m.bootcamp_completed);
    const bootOut = suppressNested([
      { key: '0', count: started.length },
      { key: '1', count: started.filter((m) => m.bootcamp_completed).length },
      { key: '2', count: started.filter((m) => m.bootcamp_completed && (m.interviewed || m.in_work)).length },
    ]);
    const promised = members.filter((m) => m.interview_promised);
    const intOut = suppressNested([
      { key: 'promised', count: promised.length },
      { key: 'recorded', count: promised.filter((m) => m.interviewed || m.in_work).length },
    ]);

    const learners = members
      .map((m, i) => ({ m, stage: FUNNEL_STAGES[furthest[i]] }))
      .filter(({ m }) => m.individual_monitoring)
      .map(({ m, stage }) => ({
        userId: m.user_id as string,
        displayName: m.display_name as string,
        borough: (m.borough as string | null) ?? null,
        stage,
        stepsCompleted: Number(m.steps_completed ?? 0),
        stepsTotal: Number(m.steps_total ?? 0),
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
      funnel,
      bootcamp: BOOTCAMP_MILESTONES.map((stage, i) => ({ stage, count: bootOut.get(String(i))! })),
      journey: { nodes, links },
      skills: await this.skills(cohort, members),
      interviews: { promised: intOut.get('promised')!, recorded: intOut.get('recorded')! },
      learners,
    };
  }

  /** Skills active vacancies in the partnership's area ask for, against those the cohort holds and is learning, by borough. */
  private async skills(cohort: CohortEntity, members: Row[]): Promise<CohortDashboard['skills']> {
    const [partnership]: Row[] = await this.ds.query('SELECT borough FROM organisations WHERE id = $1', [
      cohort.partnershipId,
    ]);
    const area = areaBoroughs((partnership?.borough as string | null) ?? null, this.region);
    // A vacancy is where its own postcode places it; one with no location at all (online) is where its
    // employer is, if the employer has a borough. Outside the region it has no borough and counts nowhere.
    const demand: Array<{ skill_id: string; vacancies: number }> = await this.ds.query(
      `SELECT os.skill_id, count(DISTINCT o.id)::int AS vacancies FROM opportunities o
         JOIN opportunity_skills os ON os.opportunity_id = o.id AND os.role = 'REQUIRED'
         LEFT JOIN organisations org ON org.id = o.organisation_id
        WHERE o.kind IN ('VACANCY', 'APPRENTICESHIP') AND o.status = 'ACTIVE'
          AND lower(COALESCE(o.borough, CASE WHEN o.postcode IS NULL AND o.latitude IS NULL THEN org.borough END)) = ANY($1::text[])
        GROUP BY os.skill_id ORDER BY vacancies DESC, os.skill_id LIMIT ${MAX_SKILLS}`,
      [area],
    );
    const ids = members.map((m) => m.user_id as string);
    const boroughOf = new Map(
      members.map((m) => [m.user_id as string, (m.borough as string | null) ?? UNKNOWN_BOROUGH]),
    );
    const boroughs = [...new Set(boroughOf.values())].sort();
    const skillIds = demand.map((d) => d.skill_id);
    const held: Array<{ user_id: string; skill_id: string }> = await this.ds.query(
      'SELECT DISTINCT user_id, skill_id FROM learner_skills WHERE user_id = ANY($1::uuid[]) AND skill_id = ANY($2::uuid[])',
      [ids, skillIds],
    );
    const learning: Array<{ user_id: string; skill_id: string }> = await this.ds.query(
      `SELECT DISTINCT r.user_id, os.skill_id FROM roadmap_steps s JOIN roadmaps r ON r.id = s.roadmap_id
         JOIN opportunity_skills os ON os.opportunity_id = s.opportunity_id AND os.role = 'TAUGHT'
        WHERE r.user_id = ANY($1::uuid[]) AND os.skill_id = ANY($2::uuid[]) AND s.kind = 'LEARN' AND s.status IN ('PLANNED', 'ENROLLED')
          AND r.version = (SELECT max(version) FROM roadmaps WHERE user_id = r.user_id)`,
      [ids, skillIds],
    );
    const grid = (pairs: Array<{ user_id: string; skill_id: string }>) => {
      const counts = skillIds.map((sid) =>
        boroughs.map((b) => pairs.filter((p) => p.skill_id === sid && boroughOf.get(p.user_id) === b).length),
      );
      // Each skill is its own table: a learner counts once per skill, in one borough, so a row adds up.
      return counts.map((row) =>
        suppressRows([row], { rowTotals: true, columnTotals: false, grandTotal: false }),
      );
    };
    const heldOut = grid(held);
    const learningOut = grid(learning);
    return demand.map((d, r) => ({
      skillId: d.skill_id,
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
  const cell = (c: PublishedCount) => (c.suppressed ? '[c]' : String(c.value));
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
