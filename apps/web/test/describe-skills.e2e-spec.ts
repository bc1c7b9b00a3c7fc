import { Client } from 'pg';
import { loadDemoRegion } from '@skillpath/demo-region';
import { eventually } from '@skillpath/testing';
import type { Page } from 'playwright-core';
import { expectAccessible, useBrowserHarness } from './harness';

describe('a resident describes their skills in their own words, on a phone', () => {
  const h = useBrowserHarness({ stack: { seed: loadDemoRegion } });
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
    h.onClose(() => pg?.end());
    pg = new Client({ connectionString: h.stack.db.url });
    await pg.connect();
    page = await h.newPhonePage();
  }, 600_000);

  it('suggests skills from everyday words, stores nothing until they confirm', async () => {
    await h.signUpResident(page, { name: 'Ali', email: 'ali@example.org' });
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
