import {
  PublicFigure,
  publishNested,
  publishTable,
  SUPPRESSION_THRESHOLD,
} from '../suppression/small-number-suppression';

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

/** What the dashboard knows about one cohort member. */
export interface MemberFacts {
  userId: string;
  /** When they joined the cohort (ties broken by userId): the order intakes are counted in. */
  joinedAt: Date;
  /** Both consents hold: the partnership sees this member one by one. */
  monitored: boolean;
  /** Made or run by the partnership's own people (see STAFF-LINKED in cohort-dashboard.repository.ts). */
  staffLinked: boolean;
  /** Index in FUNNEL_STAGES of the furthest stage reached. */
  furthest: number;
  bootcampStarted: boolean;
  bootcampCompleted: boolean;
  /** Interviewed or in work. */
  positiveOutcome: boolean;
  interviewPromised: boolean;
}

/**
 * The members the published figures count:
 *  - never staff-linked ones (a partnership cannot pad its own cohort with sock puppets whose stages
 *    it knows, and subtract them);
 *  - others in whole intakes of SUPPRESSION_THRESHOLD, oldest first: a member is counted once they
 *    and at least four others who joined no earlier can be counted together, so one person joining
 *    never changes a figure on their own (the time-differencing attack sees nothing, or sees five
 *    people arrive at once). The up-to-four latest joiners wait for the next intake.
 */
export function countedMembers<M extends Pick<MemberFacts, 'userId' | 'joinedAt' | 'staffLinked'>>(
  members: readonly M[],
): M[] {
  const eligible = members
    .filter((m) => !m.staffLinked)
    .sort((a, b) => a.joinedAt.getTime() - b.joinedAt.getTime() || a.userId.localeCompare(b.userId));
  return eligible.slice(0, Math.floor(eligible.length / SUPPRESSION_THRESHOLD) * SUPPRESSION_THRESHOLD);
}

export interface CohortFigures {
  funnel: Array<{ stage: string; count: PublicFigure }>;
  journey: { nodes: string[]; links: Array<{ source: string; target: string; count: PublicFigure }> };
  bootcamp: Array<{ stage: string; count: PublicFigure }>;
  interviews: { promised: PublicFigure; recorded: PublicFigure };
}

/**
 * The funnel as a table to publish: base cells are who stopped at each stage, without individual
 * monitoring (cells 0…S-1) and with it (S…2S-1); figures are "reached stage i" and "stopped after stage
 * i". The partner sees monitored members one by one, so those cells are disclosed: no figure minus them
 * may give away how few of the others reached a stage.
 */
export function funnelTable(members: readonly MemberFacts[]): {
  cells: number[];
  figures: Array<{ key: string; of: number[] }>;
  disclosed: number[];
} {
  const S = FUNNEL_STAGES.length;
  const stoppedBy = (monitored: boolean) =>
    FUNNEL_STAGES.map((_, i) => members.filter((m) => m.furthest === i && m.monitored === monitored).length);
  const atStage = (i: number) => [i, S + i];
  return {
    cells: [...stoppedBy(false), ...stoppedBy(true)],
    figures: [
      ...FUNNEL_STAGES.map((_, i) => ({
        key: `stage:${i}`,
        of: FUNNEL_STAGES.map((__, c) => c)
          .filter((c) => c >= i)
          .flatMap(atStage),
      })),
      ...FUNNEL_STAGES.slice(0, -1).map((_, i) => ({ key: `stopped:${i}`, of: atStage(i) })),
    ],
    disclosed: FUNNEL_STAGES.map((_, i) => S + i),
  };
}

/** Every people-count of the dashboard, from the members' facts alone (pure: property-tested). */
export function cohortFigures(members: readonly MemberFacts[]): CohortFigures {
  const counted = countedMembers(members);
  const funnelOut = publishTable(funnelTable(counted));
  const funnel = FUNNEL_STAGES.map((stage, i) => ({ stage, count: funnelOut.get(`stage:${i}`)! }));
  const nodes = [...FUNNEL_STAGES, ...FUNNEL_STAGES.slice(0, -1).map((s) => `Stopped after: ${s}`)];
  const links = FUNNEL_STAGES.slice(0, -1).flatMap((s, i) => [
    { source: s, target: FUNNEL_STAGES[i + 1], count: funnelOut.get(`stage:${i + 1}`)! },
    { source: s, target: `Stopped after: ${s}`, count: funnelOut.get(`stopped:${i}`)! },
  ]);
  const started = counted.filter((m) => m.bootcampStarted || m.bootcampCompleted);
  const bootOut = publishNested([
    { key: '0', count: started.length },
    { key: '1', count: started.filter((m) => m.bootcampCompleted).length },
    { key: '2', count: started.filter((m) => m.bootcampCompleted && m.positiveOutcome).length },
  ]);
  const promised = counted.filter((m) => m.interviewPromised);
  const intOut = publishNested([
    { key: 'promised', count: promised.length },
    { key: 'recorded', count: promised.filter((m) => m.positiveOutcome).length },
  ]);
  return {
    funnel,
    journey: { nodes, links },
    bootcamp: BOOTCAMP_MILESTONES.map((stage, i) => ({ stage, count: bootOut.get(String(i))! })),
    interviews: { promised: intOut.get('promised')!, recorded: intOut.get('recorded')! },
  };
}
