import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Sql } from '@skillpath/persistence';
import { DataSource } from 'typeorm';
import type { OutcomeCounts } from './outcome-figures';

/** One course's true counts, with the provider it belongs to. */
export interface CourseOutcomeRow extends OutcomeCounts {
  opportunityId: string;
  /** The organisation's id, or its name for listings from a feed with no organisation record. */
  provider: string;
  guaranteedInterview: boolean;
  kind: string;
}

type CountsRow = {
  id: string;
  provider: string;
  kind: string;
  guaranteed_interview: boolean;
  starts: string;
  completions: string;
  interviews: string;
  jobs: string;
};

/**
 * Outcomes of learning, counted from the record: a start is a participation with an enrolment or a
 * completion, a completion is one confirmed by both provider and learner, and an interview or a job
 * is a completer's recorded outcome dated after their completion (a job counts as an interview too).
 */
@Injectable()
export class OutcomesRepository {
  private readonly sql: Sql;

  constructor(@InjectDataSource() ds: DataSource) {
    this.sql = new Sql(ds);
  }

  /** Counts of every listing anyone has started (the rest have none): the engine's outcome scores. */
  async allCounts(): Promise<Map<string, OutcomeCounts>> {
    const rows = await this.sql.rows<{
      id: string;
      starts: string;
      completions: string;
      interviews: string;
      jobs: string;
    }>(
      `SELECT cp.opportunity_id AS id,
                count(*) FILTER (WHERE cp.enrolled_at IS NOT NULL OR cp.completed_at IS NOT NULL) AS starts,
                count(*) FILTER (WHERE cp.completed_at IS NOT NULL) AS completions,
                count(*) FILTER (WHERE cp.completed_at IS NOT NULL AND EXISTS (
                  SELECT 1 FROM learner_outcomes lo WHERE lo.user_id = cp.user_id
                     AND lo.kind IN ('INTERVIEWED', 'IN_WORK') AND lo.at >= cp.completed_at)) AS interviews,
                count(*) FILTER (WHERE cp.completed_at IS NOT NULL AND EXISTS (
                  SELECT 1 FROM learner_outcomes lo WHERE lo.user_id = cp.user_id
                     AND lo.kind = 'IN_WORK' AND lo.at >= cp.completed_at)) AS jobs
           FROM course_participations cp GROUP BY cp.opportunity_id`,
    );
    return new Map(
      rows.map((r) => [
        r.id,
        {
          starts: Number(r.starts),
          completions: Number(r.completions),
          interviews: Number(r.interviews),
          jobs: Number(r.jobs),
        },
      ]),
    );
  }

  /** The counts of every learning listing of the providers of these listings (theirs included). */
  async providerCourses(opportunityIds: readonly string[]): Promise<CourseOutcomeRow[]> {
    if (!opportunityIds.length) return [];
    const rows = await this.sql.rows<CountsRow>(
      `WITH providers AS (
         SELECT DISTINCT coalesce(organisation_id::text, 'name:' || organisation_name) AS provider
           FROM opportunities WHERE id = ANY($1::uuid[])),
       courses AS (
         SELECT o.id, o.kind, o.guaranteed_interview, coalesce(o.organisation_id::text, 'name:' || o.organisation_name) AS provider
           FROM opportunities o
          WHERE o.kind IN ('COURSE', 'BOOTCAMP', 'APPRENTICESHIP')
            AND coalesce(o.organisation_id::text, 'name:' || o.organisation_name) IN (SELECT provider FROM providers)),
       people AS (
         SELECT cp.opportunity_id, cp.completed_at,
                (cp.enrolled_at IS NOT NULL OR cp.completed_at IS NOT NULL) AS started,
                cp.completed_at IS NOT NULL AND EXISTS (
                  SELECT 1 FROM learner_outcomes lo WHERE lo.user_id = cp.user_id
                     AND lo.kind IN ('INTERVIEWED', 'IN_WORK') AND lo.at >= cp.completed_at) AS interviewed,
                cp.completed_at IS NOT NULL AND EXISTS (
                  SELECT 1 FROM learner_outcomes lo WHERE lo.user_id = cp.user_id
                     AND lo.kind = 'IN_WORK' AND lo.at >= cp.completed_at) AS in_work
           FROM course_participations cp WHERE cp.opportunity_id IN (SELECT id FROM courses))
       SELECT c.id, c.provider, c.kind, c.guaranteed_interview,
              count(p.*) FILTER (WHERE p.started) AS starts,
              count(p.*) FILTER (WHERE p.completed_at IS NOT NULL) AS completions,
              count(p.*) FILTER (WHERE p.interviewed OR p.in_work) AS interviews,
              count(p.*) FILTER (WHERE p.in_work) AS jobs
         FROM courses c LEFT JOIN people p ON p.opportunity_id = c.id
        GROUP BY c.id, c.provider, c.kind, c.guaranteed_interview`,
      [[...opportunityIds]],
    );
    return rows.map((r) => ({
      opportunityId: r.id,
      provider: r.provider,
      kind: r.kind,
      guaranteedInterview: r.guaranteed_interview,
      starts: Number(r.starts),
      completions: Number(r.completions),
      interviews: Number(r.interviews),
      jobs: Number(r.jobs),
    }));
  }
}
