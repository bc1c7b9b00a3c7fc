import { readFileSync } from 'fs';
import { loadDemoRegion } from '@skillpath/demo-region';
import type { Page, Request } from 'playwright-core';
import { expectAccessible, navTo, useBrowserHarness } from './harness';

describe('a resident, in a real browser on a phone-sized screen', () => {
  const h = useBrowserHarness({ stack: { worker: true, seed: loadDemoRegion } });
  let page: Page;

  beforeAll(async () => {
    page = await h.newPhonePage();
  }, 600_000);

  it('signs up, checks their skills, chooses a goal, follows the roadmap and sees it re-planned', async () => {
    // Sign up.
    await page.goto(h.url);
    await page.getByRole('heading', { level: 1, name: /find your way to a job/i }).waitFor();
    await expectAccessible(page, 'the home page');
    await page.getByRole('link', { name: 'Get started' }).click();
    await page.getByRole('heading', { level: 1, name: 'Create your account' }).waitFor();

    // An unhappy path first: errors are tied to their fields.
    await page.getByRole('button', { name: 'Create account' }).click();
    const nameField = page.getByLabel('Your name');
    await expect(nameField.getAttribute('aria-invalid')).resolves.toBe('true');
    await expect(page.locator('#signup-displayName-error').isVisible()).resolves.toBe(true);
    await page.getByRole('link', { name: 'Enter your name' }).waitFor();
    await expectAccessible(page, 'the sign-up form with errors');

    await nameField.fill('Sam');
    await page.getByLabel('Email address').fill('sam@example.org');
    await page.getByLabel('Create a password').fill('a long enough password');
    await page.getByRole('button', { name: 'Create account' }).click();

    // The Essential Digital Skills check.
    await page.getByRole('heading', { level: 1, name: 'Check your digital skills' }).waitFor();
    // One question a page: "Question 1 of 10", the area in words (never a slug), Continue.
    const legend = page.locator('fieldset.question legend');
    await legend.waitFor();
    const count = Number(/of (\d+)/.exec((await legend.textContent()) ?? '')?.[1]);
    expect(count).toBeGreaterThanOrEqual(8);
    await expectAccessible(page, 'the digital skills check');
    // Continuing without an answer names the problem and links to the answers.
    await page.getByRole('button', { name: 'Continue' }).click();
    await page.getByRole('link', { name: 'Choose an answer' }).waitFor();
    for (let i = 0; i < count; i++) {
      await expect(legend.textContent()).resolves.toContain(`Question ${i + 1} of ${count}`);
      expect(await legend.textContent()).not.toMatch(/[a-z]+-[a-z]+/);
      await page.getByLabel(i < 2 ? 'Yes, with some help' : 'Not yet').check();
      await page.getByRole('button', { name: i === count - 1 ? 'Save and continue' : 'Continue' }).click();
    }

    // Skills, with autocomplete.
    await page.getByRole('heading', { level: 1, name: 'Your skills' }).waitFor();
    await page.getByText('From your digital skills check').waitFor();
    const combo = page.getByRole('combobox', { name: 'Add a skill' });
    await combo.fill('customer serv');
    const option = page.getByRole('option').first();
    await option.waitFor();
    await expectAccessible(page, 'the skills page with suggestions open');
    const skillName = (await option.textContent())?.trim() ?? '';
    await option.click();
    await page.getByLabel(`How good are you at ${skillName}?`).selectOption({ label: 'Confident' });
    await page.getByText(`Saved (${skillName}: Confident).`).waitFor();
    await page.getByRole('button', { name: 'Continue' }).click();

    // About you.
    await page.getByRole('heading', { level: 1, name: 'About you' }).waitFor();
    await page.getByLabel('Your postcode').fill('not a postcode');
    await page.getByLabel('Hours you have for learning each week').fill('10');
    await page.getByLabel('How much could you spend on courses? (£)').fill('0');
    await page.getByRole('button', { name: 'Save and continue' }).click();
    await page.getByText('Enter a real postcode, like M4 6DE').waitFor();
    await expectAccessible(page, 'the profile form with an error');
    await page.getByLabel('Your postcode').fill('M4 6DE');
    await page.getByLabel('How far can you travel? (km)').fill('15');
    await page.getByLabel('Your age').selectOption('AGE_24_49');
    await page.getByLabel('Are you working?').selectOption('UNEMPLOYED');
    await page.getByLabel('Do you get benefits, like Universal Credit?').selectOption('yes');
    await page.getByLabel('Let skills partnerships see my own progress').check();
    await page.getByRole('button', { name: 'Save and continue' }).click();

    // Roles within reach, with what is missing.
    await page.getByRole('heading', { level: 1, name: 'Jobs within reach' }).waitFor();
    const roles = page.locator('.role');
    await roles.first().waitFor();
    expect(await roles.count()).toBeGreaterThan(3);
    await expect(
      page
        .getByText(/What’s missing/)
        .first()
        .isVisible(),
    ).resolves.toBe(true);
    await expectAccessible(page, 'the roles page');
    const itSupport = roles.filter({ has: page.getByRole('heading', { name: /IT support/i }) }).first();
    const goalCard = (await itSupport.count()) ? itSupport : roles.first();
    await goalCard.getByRole('button', { name: /Make this my goal/ }).click();

    // The roadmap as a journey.
    await page.getByRole('heading', { level: 1, name: 'Your roadmap' }).waitFor();
    await page.getByRole('heading', { name: 'Your journey' }).waitFor();
    await page.getByRole('heading', { name: 'Jobs at the end' }).waitFor();
    const firstStep = page.locator('.step-card').first();
    await firstStep.waitFor();
    await expect(firstStep.getByText('Why this step:').isVisible()).resolves.toBe(true);
    await expect(firstStep.getByText('Cost to you').isVisible()).resolves.toBe(true);
    await expect(firstStep.locator('dd').nth(2).textContent()).resolves.toBe('£0');
    await expect(page.locator('.job-card').count()).resolves.toBeGreaterThan(0);
    await expectAccessible(page, 'the roadmap');
    const firstTitle = (await firstStep.locator('h3').textContent())?.trim() ?? '';
    expect(firstTitle.length).toBeGreaterThan(0);

    // A reload keeps them signed in: the HttpOnly refresh cookie gets a new access token at POST
    // /auth/refresh. The script inlined in index.html does that exchange and asks the page's queries
    // before the app runs; the app uses those answers, so each goes out once.
    const sent: string[] = [];
    const onRequest = (r: Request) => {
      const path = new URL(r.url()).pathname;
      if (r.method() === 'POST' && path === '/auth/refresh') sent.push('RefreshToken');
      else if (r.method() === 'POST' && path === '/graphql')
        sent.push((r.postDataJSON() as { operationName?: string }).operationName ?? '(unnamed)');
    };
    page.on('request', onRequest);
    await page.reload();
    await page.getByRole('heading', { name: 'Your journey' }).waitFor();
    await page.getByRole('heading', { name: 'Tell us what happened' }).waitFor();
    await page.waitForLoadState('networkidle');
    page.off('request', onRequest);
    const times = (name: string) => sent.filter((n) => n === name).length;
    expect(
      Object.fromEntries(
        ['RefreshToken', 'MyRoadmap', 'LearnerProfile', 'MyOutcomes'].map((n) => [n, times(n)]),
      ),
    ).toEqual({ RefreshToken: 1, MyRoadmap: 1, LearnerProfile: 1, MyOutcomes: 1 });
    expect(sent).not.toContain('(unnamed)');

    // Progress: enrol, then finish; the worker re-plans and the page shows the new version.
    const step = page
      .locator('.step-card', { has: page.getByRole('heading', { name: firstTitle, exact: true }) })
      .first();
    await step.getByRole('button', { name: /I have enrolled/ }).click();
    await step.locator('.status', { hasText: 'Enrolled' }).waitFor();
    await step.getByRole('button', { name: /I have finished/ }).click();
    await page.getByRole('heading', { name: 'Why your plan changed' }).waitFor({ timeout: 120_000 });
    await expect(page.locator('.changes').textContent()).resolves.toContain(firstTitle);
    const completed = page
      .locator('.step-card', { has: page.getByRole('heading', { name: firstTitle, exact: true }) })
      .first();
    await completed.locator('.status', { hasText: 'Completed' }).waitFor();
    await expectAccessible(page, 'the re-planned roadmap');

    // The notification about the new plan.
    await navTo(page, /Messages/);
    await page.getByRole('heading', { level: 1, name: 'Messages' }).waitFor();
    const note = page.locator('.notification').first();
    await note.waitFor();
    await expect(note.textContent()).resolves.toContain(firstTitle);
    await expectAccessible(page, 'the messages page');
    await page.getByRole('button', { name: 'Mark all as read' }).click();
    await page.getByRole('button', { name: 'Mark all as read' }).waitFor({ state: 'detached' });

    // Export, then delete the account.
    await navTo(page, 'Account');
    await page.getByRole('heading', { level: 1, name: 'Your account' }).waitFor();
    await expectAccessible(page, 'the account page');
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: /Download my data/ }).click(),
    ]);
    const path = await download.path();
    const exported = JSON.parse(readFileSync(path, 'utf8')) as { account: { email: string } };
    expect(exported.account.email).toBe('sam@example.org');

    await page.getByLabel('Your password').fill('not my password');
    await page.getByRole('button', { name: 'Delete my account' }).click();
    await page.getByText('That password is not right').waitFor();
    await page.getByLabel('Your password').fill('a long enough password');
    await page.getByRole('button', { name: 'Delete my account' }).click();
    await page.getByRole('heading', { level: 1, name: 'Your account has been deleted' }).waitFor();
    expect(
      await h.stack.gql.errorCode(
        `mutation { login(email: "sam@example.org", password: "a long enough password") { accessToken } }`,
      ),
    ).toBe('UNAUTHENTICATED');
  }, 600_000);
});
