import { readFileSync } from 'fs';
import * as path from 'path';
import { Client } from 'pg';
import { PasswordService } from '@skillpath/auth';
import { startScriptedHttpServer, type ScriptedHttpServer } from '@skillpath/connectors/testing';
import { eventually, GraphQLTestClient } from '@skillpath/testing';
import { startTestStack, TestStack } from '../testing/test-stack';

jest.setTimeout(120_000);

/** A small taxonomy written for this test: four occupations, their labels and essential skills. */
const OCCUPATIONS = [
  {
    title: 'software developer',
    alt: ['programmer', 'software engineer', 'web developer', 'coder'],
    description: 'Software developers write, test and maintain computer programs.',
    isco: '2512',
    essential: ['Python', 'SQL', 'Git', 'software testing'],
  },
  {
    title: 'care worker',
    alt: ['care assistant', 'healthcare assistant', 'support worker', 'carer'],
    description: 'Care workers help people in care homes with personal care, washing, dressing and eating.',
    isco: '5322',
    essential: ['personal care', 'safeguarding', 'medication administration', 'moving and handling'],
  },
  {
    title: 'warehouse operative',
    alt: ['warehouse worker', 'picker packer', 'warehouse assistant'],
    description: 'Warehouse operatives receive, store, pick and pack goods.',
    isco: '9333',
    essential: ['manual handling', 'stock control', 'forklift'],
  },
  {
    title: 'kitchen porter',
    alt: ['kitchen assistant', 'pot washer', 'dishwasher'],
    description: 'Kitchen porters wash dishes and keep restaurant kitchens clean.',
    isco: '9412',
    essential: ['dishwashing', 'food hygiene'],
  },
];

async function seedTaxonomy(databaseUrl: string): Promise<void> {
  const pg = new Client({ connectionString: databaseUrl });
  await pg.connect();
  try {
    const labels = [...new Set(OCCUPATIONS.flatMap((o) => o.essential))];
    const { rows } = await pg.query<{ id: string; label: string }>(
      `INSERT INTO skills (label) SELECT unnest($1::text[]) RETURNING id, label`,
      [labels],
    );
    const skill = new Map(rows.map((r) => [r.label, r.id]));
    for (const [i, o] of OCCUPATIONS.entries()) {
      const occ = await pg.query<{ id: string }>(
        `INSERT INTO occupations (uri, title, alt_labels, description, isco_group)
         VALUES ($1, $2, $3, $4, $5) RETURNING id`,
        [`http://data.europa.eu/esco/occupation/test-${i}`, o.title, o.alt, o.description, o.isco],
      );
      for (const label of o.essential)
        await pg.query(
          `INSERT INTO occupation_skills (occupation_id, skill_id, relation, level) VALUES ($1, $2, 'essential', 3)`,
          [occ.rows[0].id, skill.get(label)],
        );
    }
  } finally {
    await pg.end();
  }
}

interface SkillNeed {
  level: number;
  inferred: boolean | null;
  why: string | null;
  skill: { label: string };
}

