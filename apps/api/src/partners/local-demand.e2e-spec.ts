import type { DataSource } from 'typeorm';
import { startScriptedHttpServer, type ScriptedHttpServer } from '@skillpath/connectors/testing';
import { createDataSource } from '@skillpath/persistence';
import { SourceRefreshRunner } from '@skillpath/refresh';
import { GraphQLTestClient, queryRows } from '@skillpath/testing';
import { startTestStack, TestStack } from '../testing/test-stack';

const REGISTER = `mutation($input: RegisterInput!) { register(input: $input) { accessToken } }`;
const CREATE_ORG = `mutation($input: CreateOrganisationInput!) { createOrganisation(input: $input) { id } }`;
const POST_VACANCY = `mutation($org: ID!, $input: ListingInput!) { postVacancy(organisationId: $org, input: $input) { id } }`;
const DEMAND = `query($id: ID!) { cohortDashboard(cohortId: $id) { skills { demand skill { label } } } }`;

/** A JSON-LD JobPosting as a listing feed sends it: its employer is only a name, with no borough. */
const posting = (id: string, skill: string, postalCode: string) => ({
  '@type': 'JobPosting',
  identifier: id,
  title: `Feed job ${id}`,
  description: `Needs ${skill}.`,
  datePosted: '2026-11-15',
  validThrough: '2099-12-31',
  hiringOrganization: { '@type': 'Organization', name: 'Feed Employer Ltd' },
  jobLocation: { '@type': 'Place', address: { '@type': 'PostalAddress', postalCode } },
  skills: [skill],
});

/**
 * A partnership's "skills demand" counts vacancies where they are: by the vacancy's own postcode, not its
 * employer's registered borough; an online vacancy with no location where its employer is; and, for a
 * region-wide partnership, only vacancies inside the region.
 */
