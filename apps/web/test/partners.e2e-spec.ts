import { loadDemoRegion } from '@skillpath/demo-region';
import { type GraphQLTestClient } from '@skillpath/testing';
import { startTestStack, type TestStack } from '../../api/src/testing/test-stack';
import type { Browser, Page } from 'playwright-core';
import { expectAccessible, launchChromium } from './browser';
import { ensureWebBuilt } from './web-build';
import { webAppUrl, type WebServer } from './web-server';

const PASSWORD = 'a long enough password';

async function registerOrg(gql: GraphQLTestClient, email: string, role: string, organisationName: string) {
  const reg = await gql.ok<{ register: { accessToken: string } }>(
    'mutation($input: RegisterInput!) { register(input: $input) { accessToken } }',
    { input: { email, password: PASSWORD, displayName: organisationName, role, organisationName } },
  );
  const client = gql.as(reg.register.accessToken);
  const orgs = await client.ok<{ myOrganisations: Array<{ organisation: { id: string } }> }>(
    '{ myOrganisations { organisation { id } } }',
  );
  return { client, organisationId: orgs.myOrganisations[0].organisation.id };
}

async function logIn(page: Page, url: string, email: string, heading: string | RegExp) {
  await page.goto(`${url}/login`);
  await page.getByLabel('Email address').fill(email);
  await page.getByLabel('Password').fill(PASSWORD);
  await page.getByRole('button', { name: 'Log in' }).click();
  await page.getByRole('heading', { level: 1, name: heading }).waitFor();
}

describe('employers and partnerships, in a real browser', () => {
  let stack: TestStack;
  let web: WebServer;
  let browser: Browser;

  beforeAll(async () => {
    await ensureWebBuilt();
    browser = await launchChromium();
    stack = await startTestStack({ worker: true, seed: loadDemoRegion });
    web = await webAppUrl((await stack.api.getUrl()).replace('[::1]', '127.0.0.1'));
  }, 600_000);

  afterAll(async () => {
    await browser?.close();
    await web?.close();
    await stack?.close();
  });

  it('an employer approves a course accreditation that a provider asked for', async () => {
    const employer = await registerOrg(stack.gql, 'hiring@example.org', 'EMPLOYER', 'Northern Data Ltd');
    const provider = await registerOrg(
      stack.gql,
      'courses@example.org',
      'PROVIDER',
      'Salford Skills College',
    );
    const skill = await stack.gql.ok<{ skills: Array<{ id: string }> }>(
      '{ skills(search: "spreadsheet", first: 1) { id } }',
    );
    const course = await provider.client.ok<{ publishCourse: { id: string } }>(
      `mutation($org: ID!, $input: ListingInput!) { publishCourse(organisationId: $org, input: $input) { id } }`,
      {
        org: provider.organisationId,
        input: {
          kind: 'COURSE',
          mode: 'ONLINE',
          title: 'Spreadsheets for work',
          hoursPerWeek: 4,
          durationWeeks: 6,
          skillsTaught: [{ skillId: skill.skills[0].id, level: 3 }],
        },
      },
    );
    await provider.client.ok(
      'mutation($input: RequestAccreditationInput!) { requestAccreditation(input: $input) { id } }',
      {
        input: {
          employerId: employer.organisationId,
          opportunityId: course.publishCourse.id,
          skillIds: [skill.skills[0].id],
        },
      },
    );

    const context = await browser.newContext({
      viewport: { width: 360, height: 780 },
      isMobile: true,
      hasTouch: true,
    });
    const page = await context.newPage();
    page.setDefaultTimeout(60_000);
    await logIn(page, web.url, 'hiring@example.org', 'Northern Data Ltd');
    const request = page.locator('li.card', {
      has: page.getByRole('heading', { name: 'Spreadsheets for work' }),
    });
    await request.getByText('Waiting for your decision').waitFor();
    await expectAccessible(page, 'the employer page');

    // Declining needs a reason: the error is tied to its field.
    await request.getByRole('button', { name: /Decline/ }).click();
    await request.getByText('Enter a reason, so the provider knows what to change').waitFor();
    await request.getByLabel('Offer an interview to everyone who completes it').check();
    await request.getByRole('button', { name: /Approve/ }).click();
    await page.getByRole('heading', { name: 'Accreditation requests (0)' }).waitFor();
    await page
      .locator('li.card', { hasText: 'Spreadsheets for work' })
      .getByText('Accredited')
      .first()
      .waitFor();
    await expectAccessible(page, 'the employer page after approving');

    const opp = await stack.gql.ok<{ opportunity: { accredited: boolean } }>(
      'query($id: ID!) { opportunity(id: $id) { accredited } }',
      {
        id: course.publishCourse.id,
      },
    );
    expect(opp.opportunity.accredited).toBe(true);
    const records = await employer.client.ok<{
      organisationAccreditations: Array<{ status: string; guaranteedInterview: boolean }>;
    }>(
      'query($org: ID!) { organisationAccreditations(organisationId: $org) { status guaranteedInterview } }',
      { org: employer.organisationId },
    );
    expect(records.organisationAccreditations).toEqual([{ status: 'ACTIVE', guaranteedInterview: true }]);
    await context.close();
  }, 600_000);

  it('a partnership opens its cohort dashboard, with small numbers suppressed', async () => {
    const partner = await registerOrg(
      stack.gql,
      'council@example.org',
      'PARTNER',
      'Greater Manchester Skills',
    );
    const cohort = await partner.client.ok<{ createCohort: { id: string; joinCode: string } }>(
      'mutation($p: ID!) { createCohort(partnershipId: $p, name: "Digital returners") { id joinCode } }',
      { p: partner.organisationId },
    );
    // Two learners join: too few to show, so the dashboard must say "fewer than 5".
    for (const email of ['a@example.org', 'b@example.org']) {
      const reg = await stack.gql.ok<{ register: { accessToken: string } }>(
        'mutation($input: RegisterInput!) { register(input: $input) { accessToken } }',
        { input: { email, password: PASSWORD, displayName: email } },
      );
      await stack.gql
        .as(reg.register.accessToken)
        .ok('mutation($code: String!) { joinCohort(code: $code, consent: true) { id } }', {
          code: cohort.createCohort.joinCode,
        });
    }

    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    page.setDefaultTimeout(60_000);
    await logIn(page, web.url, 'council@example.org', 'Cohort dashboard');
    await page.getByRole('heading', { name: 'Progress funnel' }).waitFor();
    await page.getByRole('heading', { name: 'The cohort’s journey' }).waitFor();
    await page.getByRole('heading', { name: 'Skills demand and supply by borough' }).waitFor();
    await expect(page.getByText('fewer than 5').first().isVisible()).resolves.toBe(true);
    await expectAccessible(page, 'the cohort dashboard');
    const [csv] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Download as CSV' }).click(),
    ]);
    expect(csv.suggestedFilename()).toMatch(/\.csv$/);
    await context.close();
  }, 600_000);
});