describe('feed adverts are refreshed, enriched by the worker, and matched', () => {
  let stack: TestStack;
  let feed: ScriptedHttpServer;
  let pg: Client;
  let admin: GraphQLTestClient;
  let resident: GraphQLTestClient;
  let sourceId: string;
  const adverts = readFileSync(path.join(__dirname, 'fixtures/feed-adverts.jsonld'), 'utf8');

  beforeAll(async () => {
    feed = await startScriptedHttpServer((r) =>
      r.url.startsWith('/jobs') ? { status: 200, body: adverts } : { status: 404, body: 'not found' },
    );
    stack = await startTestStack({ worker: true, seed: seedTaxonomy });
    pg = new Client({ connectionString: stack.db.url });
    await pg.connect();
    const hash = await new PasswordService().hash('admin password 1');
    await pg.query(
      `INSERT INTO users (email, password_hash, display_name, role) VALUES ('ops@example.org', $1, 'Ops', 'ADMIN')`,
      [hash],
    );
    const source = await pg.query<{ id: string }>(
      `INSERT INTO sources (name, format, url, rate_limit_per_second) VALUES ('local-jobs', 'jobposting-jsonld', $1, 1000) RETURNING id`,
      [`${feed.origin}/jobs`],
    );
    sourceId = source.rows[0].id;
    admin = stack.gql.as(
      (
        await stack.gql.ok<{ login: { accessToken: string } }>(
          `mutation { login(email: "ops@example.org", password: "admin password 1") { accessToken } }`,
        )
      ).login.accessToken,
    );
    const r = await stack.gql.ok<{ register: { accessToken: string } }>(
      `mutation($i: RegisterInput!) { register(input: $i) { accessToken } }`,
      { i: { email: 'dev@example.org', password: 'learner password 1', displayName: 'Dev' } },
    );
    resident = stack.gql.as(r.register.accessToken);
  });

  afterAll(async () => {
    await pg?.end();
    await stack?.close();
    await feed?.close();
  });

  it('gives every advert an occupation and infers what a vague advert asks for', async () => {
    await admin.ok(`mutation($id: ID!) { refreshSource(id: $id) { jobId } }`, { id: sourceId });
    // The refresh stores the adverts with the rule matcher; the enrichment job (queued after it) sets
    // their occupations and inferred requirements.
    const rows = await eventually(
      async () => {
        const { rows } = await pg.query<{
          source_ref: string;
          occupation: string | null;
          occupation_confidence: number | null;
          enrichment_key: string | null;
        }>(
          `SELECT o.source_ref, occ.title AS occupation, o.occupation_confidence, o.enrichment_key
             FROM opportunities o LEFT JOIN occupations occ ON occ.id = o.occupation_id
            WHERE o.source_id = $1 ORDER BY o.source_ref`,
          [sourceId],
        );
        return rows.length === 4 && rows.every((r) => r.enrichment_key) ? rows : undefined;
      },
      60_000,
      'four enriched adverts',
    );
    expect(Object.fromEntries(rows.map((r) => [r.source_ref, r.occupation]))).toEqual({
      'CC-KP-05': 'kitchen porter',
      'NQ-DEV-0412': 'software developer',
      'OL-CARE-77': 'care worker',
      'TP-WH-2291': 'warehouse operative',
    });
    for (const r of rows) expect(Number(r.occupation_confidence)).toBeGreaterThan(0);

    // The care advert names no skill: it takes the role's essential skills, marked and explained.
    const care = await pg.query<{ id: string }>(
      `SELECT id FROM opportunities WHERE source_ref = 'OL-CARE-77'`,
    );
    const shown = await stack.gql.ok<{
      opportunity: { lastCheckedAt: string | null; skillsRequired: SkillNeed[] };
    }>(
      `query($id: ID!) { opportunity(id: $id) { lastCheckedAt skillsRequired { level inferred why skill { label } } } }`,
      { id: care.rows[0].id },
    );
    const needs = shown.opportunity.skillsRequired;
    expect(needs.map((n) => n.skill.label).sort()).toEqual(
      ['medication administration', 'moving and handling', 'personal care', 'safeguarding'].sort(),
    );
    for (const n of needs) {
      expect(n.inferred).toBe(true);
      expect(n.why).toMatch(/^Usually asked for in this role \(care worker\)/);
    }
    // Freshness: the refresh saw it moments ago.
    expect(Date.now() - Date.parse(shown.opportunity.lastCheckedAt!)).toBeLessThan(120_000);

    // The developer advert names three skills itself: nothing is inferred for it.
    const dev = await pg.query<{ named: number; inferred: number }>(
      `SELECT count(*) FILTER (WHERE NOT os.inferred)::int AS named, count(*) FILTER (WHERE os.inferred)::int AS inferred
         FROM opportunity_skills os JOIN opportunities o ON o.id = os.opportunity_id WHERE o.source_ref = 'NQ-DEV-0412'`,
    );
    expect(dev.rows[0]).toEqual({ named: 3, inferred: 0 });
  });

  it('ranks the advert that fits a resident first, and counts it in the role’s local vacancies', async () => {
    const skills = await pg.query<{ id: string }>(`SELECT id FROM skills WHERE label = ANY($1::text[])`, [
      ['Python', 'SQL', 'Git'],
    ]);
    await resident.ok(
      `mutation { updateLearnerProfile(input: { postcode: "M15", travelRadiusKm: 25 }) { postcode } }`,
    );
    await resident.ok(`mutation($s: [SkillLevelInput!]!) { setSkills(skills: $s) { postcode } }`, {
      s: skills.rows.map((r) => ({ skillId: r.id, level: 3 })),
    });
    // The API's index takes the enriched adverts from the change message the enrichment job published.
    const matches = await eventually(
      async () => {
        const r = await resident.ok<{ matches: Array<{ score: number; opportunity: { title: string } }> }>(
          '{ matches(kinds: [VACANCY], first: 10) { score opportunity { title } } }',
        );
        return r.matches.length > 0 && r.matches[0].opportunity.title.includes('Software Developer')
          ? r.matches
          : undefined;
      },
      30_000,
      'the developer advert ranked first',
    );
    expect(matches[0].score).toBeGreaterThan(0.9);
    // Adverts that name nothing no longer look like a perfect fit for everyone.
    for (const m of matches.slice(1)) expect(m.score).toBeLessThan(matches[0].score);

    const roles = await resident.ok<{
      reachableRoles: Array<{ occupation: { title: string }; localVacancies: number }>;
    }>('{ reachableRoles(first: 10) { occupation { title } localVacancies } }');
    const developer = roles.reachableRoles.find((r) => r.occupation.title === 'software developer');
    expect(developer?.localVacancies).toBe(1);
  });
});
