import { INestApplication } from '@nestjs/common';
import { Client } from 'pg';
import type { Logger as TypeOrmLogger } from 'typeorm';
import {
  createTestDatabase,
  flushRedisPrefix,
  GraphQLTestClient,
  randomRedisPrefix,
  testConfig,
  TestDatabase,
} from '@skillpath/testing';
import { createApiApp } from './bootstrap';

/** Independent great-circle distance (the oracle the SQL distance filter must agree with). */
function haversineKm(a: { lat: number; lon: number }, b: { lat: number; lon: number }): number {
  const rad = (d: number) => (d * Math.PI) / 180;
  const dLat = rad(b.lat - a.lat);
  const dLon = rad(b.lon - a.lon);
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(rad(a.lat)) * Math.cos(rad(b.lat)) * Math.sin(dLon / 2) ** 2;
  return 2 * 6371.0088 * Math.asin(Math.sqrt(h));
}

/** Deterministic pseudo-random numbers, so a failure can be reproduced. */
function seeded(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

class CountingLogger implements TypeOrmLogger {
  count = 0;
  logQuery() {
    this.count++;
  }
  logQueryError() {}
  logQuerySlow() {}
  logSchemaBuild() {}
  logMigration() {}
  log() {}
}

const CENTRE = { lat: 53.4794, lon: -2.2453 }; // Manchester city centre
const PAGE_FIELDS = `id kind title organisationName mode latitude longitude distanceKm costPence accredited
  skillsTaught { level skill { id label uri altLabels digital } }
  skillsRequired { level skill { id label } }
  accreditations { employerName skills { label } }`;

describe('catalogue read API', () => {
  let db: TestDatabase;
  let app: INestApplication;
  let gql: GraphQLTestClient;
  const prefix = randomRedisPrefix();
  const sqlLog = new CountingLogger();
  const points: Array<{ id: string; lat: number; lon: number; mode: string }> = [];
  let skillIds: string[] = [];

  beforeAll(async () => {
    db = await createTestDatabase();
    const pg = new Client({ connectionString: db.url });
    await pg.connect();
    const rnd = seeded(42);
    const skills = await pg.query<{ id: string }>(
      `INSERT INTO skills (label, alt_labels, digital, popularity) VALUES
         ('Python (computer programming)', '{Python}', true, 50), ('SQL', '{"structured query language"}', true, 40),
         ('use spreadsheets software', '{Excel,spreadsheets}', true, 30), ('customer service', '{}', false, 60),
         ('JavaScript', '{JS}', true, 45), ('Pythagorean geometry', '{}', false, 1)
       RETURNING id`,
    );
    skillIds = skills.rows.map((r) => r.id);
    const employer = await pg.query<{ id: string }>(
      `INSERT INTO organisations (name, kind, verification) VALUES ('Irwell Analytics (demo)', 'EMPLOYER', 'VERIFIED') RETURNING id`,
    );
    for (let i = 0; i < 320; i++) {
      // Spread over ~60 km around the centre; every tenth online (no location).
      const online = i % 10 === 0;
      const lat = CENTRE.lat + (rnd() - 0.5) * 1.0;
      const lon = CENTRE.lon + (rnd() - 0.5) * 1.6;
      const kind = ['COURSE', 'BOOTCAMP', 'APPRENTICESHIP', 'VACANCY'][i % 4];
      const mode = online ? 'ONLINE' : i % 3 === 0 ? 'HYBRID' : 'IN_PERSON';
      const { rows } = await pg.query<{ id: string }>(
        `INSERT INTO opportunities (kind, title, description, organisation_name, mode, latitude, longitude, cost_pence, funded_available, status)
         VALUES ($1, $2, $3, 'Example Provider', $4, $5, $6, $7, $8, $9) RETURNING id`,
        [
          kind,
          `${['Data', 'Web', 'Care', 'Retail'][i % 4]} opportunity ${String(i).padStart(3, '0')}`,
          i % 5 === 0 ? 'Learn SQL and spreadsheets for data analysis.' : 'Friendly team, flexible hours.',
          mode,
          online ? null : lat,
          online ? null : lon,
          i % 2 ? 0 : 50000,
          i % 4 === 0,
          i % 17 === 0 ? 'EXPIRED' : 'ACTIVE',
        ],
      );
      const id = rows[0].id;
      if (i % 17 !== 0) points.push({ id, lat, lon, mode });
      await pg.query(
        `INSERT INTO opportunity_skills (opportunity_id, skill_id, role, level) VALUES ($1, $2, 'TAUGHT', 3), ($1, $3, 'REQUIRED', 2)`,
        [id, skillIds[i % 5], skillIds[(i + 1) % 5]],
      );
      if (i % 7 === 0) {
        await pg.query(
          `INSERT INTO accreditations (opportunity_id, employer_id, skill_ids, status, valid_from, valid_to)
           VALUES ($1, $2, $3, 'ACTIVE', now() - interval '1 day', now() + interval '1 year')`,
          [id, employer.rows[0].id, [skillIds[i % 5]]],
        );
      }
    }
    await pg.end();
    app = await createApiApp(testConfig(db.url, prefix), { typeormLogger: sqlLog });
    await app.listen(0, '127.0.0.1');
    gql = new GraphQLTestClient((await app.getUrl()).replace('[::1]', '127.0.0.1'));
  });

  afterAll(async () => {
    await app?.close();
    await flushRedisPrefix(prefix);
    await db.drop();
  });

  it('finds skills by label and alternative label, prefix and typo-tolerant, best first', async () => {
    const q = `query($s: String!) { skills(search: $s, first: 5) { label } }`;
    const typo = await gql.ok<{ skills: Array<{ label: string }> }>(q, { s: 'pyton' });
    expect(typo.skills[0].label).toBe('Python (computer programming)');
    const alt = await gql.ok<{ skills: Array<{ label: string }> }>(q, { s: 'excel' });
    expect(alt.skills[0].label).toBe('use spreadsheets software');
    const prefixHit = await gql.ok<{ skills: Array<{ label: string }> }>(q, { s: 'Pyth' });
    expect(prefixHit.skills.map((s) => s.label)).toEqual([
      'Python (computer programming)',
      'Pythagorean geometry',
    ]);
  });

  it('returns every ACTIVE item exactly once across cursor pages, with a stable totalCount', async () => {
    const seen: string[] = [];
    let after: string | null = null;
    let total = -1;
    for (let guard = 0; guard < 50; guard++) {
      const r: {
        opportunities: {
          edges: Array<{ node: { id: string } }>;
          pageInfo: { hasNextPage: boolean; endCursor: string };
          totalCount: number;
        };
      } = await gql.ok(
        `query($after: String) { opportunities(first: 37, after: $after) { edges { node { id } } pageInfo { hasNextPage endCursor } totalCount } }`,
        {
          after,
        },
      );
      total = r.opportunities.totalCount;
      seen.push(...r.opportunities.edges.map((e) => e.node.id));
      if (!r.opportunities.pageInfo.hasNextPage) break;
      after = r.opportunities.pageInfo.endCursor;
    }
    expect(total).toBe(points.length);
    expect(new Set(seen).size).toBe(seen.length);
    expect(new Set(seen)).toEqual(new Set(points.map((p) => p.id)));
  });

  it('filters by great-circle distance exactly as a haversine oracle does, nearest first, across pages', async () => {
    const radiusKm = 17.5;
    const expected = points
      .filter((p) => p.mode !== 'ONLINE' && haversineKm(CENTRE, p) <= radiusKm)
      .sort((a, b) => haversineKm(CENTRE, a) - haversineKm(CENTRE, b));
    expect(expected.length).toBeGreaterThan(20);
    const got: Array<{ id: string; distanceKm: number }> = [];
    let after: string | null = null;
    for (;;) {
      const r: {
        opportunities: {
          edges: Array<{ node: { id: string; distanceKm: number } }>;
          pageInfo: { hasNextPage: boolean; endCursor: string };
        };
      } = await gql.ok(
        `query($near: NearInput!, $after: String) { opportunities(filter: { near: $near }, first: 10, after: $after) {
             edges { node { id distanceKm } } pageInfo { hasNextPage endCursor } } }`,
        { near: { latitude: CENTRE.lat, longitude: CENTRE.lon, radiusKm }, after },
      );
      got.push(...r.opportunities.edges.map((e) => e.node));
      if (!r.opportunities.pageInfo.hasNextPage) break;
      after = r.opportunities.pageInfo.endCursor;
    }
    expect(got.map((g) => g.id)).toEqual(expected.map((e) => e.id));
    for (const g of got) {
      const p = points.find((x) => x.id === g.id)!;
      expect(g.distanceKm).toBeCloseTo(haversineKm(CENTRE, p), 1);
    }
  });

  it('combines kinds, modes, funded-only, skills and free text', async () => {
    const r = await gql.ok<{
      opportunities: {
        edges: Array<{ node: { kind: string; mode: string; costPence: number } }>;
        totalCount: number;
      };
    }>(
      `query($skill: ID!) { opportunities(filter: { kinds: [COURSE, VACANCY], modes: [IN_PERSON], fundedOnly: true, skillIds: [$skill], text: "sql" }, first: 100) {
         totalCount edges { node { kind mode costPence } } } }`,
      { skill: skillIds[0] },
    );
    expect(r.opportunities.totalCount).toBe(r.opportunities.edges.length);
    for (const { node } of r.opportunities.edges) {
      expect(['COURSE', 'VACANCY']).toContain(node.kind);
      expect(node.mode).toBe('IN_PERSON');
    }
  });

  it('loads a page of 50 with every nested field in a small constant number of SQL queries', async () => {
    const before = sqlLog.count;
    const r = await gql.ok<{
      opportunities: { edges: Array<{ node: { skillsTaught: unknown[]; accredited: boolean } }> };
    }>(`{ opportunities(first: 50) { edges { node { ${PAGE_FIELDS} } } } }`);
    const queries = sqlLog.count - before;
    expect(r.opportunities.edges).toHaveLength(50);
    expect(r.opportunities.edges.some((e) => e.node.accredited)).toBe(true);
    expect(r.opportunities.edges.every((e) => e.node.skillsTaught.length === 1)).toBe(true);
    // page + count + skills + accreditations + accreditation skills (+ the guard's user lookup when logged in)
    expect(queries).toBeLessThanOrEqual(6);
  });

  it.each([
    [
      'negative radius',
      `{ opportunities(filter: { near: { latitude: 53.4, longitude: -2.2, radiusKm: -5 } }) { totalCount } }`,
    ],
    [
      'unknown postcode',
      `{ opportunities(filter: { near: { postcode: "ZZ9 9ZZ", radiusKm: 5 } }) { totalCount } }`,
    ],
    [
      'malformed postcode',
      `{ opportunities(filter: { near: { postcode: "hello", radiusKm: 5 } }) { totalCount } }`,
    ],
    ['first over 100', `{ opportunities(first: 101) { totalCount } }`],
    ['a cursor that is not one', `{ opportunities(after: "bm9wZQ") { totalCount } }`],
    ['a skill id that is not an id', `{ opportunities(filter: { skillIds: ["python"] }) { totalCount } }`],
    ['near without a place', `{ opportunities(filter: { near: { radiusKm: 5 } }) { totalCount } }`],
  ])('rejects %s with BAD_USER_INPUT', async (_, query) => {
    expect(await gql.errorCode(query)).toBe('BAD_USER_INPUT');
  });

  it('refuses queries nested or costed beyond the limits with BAD_USER_INPUT', async () => {
    const block = `(first: 100) { edges { node { ${PAGE_FIELDS} } } }`;
    const deep = `{ a: opportunities${block} b: opportunities${block} c: opportunities${block} }`;
    const r = await gql.request(deep);
    expect(r.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(r.errors?.[0]?.message).toMatch(/too expensive|nested/);
  });
});
