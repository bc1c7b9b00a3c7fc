import { Client } from 'pg';
import type { DataSource } from 'typeorm';
import { loadDemoRegion } from '@skillpath/demo-region';
import { createDataSource } from '@skillpath/persistence';
import { createTestDatabase, type TestDatabase } from '@skillpath/testing';
import { HIDDEN_NOTE } from './outcome-figures';
import { OutcomesRepository } from './outcomes.repository';
import { OutcomesService } from './outcomes.service';

/** Outcome counts from real participations and outcomes, as a resident would see them. */
describe('course outcomes from the record', () => {
  let db: TestDatabase;
  let ds: DataSource;
  let pg: Client;
  let service: OutcomesService;
  let course: { id: string; organisation_id: string };
  let bootcamp: { id: string };
  let users = 0;

  /** One learner on a listing: enrolled; maybe completed (confirmed); maybe interviewed or in work afterwards. */
  const learner = async (
    opportunityId: string,
    what: { completed?: boolean; interviewed?: boolean; inWork?: boolean; outcomeBefore?: boolean },
  ) => {
    const { rows } = await pg.query<{ id: string }>(
      `INSERT INTO users (email, password_hash, display_name, role) VALUES ($1, 'x', 'L', 'LEARNER') RETURNING id`,
      [`l${++users}@example.org`],
    );
    const userId = rows[0].id;
    await pg.query(
      `INSERT INTO course_participations (user_id, opportunity_id, enrolled_at, completed_at)
       VALUES ($1, $2, now() - interval '60 days', $3)`,
      [userId, opportunityId, what.completed ? new Date(Date.now() - 30 * 86_400_000) : null],
    );
    const at = what.outcomeBefore ? "now() - interval '90 days'" : 'now()';
    if (what.interviewed)
      await pg.query(
        `INSERT INTO learner_outcomes (user_id, kind, recorded_by, at) VALUES ($1, 'INTERVIEWED', 'LEARNER', ${at})`,
        [userId],
      );
    if (what.inWork)
      await pg.query(
        `INSERT INTO learner_outcomes (user_id, kind, recorded_by, at) VALUES ($1, 'IN_WORK', 'LEARNER', ${at})`,
        [userId],
      );
  };

  beforeAll(async () => {
    db = await createTestDatabase();
    await loadDemoRegion(db.url);
    pg = new Client({ connectionString: db.url });
    await pg.connect();
    ds = createDataSource({ url: db.url, poolSize: 2 });
    await ds.initialize();
    service = new OutcomesService(new OutcomesRepository(ds));
    course = (
      await pg.query(
        `SELECT id, organisation_id FROM opportunities WHERE kind = 'COURSE' AND organisation_id IS NOT NULL
          AND NOT guaranteed_interview ORDER BY id LIMIT 1`,
      )
    ).rows[0];
    bootcamp = (
      await pg.query(
        `UPDATE opportunities SET guaranteed_interview = true
          WHERE id = (SELECT id FROM opportunities WHERE kind = 'BOOTCAMP' AND organisation_id IS DISTINCT FROM $1 ORDER BY id LIMIT 1)
          RETURNING id`,
        [course.organisation_id],
      )
    ).rows[0];
    // The course: 12 started, 9 completed, 6 of them interviewed afterwards, 5 of those in work.
    for (let i = 0; i < 12; i++)
      await learner(course.id, { completed: i < 9, interviewed: i < 6, inWork: i < 5 });
    // One interview before completing does not count towards the course.
    await learner(course.id, { completed: true, interviewed: true, outcomeBefore: true });
    // The bootcamp: 10 completed, 5 interviews held (7 would leave 3 without one to be worked out).
    for (let i = 0; i < 10; i++) await learner(bootcamp.id, { completed: true, interviewed: i < 5 });
  }, 120_000);

  afterAll(async () => {
    await pg?.end();
    await ds?.destroy();
    await db?.drop();
  });

  it('counts starts, confirmed completions, and interviews and jobs after completing, hiding what would identify', async () => {
    const found = await service.forOpportunities([course.id]);
    const o = found.get(course.id)!;
    expect(o.course.starts).toEqual({ value: 13, hidden: false, text: '13' });
    // 10 completed: 13 − 10 = 3 who did not would show, so completions are hidden.
    expect(o.course.completions).toEqual({ value: null, hidden: true, text: HIDDEN_NOTE });
    expect(o.course.interviews.value).toBe(6);
    // 6 interviewed and 5 in work would show that 1 interviewed person is not in work.
    expect(o.course.jobs.hidden).toBe(true);
    expect(o.interviewsPromised).toBeNull();
    expect(o.summary).toContain('13 started');
    expect(o.summary).toContain('completed: hidden to protect privacy');
    // The provider's other courses have no one yet, so its figures are this course's.
    expect(o.provider.starts.value).toBe(13);
    expect(o.provider.completions.hidden).toBe(true);
  });

  it('shows interviews promised against interviews held when an interview is guaranteed', async () => {
    const o = (await service.forOpportunities([bootcamp.id])).get(bootcamp.id)!;
    expect(o.interviewsPromised?.value).toBe(10);
    expect(o.interviewsHeld?.value).toBe(5);
    expect(o.summary).toContain('10 interviews promised, 5 held');
  });

  it('has zeros, not hidden figures, for a course no one has started', async () => {
    const { rows } = await pg.query<{ id: string }>(
      `SELECT id FROM opportunities WHERE kind = 'COURSE' AND id NOT IN ($1, $2) ORDER BY id LIMIT 1`,
      [course.id, bootcamp.id],
    );
    const o = (await service.forOpportunities([rows[0].id])).get(rows[0].id)!;
    expect(o.course.starts).toEqual({ value: 0, hidden: false, text: '0' });
    expect(o.summary).toMatch(/No one has started this yet/);
  });
});