describe('local skills demand by where the vacancy is', () => {
  let stack: TestStack;
  let ds: DataSource;
  let feed: ScriptedHttpServer;
  let feedBody = '';
  /** Cohort ids of a Bolton, a Manchester and a region-wide (no borough) partnership. */
  const cohorts: Record<'bolton' | 'manchester' | 'region', string> = {
    bolton: '',
    manchester: '',
    region: '',
  };
  let employer: GraphQLTestClient;
  let employerOrg: string;

  const sql = <T>(q: string, params: unknown[] = []) => queryRows<T>(stack.db.url, q, params);

  const signUp = async (key: string, role: string): Promise<GraphQLTestClient> => {
    const r = await stack.gql.ok<{ register: { accessToken: string } }>(REGISTER, {
      input: { email: `${key}@example.org`, password: 'a long enough password', displayName: key, role },
    });
    return stack.gql.as(r.register.accessToken);
  };

  const organisation = async (gql: GraphQLTestClient, name: string, kind: string, borough?: string) =>
    (
      await gql.ok<{ createOrganisation: { id: string } }>(CREATE_ORG, {
        input: { name, kind, ...(borough ? { borough } : {}) },
      })
    ).createOrganisation.id;

  /** Skill label → vacancies asking for it, as the partnership's dashboard shows them. */
  const demandOf = async (
    who: keyof typeof cohorts,
    gql: GraphQLTestClient,
  ): Promise<Record<string, number>> => {
    const d = await gql.ok<{
      cohortDashboard: { skills: Array<{ demand: number; skill: { label: string } }> };
    }>(DEMAND, { id: cohorts[who] });
    return Object.fromEntries(d.cohortDashboard.skills.map((s) => [s.skill.label, s.demand]));
  };
  const partners: Partial<Record<keyof typeof cohorts, GraphQLTestClient>> = {};
  const demand = (who: keyof typeof cohorts) => demandOf(who, partners[who]!);

  beforeAll(async () => {
    stack = await startTestStack();
    await sql(
      `INSERT INTO skills (label) VALUES ('bricklaying'), ('payroll'), ('forklift driving'), ('plastering'), ('welding')`,
    );
    for (const [who, borough] of [
      ['bolton', 'Bolton'],
      ['manchester', 'Manchester'],
      ['region', undefined],
    ] as const) {
      const gql = await signUp(`partner-${who}`, 'PARTNER');
      partners[who] = gql;
      const org = await organisation(gql, `Partnership ${who}`, 'PARTNERSHIP', borough);
      const c = await gql.ok<{ createCohort: { id: string } }>(
        `mutation($p: ID!) { createCohort(partnershipId: $p, name: "Autumn") { id } }`,
        { p: org },
      );
      cohorts[who] = c.createCohort.id;
    }
    employer = await signUp('employer', 'EMPLOYER');
    employerOrg = await organisation(employer, 'Manchester Builders', 'EMPLOYER', 'Manchester');

    feed = await startScriptedHttpServer(() => ({ status: 200, body: feedBody }));
    ds = createDataSource({ url: stack.db.url, poolSize: 2 });
    await ds.initialize();
  }, 90000);

  afterAll(async () => {
    await ds?.destroy();
    await feed?.close();
    await stack?.close();
  });

  const skillId = async (label: string) =>
    (await sql<{ id: string }>('SELECT id FROM skills WHERE label = $1', [label]))[0].id;

  it('counts a vacancy in the borough of its postcode, not in its employer’s', async () => {
    await employer.ok(POST_VACANCY, {
      org: employerOrg,
      input: {
        kind: 'VACANCY',
        title: 'Bricklayer, Bolton site',
        mode: 'IN_PERSON',
        postcode: 'BL1 1RU',
        skillsRequired: [{ skillId: await skillId('bricklaying'), level: 2 }],
      },
    });
    expect(await sql(`SELECT borough FROM opportunities WHERE title = 'Bricklayer, Bolton site'`)).toEqual([
      { borough: 'Bolton' },
    ]);
    expect(await demand('bolton')).toEqual({ bricklaying: 1 });
    expect(await demand('manchester')).toEqual({});
    expect(await demand('region')).toEqual({ bricklaying: 1 });
  });

  it('counts an online vacancy with no location where its employer is, and nowhere when the employer has no borough', async () => {
    await employer.ok(POST_VACANCY, {
      org: employerOrg,
      input: {
        kind: 'VACANCY',
        title: 'Remote payroll clerk',
        mode: 'ONLINE',
        skillsRequired: [{ skillId: await skillId('payroll'), level: 2 }],
      },
    });
    const nowhere = await signUp('employer-nowhere', 'EMPLOYER');
    await nowhere.ok(POST_VACANCY, {
      org: await organisation(nowhere, 'Nowhere Ltd', 'EMPLOYER'),
      input: {
        kind: 'VACANCY',
        title: 'Remote welder?',
        mode: 'ONLINE',
        skillsRequired: [{ skillId: await skillId('welding'), level: 2 }],
      },
    });
    expect(await demand('manchester')).toEqual({ payroll: 1 });
    expect(await demand('bolton')).toEqual({ bricklaying: 1 });
    expect(await demand('region')).toEqual({ bricklaying: 1, payroll: 1 });
  });

  it('counts a feed vacancy by its postcode, and not at all when it is outside the region', async () => {
    feedBody = JSON.stringify({
      '@context': 'https://schema.org',
      '@type': 'ItemList',
      itemListElement: [
        posting('F-BOLTON', 'forklift driving', 'BL1 1RU'),
        posting('F-LEEDS', 'plastering', 'LS1 4AP'),
        posting('F-LEEDS-2', 'forklift driving', 'LS1 4AP'),
      ],
    });
    const [source] = await sql<{ id: string }>(
      `INSERT INTO sources (name, format, url, rate_limit_per_second) VALUES ('jobs', 'jobposting-jsonld', $1, 50) RETURNING id`,
      [`${feed.origin}/jobs`],
    );
    const runner = new SourceRefreshRunner(ds, { publish: async () => undefined });
    expect(await runner.run({ sourceId: source.id })).toMatchObject({ status: 'succeeded' });
    expect(
      await sql(
        `SELECT o.source_ref, o.borough, org.borough AS employer_borough FROM opportunities o
           LEFT JOIN organisations org ON org.id = o.organisation_id WHERE o.source_id = $1 ORDER BY o.source_ref`,
        [source.id],
      ),
    ).toEqual([
      { source_ref: 'F-BOLTON', borough: 'Bolton', employer_borough: null },
      { source_ref: 'F-LEEDS', borough: null, employer_borough: null },
      { source_ref: 'F-LEEDS-2', borough: null, employer_borough: null },
    ]);
    expect(await demand('bolton')).toEqual({ bricklaying: 1, 'forklift driving': 1 });
    expect(await demand('manchester')).toEqual({ payroll: 1 });
    // The whole-region partnership sees its ten boroughs, not the country: the Leeds jobs are not there.
    expect(await demand('region')).toEqual({ bricklaying: 1, payroll: 1, 'forklift driving': 1 });
  });

  it('stops counting a vacancy once it has expired', async () => {
    await sql(`UPDATE opportunities SET status = 'EXPIRED' WHERE title = 'Bricklayer, Bolton site'`);
    expect(await demand('bolton')).toEqual({ 'forklift driving': 1 });
    expect(await demand('region')).toEqual({ payroll: 1, 'forklift driving': 1 });
  });
});
