import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import {
  CourseParticipationEntity,
  ParticipationRequestEntity,
  ParticipationRequestKind,
  ParticipationRequestStatus,
  Sql,
} from '@skillpath/persistence';

export interface ParticipationRequestRow {
  id: string;
  kind: ParticipationRequestKind;
  userId: string;
  opportunityId: string;
  courseTitle: string;
  providerName: string;
  status: ParticipationRequestStatus;
  createdAt: Date;
  respondedAt: Date | null;
}

const REQUEST_COLUMNS = `SELECT r.id, r.kind, r.user_id AS "userId", r.opportunity_id AS "opportunityId",
       o.title AS "courseTitle", coalesce(org.name, o.organisation_name) AS "providerName", r.status,
       r.created_at AS "createdAt", r.responded_at AS "respondedAt"
  FROM participation_requests r JOIN opportunities o ON o.id = r.opportunity_id
  LEFT JOIN organisations org ON org.id = r.provider_id`;

/** The SQL of enrolments, completions and the providers' requests learners answer. */
@Injectable()
export class CompletionsRepository {
  private readonly sql: Sql;

  constructor(@InjectDataSource() private readonly ds: DataSource) {
    this.sql = new Sql(ds);
  }

  transaction<T>(fn: (m: EntityManager) => Promise<T>): Promise<T> {
    return this.ds.transaction(fn);
  }

  /** The learner with this email whose roadmap has the course; null otherwise (whatever the reason). */
  async learnerWithCourse(email: string, opportunityId: string): Promise<string | null> {
    const row = await this.sql.one<{ id: string }>(
      `SELECT u.id FROM users u WHERE u.email = $1 AND u.role = 'LEARNER' AND EXISTS (
         SELECT 1 FROM roadmap_steps s JOIN roadmaps r ON r.id = s.roadmap_id WHERE r.user_id = u.id AND s.opportunity_id = $2)`,
      [email, opportunityId],
    );
    return row?.id ?? null;
  }

  /** A new PENDING request, or null when one of that kind is already open (the partial unique index). */
  async openRequest(
    m: EntityManager,
    r: {
      kind: ParticipationRequestKind;
      userId: string;
      opportunityId: string;
      providerId: string;
      requestedBy: string | null;
    },
  ): Promise<string | null> {
    const res = await m
      .createQueryBuilder()
      .insert()
      .into(ParticipationRequestEntity)
      .values({ ...r, status: 'PENDING' })
      .orIgnore()
      .returning(['id'])
      .execute();
    const rows = res.raw as Array<{ id: string }>;
    return rows[0]?.id ?? null;
  }

  async request(
    id: string,
    userId: string,
    m: EntityManager = this.ds.manager,
  ): Promise<ParticipationRequestRow | null> {
    const row = await new Sql(m).one<ParticipationRequestRow>(
      `${REQUEST_COLUMNS} WHERE r.id = $1 AND r.user_id = $2`,
      [id, userId],
    );
    return row ?? null;
  }

  requestsOf(userId: string, pendingOnly: boolean): Promise<ParticipationRequestRow[]> {
    return this.sql.rows<ParticipationRequestRow>(
      `${REQUEST_COLUMNS} WHERE r.user_id = $1 ${pendingOnly ? `AND r.status = 'PENDING'` : ''} ORDER BY r.created_at DESC, r.id`,
      [userId],
    );
  }

  /** PENDING → ACCEPTED/DECLINED once (a conditional update): true when this call answered it. */
  async answer(m: EntityManager, id: string, to: 'ACCEPTED' | 'DECLINED'): Promise<boolean> {
    const res = await m
      .createQueryBuilder()
      .update(ParticipationRequestEntity)
      .set({ status: to, respondedAt: new Date() })
      .where(`id = :id AND status = 'PENDING'`, { id })
      .execute();
    return !!res.affected;
  }

  /** The learner's participation row for the course, created if need be and locked for the transaction. */
  async participation(
    m: EntityManager,
    userId: string,
    opportunityId: string,
  ): Promise<CourseParticipationEntity> {
    const repo = m.getRepository(CourseParticipationEntity);
    await repo.createQueryBuilder().insert().values({ userId, opportunityId }).orIgnore().execute();
    return repo.findOneOrFail({ where: { userId, opportunityId }, lock: { mode: 'pessimistic_write' } });
  }

  findParticipation(userId: string, opportunityId: string, m: EntityManager = this.ds.manager) {
    return m.getRepository(CourseParticipationEntity).findOne({ where: { userId, opportunityId } });
  }

  async updateParticipation(
    m: EntityManager,
    id: string,
    patch: Partial<CourseParticipationEntity>,
  ): Promise<void> {
    await m.getRepository(CourseParticipationEntity).update({ id }, patch);
  }

  taughtSkills(m: EntityManager, opportunityId: string): Promise<Array<{ skillId: string; level: number }>> {
    return new Sql(m).rows<{ skillId: string; level: number }>(
      `SELECT skill_id AS "skillId", level::int AS level FROM opportunity_skills WHERE opportunity_id = $1 AND role = 'TAUGHT'`,
      [opportunityId],
    );
  }

  /** The course's title when it is a LEARN step of the learner's roadmap. */
  async courseInRoadmap(userId: string, opportunityId: string): Promise<string | null> {
    const row = await this.sql.one<{ title: string }>(
      `SELECT o.title FROM opportunities o WHERE o.id = $2 AND EXISTS (
         SELECT 1 FROM roadmap_steps s JOIN roadmaps r ON r.id = s.roadmap_id WHERE r.user_id = $1 AND s.opportunity_id = o.id AND s.kind = 'LEARN')`,
      [userId, opportunityId],
    );
    return row?.title ?? null;
  }

  /** Moves the course's step of the learner's latest roadmap to `status`, from one of `from`. */
  async setStepStatus(
    m: EntityManager,
    userId: string,
    opportunityId: string,
    status: string,
    from: string[],
  ): Promise<void> {
    await new Sql(m).exec(
      `UPDATE roadmap_steps s SET status = $3, status_changed_at = now() FROM roadmaps r
        WHERE r.id = s.roadmap_id AND r.user_id = $1 AND s.opportunity_id = $2 AND s.status = ANY($4::text[])
          AND r.version = (SELECT max(version) FROM roadmaps WHERE user_id = $1)`,
      [userId, opportunityId, status, from],
    );
  }
}
