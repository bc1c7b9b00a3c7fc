import { loadDemoRegion } from '@skillpath/catalogue';
import { startTestStack, type TestStack } from '@skillpath/testing';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { expectAccessible, launchChromium } from './browser';
import { seedResidentWithRoadmap, type SeededResident } from './resident-fixture';
import { ensureWebBuilt } from './web-build';
import { webAppUrl, type WebServer } from './web-server';

const STEP_TIMEOUT = 60_000;
const PHONE = { viewport: { width: 360, height: 780 }, isMobile: true, hasTouch: true };

/**
 * Issue 14's dead ends, walked as a resident on a 360 px phone would, with axe after each page:
 * each journey here used to end in a dead end or a false statement.
 */
describe('no dead ends for a resident on a phone', () => {
  let stack: TestStack;
  let web: WebServer;
  let browser: Browser;
  const contexts: BrowserContext[] = [];
  let n = 0;

  beforeAll(async () => {
    await ensureWebBuilt();
    browser = await launchChromium();
    stack = await startTestStack({ worker: true, seed: loadDemoRegion });
    web = await webAppUrl((await stack.api.getUrl()).replace('[::1]', '127.0.0.1'));
  }, 600_000);

  afterAll(async () => {
    for (const c of contexts) await c.close();
    await browser?.close();
    await web?.close();
    await stack?.close();
  });

  /** A new resident with a planned roadmap, logged in on a phone. */
  async function residentOnPhone(): Promise<{ page: Page; resident: SeededResident }> {
    n += 1;
    const resident = await seedResidentWithRoadmap(stack.gql, {
      email: `resident${n}@example.org`,
      displayName: `Resident ${n}`,
    });
    const context = await browser.newContext(PHONE);
    contexts.push(context);
    const page = await context.newPage();
    page.setDefaultTimeout(STEP_TIMEOUT);
    await page.goto(`${web.url}/login`);
    await page.getByLabel('Email address').fill(resident.email);
    await page.getByLabel('Password').fill(resident.password);
    await page.getByRole('button', { name: 'Log in' }).click();
    await page.getByRole('heading', { level: 1, name: 'Your roadmap' }).waitFor();
    return { page, resident };
  }

  it('2. asks before dropping a step, offers Undo, and lets the resident bring a dropped course back', async () => {
    const { page } = await residentOnPhone();
    const firstStep = page.locator('.step-card').first();
    await firstStep.waitFor();
    const title = (await firstStep.locator('.step-card__title').textContent())!.trim();

    // Asked first; "No, keep it" changes nothing.
    await firstStep.getByRole('button', { name: /Drop this step/ }).click();
    await firstStep.getByText(`Drop ${title}?`).waitFor();
    await expectAccessible(page, 'the roadmap asking before dropping a step');
    await firstStep.getByRole('button', { name: 'No, keep it' }).click();
    await expect(firstStep.getByText('Planned').count()).resolves.toBeGreaterThan(0);

    // Dropped, then undone at once.
    await firstStep.getByRole('button', { name: /Drop this step/ }).click();
    await firstStep.getByRole('button', { name: 'Yes, drop it' }).click();
    const undo = page.getByRole('button', { name: new RegExp(`^Undo`) });
    await undo.waitFor();
    const dropped = page.getByRole('region', { name: 'Courses you dropped' });
    await dropped.getByText(title).waitFor();
    await expectAccessible(page, 'the roadmap after dropping a step');
    await undo.click();
    await page.getByText(`${title} is back in your options.`).first().waitFor();
    await dropped.waitFor({ state: 'detached' });

    // Dropped again and re-planned without it: it stays listed, and can be brought back later.
    const step = page.locator('.step-card', { hasText: title });
    await step.getByRole('button', { name: /Drop this step/ }).click();
    await step.getByRole('button', { name: 'Yes, drop it' }).click();
    await page.getByText('Your roadmap has been updated.').first().waitFor({ timeout: 120_000 });
    await dropped.getByText(title).waitFor();
    const summary = await page.locator('.summary').textContent();
    expect(summary).not.toMatch(/These 0 steps/);
    await dropped.getByRole('button', { name: `Bring it back: ${title}` }).click();
    await page.getByText(`${title} is back in your options.`).first().waitFor();
    await dropped.waitFor({ state: 'detached' });
    await expectAccessible(page, 'the roadmap after bringing a course back');
  }, 600_000);
});
