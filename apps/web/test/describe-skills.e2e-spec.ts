import { Client } from 'pg';
import { loadDemoRegion } from '@skillpath/demo-region';
import { eventually } from '@skillpath/testing';
import { startTestStack, type TestStack } from '../../api/src/testing/test-stack';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { expectAccessible, launchChromium } from './browser';
import { ensureWebBuilt } from './web-build';
import { webAppUrl, type WebServer } from './web-server';

const STEP_TIMEOUT = 60_000;

describe('a resident describes their skills in their own words, on a phone', () => {
  let stack: TestStack;
  let web: WebServer;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let pg: Client;

  const storedSkills = async (): Promise<string[]> => {
    const { rows } = await pg.query<{ label: string }>(
      `SELECT s.label FROM learner_skills ls JOIN skills s ON s.id = ls.skill_id
         JOIN users u ON u.id = ls.user_id WHERE u.email = 'ali@example.org' ORDER BY s.label`,
    );
    return rows.map((r) => r.label);
  };

  beforeAll(async () => {
    await ensureWebBuilt();
    browser = await launchChromium();
    stack = await startTestStack({ seed: loadDemoRegion });
    pg = new Client({ connectionString: stack.db.url });
    await pg.connect();
    web = await webAppUrl(await stack.api.getUrl().then((u) => u.replace('[::1]', '127.0.0.1')));
    context = await browser.newContext({
      viewport: { width: 360, height: 780 },
      isMobile: true,
      hasTouch: true,
    });
    page = await context.newPage();
    page.setDefaultTimeout(STEP_TIMEOUT);
  }, 600_000);

  afterAll(async () => {
    await context?.close();
    await browser?.close();
    await web?.close();
    await pg?.end();
    await stack?.close();
  });

  it('suggests skills from everyday words, stores nothing until they confirm', async () => {
    await page.goto(web.url);
    await page.getByRole('link', { name: 'Get started' }).click();
    await page.getByLabel('Your name').fill('Ali');
    await page.getByLabel('Email address').fill('ali@example.org');
    await page.getByLabel('Create a password').fill('a long enough password');
    await page.getByRole('button', { name: 'Create account' }).click();
    await page.getByRole('heading', { level: 1, name: 'Check your digital skills' }).waitFor();
    // One question a page, "Question 1 of N".
    const legend = page.locator('fieldset.question legend');
    await legend.waitFor();
    const count = Number(/of (\d+)/.exec((await legend.textContent()) ?? '')?.[1]);
    for (let i = 0; i < count; i++) {
      await legend.filter({ hasText: `Question ${i + 1} of ${count}` }).waitFor();
      await page.getByLabel('Not yet').check();
      await page.getByRole('button', { name: i === count - 1 ? 'Save and continue' : 'Continue' }).click();
    }
    await page.getByRole('heading', { level: 1, name: 'Your skills' }).waitFor();
    const before = await storedSkills();

    // Asking with nothing written says what to do.
    const suggest = page.getByRole('button', { name: 'Suggest skills' });
    await suggest.click();
    await page.getByText('Write a sentence or two about something you do').waitFor();

    await page
      .getByLabel('What do you do, at home, in your spare time or at work?')
      .fill("I look after my mum's money, I ran the football club's Facebook page");
    await suggest.click();
    const list = page.getByRole('group', { name: /Skills you might have/ });
    await list.waitFor();
    const social = list.getByRole('checkbox', { name: /Social media management/ });
    await social.waitFor();
    await expect(list.getByRole('checkbox', { name: /Numeracy/ }).count()).resolves.toBe(1);
    await expectAccessible(page, 'the skills page with suggestions from the resident’s own words');
    // A phone-width page: nothing runs off the side.
    const scrollWidth = await page.evaluate(
      () =>
        (globalThis as unknown as { document: { documentElement: { scrollWidth: number } } }).document
          .documentElement.scrollWidth,
    );
    expect(scrollWidth).toBeLessThanOrEqual(360);
    expect(await storedSkills()).toEqual(before);

    // Confirming is the resident's say-so: the skill joins their list and is saved at once, as every
    // change on this page is; what they did not tick is not.
    await social.check();
    await page.getByRole('button', { name: 'Add the ticked skills to my list' }).click();
    await page
      .getByRole('list', { name: 'Skills you have added' })
      .getByText('Social media management', { exact: true })
      .waitFor();
    // At the level the resident's words suggest ("ran" it: 3), which they can still change.
    await expect(page.getByLabel('How good are you at Social media management?').inputValue()).resolves.toBe(
      '3',
    );
    await expect(page.getByRole('checkbox', { name: /Numeracy/ }).count()).resolves.toBe(0);
    await eventually(async () =>
      (await storedSkills()).includes('Social media management') ? true : undefined,
    );
    expect(await storedSkills()).not.toContain('Numeracy');

    await page.getByRole('button', { name: 'Continue' }).click();
    await page.getByRole('heading', { level: 1, name: 'About you' }).waitFor();
    const after = await storedSkills();
    expect(after).toContain('Social media management');
    expect(after).not.toContain('Numeracy');
  }, 300_000);
});
