import { loadDemoRegion } from '@skillpath/demo-region';
import { adminClient, verifyOrganisation } from '../../api/src/partners/partners-test-helpers';
import { startTestStack } from '../../api/src/testing/test-stack';
import { mkdirSync } from 'fs';
import { join } from 'path';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from '../test/browser';
import { seedResidentWithRoadmap } from '../test/resident-fixture';
import { ensureWebBuilt } from '../test/web-build';
import { webAppUrl } from '../test/web-server';

const OUT = join(__dirname, '..', '..', '..', 'docs', 'screenshots');

async function logIn(
  page: Page,
  baseUrl: string,
  email: string,
  password: string,
  landing: string,
): Promise<void> {
  await page.goto(`${baseUrl}/login`);
  await page.getByLabel('Email address').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Log in' }).click();
  await page.getByRole('heading', { level: 1, name: landing }).waitFor({ timeout: 60_000 });
}

/**
 * Screenshots for the README, from the built app against a real API on the demo region:
 * docs/screenshots/roadmap-phone.png, roadmap-desktop.png, partnership-dashboard.png, join-group-phone.png
 * and employer-post-job.png.
 * Run: node -r @swc-node/register apps/web/scripts/screenshots.ts (PostgreSQL and Redis must be up).
 */
export async function takeScreenshots(): Promise<string[]> {
  await ensureWebBuilt();
  mkdirSync(OUT, { recursive: true });
  const stack = await startTestStack({ worker: true, seed: loadDemoRegion });
  let browser: Browser | undefined;
  const written: string[] = [];
  try {
    const web = await webAppUrl((await stack.api.getUrl()).replace('[::1]', '127.0.0.1'));
    browser = await launchChromium();
    const resident = await seedResidentWithRoadmap(stack.gql, {
      email: 'amira@example.org',
      displayName: 'Amira',
      enrolFirstStep: true,
    });

    for (const [name, viewport, mobile] of [
      ['roadmap-phone.png', { width: 360, height: 780 }, true],
      ['roadmap-desktop.png', { width: 1280, height: 800 }, false],
    ] as const) {
      const context = await browser.newContext({
        viewport,
        isMobile: mobile,
        hasTouch: mobile,
        deviceScaleFactor: mobile ? 2 : 1,
      });
      const page = await context.newPage();
      await logIn(page, web.url, resident.email, resident.password, 'Your roadmap');
      await page.getByRole('heading', { name: 'Jobs at the end' }).waitFor({ timeout: 60_000 });
      // On a phone, show the timeline itself (the summary above it is in the desktop picture).
      if (mobile)
        await page
          .getByRole('heading', { name: 'Your journey' })
          .evaluate((h) => h.scrollIntoView({ block: 'start' }));
      const file = join(OUT, name);
      await page.screenshot({ path: file });
      written.push(file);
      await context.close();
    }

    // A partnership with a cohort of six residents (enough that some figures are shown, some suppressed).
    const reg = await stack.gql.ok<{ register: { accessToken: string } }>(
      'mutation($input: RegisterInput!) { register(input: $input) { accessToken } }',
      {
        input: {
          email: 'council@example.org',
          password: resident.password,
          displayName: 'Skills team',
          role: 'PARTNER',
          organisationName: 'Greater Manchester Skills Partnership',
        },
      },
    );
    const partner = stack.gql.as(reg.register.accessToken);
    const orgs = await partner.ok<{ myOrganisations: Array<{ organisation: { id: string } }> }>(
      '{ myOrganisations { organisation { id } } }',
    );
    // New organisations see nothing until an admin has checked them, as a real one would be.
    const admin = await adminClient(stack);
    await verifyOrganisation(partner, admin, orgs.myOrganisations[0].organisation.id, 'PARTNER');
    const cohort = await partner.ok<{ createCohort: { joinCode: string } }>(
      'mutation($p: ID!) { createCohort(partnershipId: $p, name: "Digital returners 2026") { joinCode } }',
      { p: orgs.myOrganisations[0].organisation.id },
    );
    const members = [resident];
    for (const [i, pc] of ['M1 1AE', 'M14 5RX', 'OL1 1NL', 'BL1 1RU', 'M4 6DE'].entries()) {
      members.push(
        await seedResidentWithRoadmap(stack.gql, {
          email: `member${i}@example.org`,
          displayName: `Member ${i}`,
          postcode: pc,
          enrolFirstStep: i % 2 === 0,
        }),
      );
    }
    for (const m of members) {
      await m.client.ok('mutation($code: String!) { joinCohort(code: $code, consent: true) { id } }', {
        code: cohort.createCohort.joinCode,
      });
    }
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    await logIn(page, web.url, 'council@example.org', resident.password, 'Cohort dashboard');
    await page.getByRole('heading', { name: 'The cohort’s journey' }).waitFor({ timeout: 60_000 });
    const file = join(OUT, 'partnership-dashboard.png');
    await page.screenshot({ path: file, fullPage: true });
    written.push(file);
    await context.close();

    // A resident opens the partnership's join link on a phone: the code is filled in, consent is theirs to give.
    const joiner = await seedResidentWithRoadmap(stack.gql, {
      email: 'joel@example.org',
      displayName: 'Joel',
      postcode: 'M14 5RX',
    });
    const phone = await browser.newContext({
      viewport: { width: 360, height: 780 },
      isMobile: true,
      hasTouch: true,
      deviceScaleFactor: 2,
    });
    const phonePage = await phone.newPage();
    await logIn(phonePage, web.url, joiner.email, joiner.password, 'Your roadmap');
    await phonePage.goto(`${web.url}/groups?code=${cohort.createCohort.joinCode}`);
    await phonePage.getByRole('heading', { level: 1, name: 'Your groups' }).waitFor({ timeout: 60_000 });
    await phonePage.getByLabel('I agree to be counted in the group’s figures').check();
    const groups = join(OUT, 'join-group-phone.png');
    await phonePage.screenshot({ path: groups });
    written.push(groups);
    await phone.close();

    // An employer posting a job, with a skill picked through the skill search.
    const hiring = await stack.gql.ok<{ register: { accessToken: string } }>(
      'mutation($input: RegisterInput!) { register(input: $input) { accessToken } }',
      {
        input: {
          email: 'hiring@example.org',
          password: resident.password,
          displayName: 'Hiring team',
          role: 'EMPLOYER',
          organisationName: 'Irk Valley Care',
        },
      },
    );
    const employer = stack.gql.as(hiring.register.accessToken);
    const employerOrgs = await employer.ok<{ myOrganisations: Array<{ organisation: { id: string } }> }>(
      '{ myOrganisations { organisation { id } } }',
    );
    await verifyOrganisation(employer, admin, employerOrgs.myOrganisations[0].organisation.id, 'EMPLOYER');
    const desk = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const deskPage = await desk.newPage();
    await logIn(deskPage, web.url, 'hiring@example.org', resident.password, 'Irk Valley Care');
    await deskPage.getByRole('button', { name: 'Post a new job' }).click();
    await deskPage.getByLabel('Job title').fill('Customer service adviser');
    await deskPage.getByRole('combobox', { name: 'Add a skill the job needs' }).fill('customer serv');
    await deskPage.getByRole('listbox', { name: 'Matching skills' }).getByRole('option').first().click();
    await deskPage.getByLabel('Workplace postcode').fill('M4 6DE');
    await deskPage.getByLabel('Wage per year, in £ (optional)').fill('23500');
    const post = join(OUT, 'employer-post-job.png');
    await deskPage.getByRole('region', { name: 'Post a new job' }).screenshot({ path: post });

    written.push(post);
    await desk.close();
    await web.close();
  } finally {
    await browser?.close();
    await stack.close();
  }
  return written;
}

if (require.main === module) {
  takeScreenshots().then(
    (files) => {
      for (const f of files) console.log(`wrote ${f}`);
      process.exit(0);
    },
    (e: unknown) => {
      console.error(e);
      process.exit(1);
    },
  );
}
