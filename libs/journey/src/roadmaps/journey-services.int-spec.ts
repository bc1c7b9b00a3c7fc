import { Queue } from 'bullmq';
import { Client } from 'pg';
import type { DataSource } from 'typeorm';
import { GeocoderPostcodeLookup, OutwardCodeGeocoder } from '@skillpath/catalogue';
import { loadDemoRegion } from '@skillpath/demo-region';
import { AppError } from '@skillpath/common';
import { createDataSource } from '@skillpath/persistence';
import { QueueName, redisConnectionOptions } from '@skillpath/queues';
import {
  createTestDatabase,
  flushRedisPrefix,
  randomRedisPrefix,
  testConfig,
  testServers,
  type TestDatabase,
} from '@skillpath/testing';
import { JourneyCatalogueRepository } from '../catalogue/journey-catalogue.repository';
import { JourneyTransactions } from '../data/journey-transactions';
import { CatalogueRecordsRepository } from '../engine/catalogue-records.repository';
import { MatchingIndexService } from '../engine/matching-index.service';
import { OutcomesRepository } from '../outcomes/outcomes.repository';
import { LearnerProfileRepository } from '../profile/learner-profile.repository';
import { ProfileService } from '../profile/profile.service';
import { ReplanQueue } from './replan.queue';
import { RoadmapReader } from './roadmap.reader';
import { TaxonomyLookups } from '../catalogue/taxonomy-lookups';
import { RoadmapRepository } from './roadmap.repository';
import { RoadmapService } from './roadmap.service';
import { RoadmapStepsService } from './roadmap-steps.service';

/** The journey's services over real PostgreSQL (and the real queue in Redis), without the API around them. */
describe('journey services against PostgreSQL', () => {
  let db: TestDatabase;
  let ds: DataSource;
  let pg: Client;
  let prefix: string;
  let queue: Queue;
  let engine: MatchingIndexService;
  let profiles: ProfileService;
  let roadmaps: RoadmapService;
  let steps: RoadmapStepsService;
  let reader: RoadmapReader;
  let catalogue: JourneyCatalogueRepository;

  const newUser = async (email: string): Promise<string> =>
    (
      await pg.query<{ id: string }>(
        `INSERT INTO users (email, password_hash, display_name, role) VALUES ($1, 'x', 'Test', 'LEARNER') RETURNING id`,
        [email],
      )
    ).rows[0].id;
  const errorCode = async (p: Promise<unknown>): Promise<string> => {
    try {
      await p;
    } catch (e) {
      return e instanceof AppError ? e.code : String(e);
    }
    return 'no error';
  };

  beforeAll(async () => {
    db = await createTestDatabase();
    await loadDemoRegion(db.url);
    pg = new Client({ connectionString: db.url });
    await pg.connect();
    ds = createDataSource({ url: db.url, poolSize: 3 });
    await ds.initialize();
    prefix = randomRedisPrefix();
    queue = new Queue(QueueName.RoadmapReplan, {
      connection: redisConnectionOptions(testServers().redisUrl),
      prefix,
    });
    catalogue = new JourneyCatalogueRepository(ds);
    const profileRows = new LearnerProfileRepository(ds);
    const versions = new RoadmapRepository(ds);
    engine = new MatchingIndexService(new CatalogueRecordsRepository(ds), testConfig(db.url, prefix));
    const tx = new JourneyTransactions(ds);
    profiles = new ProfileService(
      tx,
      new GeocoderPostcodeLookup(new OutwardCodeGeocoder()),
      profileRows,
      catalogue,
    );
    roadmaps = new RoadmapService(
      tx,
      profiles,
      profileRows,
      catalogue,
      versions,
      engine,
      new OutcomesRepository(ds),
    );
    steps = new RoadmapStepsService(tx, profiles, versions, catalogue, new ReplanQueue(queue));
    reader = new RoadmapReader(versions, catalogue, new TaxonomyLookups(catalogue, engine));
  }, 120_000);

  afterAll(async () => {
    engine?.onModuleDestroy();
    await queue?.close();
    await flushRedisPrefix(prefix);
    await pg?.end();
    await ds?.destroy();
    await db?.drop();
  });

  const occupationId = async (title: string): Promise<string> =>
    (await pg.query<{ id: string }>(`SELECT id FROM occupations WHERE title ILIKE $1 LIMIT 1`, [title]))
      .rows[0].id;

  it('geocodes a postcode, re-plans only on changes that matter, and refuses bad goals', async () => {
    const userId = await newUser('p1@example.org');
    const first = await profiles.update(userId, { postcode: 'M15 4AA', travelRadiusKm: 10 });
    expect(first.profile.borough).toBe('Manchester');
    expect(first.profile.latitude).not.toBeNull();
    expect(first.planningChanged).toBe(true);
    expect((await profiles.update(userId, { travelRadiusKm: 10 })).planningChanged).toBe(false);
    expect((await profiles.update(userId, { shareWithEmployers: true })).planningChanged).toBe(false);

    expect(await errorCode(profiles.setGoal(userId, {}))).toBe('BAD_USER_INPUT');
    expect(
      await errorCode(profiles.setGoal(userId, { occupationId: '00000000-0000-0000-0000-000000000000' })),
    ).toBe('NOT_FOUND');
    const course = (
      await pg.query<{ id: string }>(`SELECT id FROM opportunities WHERE kind = 'COURSE' LIMIT 1`)
    ).rows[0].id;
    expect(await errorCode(profiles.setGoal(userId, { opportunityId: course }))).toBe('BAD_USER_INPUT');
    const closed = (
      await pg.query<{ id: string }>(
        `UPDATE opportunities SET status = 'EXPIRED' WHERE id = (SELECT id FROM opportunities WHERE kind = 'VACANCY' LIMIT 1) RETURNING id`,
      )
    ).rows[0].id;
    expect(await errorCode(profiles.setGoal(userId, { opportunityId: closed }))).toBe('BAD_USER_INPUT');
    await pg.query(`UPDATE opportunities SET status = 'ACTIVE' WHERE id = $1`, [closed]);

    const { title } = await profiles.setGoal(userId, { occupationId: await occupationId('data analyst%') });
    expect(title).toMatch(/data analyst/i);
  });

  it('refuses unknown and repeated skills, and keeps course evidence when self-assessment is replaced', async () => {
    const userId = await newUser('p2@example.org');
    expect(
      await errorCode(
        profiles.setSelfAssessedSkills(userId, [
          { skillId: '00000000-0000-0000-0000-000000000001', level: 2 },
        ]),
      ),
    ).toBe('BAD_USER_INPUT');
    const [a, b] = (await pg.query<{ id: string }>('SELECT id FROM skills ORDER BY label LIMIT 2')).rows;
    expect(
      await errorCode(
        profiles.setSelfAssessedSkills(userId, [
          { skillId: a.id, level: 2 },
          { skillId: a.id, level: 3 },
        ]),
      ),
    ).toBe('BAD_USER_INPUT');
    await profiles.setSelfAssessedSkills(userId, [{ skillId: a.id, level: 2 }]);
    await ds.transaction((m) =>
      profiles.addEvidence(m, userId, [{ skillId: b.id, level: 3 }], 'CREDENTIAL', a.id),
    );
    await ds.transaction((m) =>
      profiles.addEvidence(m, userId, [{ skillId: b.id, level: 1 }], 'CREDENTIAL', a.id),
    );
    await profiles.setSelfAssessedSkills(userId, []);
    expect(await profiles.heldSkills(userId)).toEqual([{ skillId: b.id, level: 3 }]);
  });

  it('stores versions, carries a completed step over, and says what changed', async () => {
    const userId = await newUser('p3@example.org');
    await profiles.update(userId, { postcode: 'M15', travelRadiusKm: 25, hoursPerWeek: 12 });
    await profiles.setGoal(userId, { occupationId: await occupationId('data analyst%') });
    const v1 = await roadmaps.replan(userId, 'REQUESTED');
    expect(v1.roadmap.version).toBe(1);
    expect(v1.previous).toBeNull();
    const read1 = (await reader.current(userId))!;
    const learn = read1.steps.filter((s) => s.kind === 'LEARN');
    expect(learn.length).toBeGreaterThan(0);

    // Someone else cannot move the learner's step; an illegal move is refused.
    const other = await newUser('p4@example.org');
    expect(await errorCode(steps.update(other, learn[0].id, 'ENROLLED'))).toBe('NOT_FOUND');
    await steps.update(userId, learn[0].id, 'COMPLETED');
    expect(await errorCode(steps.update(userId, learn[0].id, 'PLANNED'))).toBe('BAD_USER_INPUT');
    // The learner's word counts as evidence at once.
    const held = new Map((await profiles.heldSkills(userId)).map((h) => [h.skillId, h.level]));
    for (const g of learn[0].skillsGained) expect(held.get(g.skill.id)).toBeGreaterThanOrEqual(g.level);

    const v2 = await roadmaps.replan(userId, 'STEP_COMPLETED', learn[0].opportunity.title);
    expect(v2.roadmap.version).toBe(2);
    expect(v2.roadmap.reason).toContain(learn[0].opportunity.title);
    const read2 = (await reader.current(userId))!;
    const carried = read2.steps.find((s) => s.opportunity.id === learn[0].opportunity.id);
    expect(carried?.status).toBe('COMPLETED');
    // Steps of an older version cannot be moved any more.
    expect(await errorCode(steps.update(userId, learn[1]?.id ?? learn[0].id, 'DROPPED'))).toBe(
      'BAD_USER_INPUT',
    );
    expect((await reader.history(userId)).map((r) => r.version)).toEqual([2, 1]);
    // The completion queued a re-plan for the worker.
    expect(await queue.getJobCounts('waiting', 'delayed', 'prioritized')).not.toEqual({
      waiting: 0,
      delayed: 0,
      prioritized: 0,
    });
  });

  it('records the level 2 answers as true, false or not answered, and re-plans when they change', async () => {
    const userId = await newUser('p6@example.org');
    expect((await profiles.get(userId)).hasMathsLevel2).toBeNull();
    const said = await profiles.update(userId, { hasMathsLevel2: false, hasEnglishLevel2: true });
    expect(said.planningChanged).toBe(true);
    expect(said.profile).toMatchObject({ hasMathsLevel2: false, hasEnglishLevel2: true });
    expect((await profiles.update(userId, { hasMathsLevel2: false })).planningChanged).toBe(false);
    const cleared = await profiles.update(userId, { hasMathsLevel2: null });
    expect(cleared.planningChanged).toBe(true);
    expect(cleared.profile.hasMathsLevel2).toBeNull();
  });

  it('ends in applying to a goal listing the learner is already ready for, never in an empty roadmap', async () => {
    const userId = await newUser('p7@example.org');
    const { rows } = await pg.query<{ id: string; title: string; closing_date: Date | null }>(
      `SELECT o.id, o.title, o.closing_date FROM opportunities o
        WHERE o.kind = 'VACANCY' AND o.status = 'ACTIVE' AND o.closing_date IS NOT NULL
          AND EXISTS (SELECT 1 FROM opportunity_skills os WHERE os.opportunity_id = o.id AND os.role = 'REQUIRED')
        ORDER BY o.id LIMIT 1`,
    );
    const vacancy = rows[0];
    const required = (
      await pg.query<{ skill_id: string }>(
        `SELECT skill_id FROM opportunity_skills WHERE opportunity_id = $1 AND role = 'REQUIRED'`,
        [vacancy.id],
      )
    ).rows;
    await profiles.setSelfAssessedSkills(
      userId,
      required.map((r) => ({ skillId: r.skill_id, level: 5 })),
    );
    await profiles.update(userId, { postcode: 'M1', travelRadiusKm: 20 });
    await profiles.setGoal(userId, { opportunityId: vacancy.id });
    await roadmaps.replan(userId, 'REQUESTED');
    const roadmap = (await reader.current(userId))!;
    expect(roadmap.steps.filter((s) => s.kind === 'LEARN')).toEqual([]);
    const first = roadmap.steps[0];
    expect(first).toMatchObject({ kind: 'APPLY', opportunity: { id: vacancy.id } });
    expect(first.why).toContain(`you have what ${vacancy.title} asks for, so apply now`);
    expect(first.why).toMatch(/Applications close on \d{1,2} [A-Z][a-z]+ \d{4}\./);
  });

  it('names skills from what it has read until the index snapshot changes, and reads ids it has not seen', async () => {
    const lookups = new TaxonomyLookups(catalogue, engine);
    const { rows } = await pg.query<{ id: string; label: string }>(
      'SELECT id, label FROM skills ORDER BY id LIMIT 2',
    );
    const [a, b] = rows;
    expect((await lookups.skills([a.id])).get(a.id)?.label).toBe(a.label);
    await pg.query('UPDATE skills SET label = $2 WHERE id = $1', [a.id, `${a.label} (renamed)`]);
    try {
      // Kept for as long as the snapshot lasts; an id not seen before is read (with the new rows).
      const both = await lookups.skills([a.id, b.id, '00000000-0000-4000-8000-000000000000']);
      expect(both.get(a.id)?.label).toBe(a.label);
      expect(both.get(b.id)?.label).toBe(b.label);
      expect(both.size).toBe(2);
      // A new snapshot (as after a taxonomy import) drops what was kept.
      await engine.rebuild();
      expect((await lookups.skills([a.id])).get(a.id)?.label).toBe(`${a.label} (renamed)`);
    } finally {
      await pg.query('UPDATE skills SET label = $2 WHERE id = $1', [a.id, a.label]);
      await engine.rebuild();
    }
  });

  it('asks for a goal before planning', async () => {
    const userId = await newUser('p5@example.org');
    expect(await errorCode(roadmaps.replan(userId, 'REQUESTED'))).toBe('BAD_USER_INPUT');
  });
});
