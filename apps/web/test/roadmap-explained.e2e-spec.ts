import { Client } from 'pg';
import { loadDemoRegion } from '@skillpath/demo-region';
import type { BrowserContext, Page } from 'playwright-core';
import { expectAccessible, PASSWORD, PHONE, useBrowserHarness } from './harness';

/**
 * Issue #15 in a real browser: the M1 resident with no budget sees what blocks their goal and what would
 * change it in plain English, is asked the one question that makes the plan free, answers it and gets a
 * free plan; steps show what happened to people who took them; other plans sit side by side on a desktop
 * and one under another on a phone.
 */
describe('a roadmap that explains itself, in a real browser', () => {
  const h = useBrowserHarness({ stack: { seed: loadDemoRegion } });
  let phone: BrowserContext;
  let desktop: BrowserContext;
  let pg: Client;

  async function logIn(context: BrowserContext, email: string): Promise<Page> {
    const page = await context.newPage();
    await h.logIn(page, email, PASSWORD, 'Your roadmap');
    return page;
  }

  /** A resident in M1, unemployed, aged 24-49, with no budget, aiming at data analyst, with a plan. */
  async function seedResident(email: string): Promise<void> {
    const reg = await h.stack.gql.ok<{ register: { accessToken: string } }>(
      'mutation($i: RegisterInput!) { register(input: $i) { accessToken } }',
      { i: { email, password: PASSWORD, displayName: 'Jo' } },
    );
    const me = h.stack.gql.as(reg.register.accessToken);
    const q = await me.ok<{ selfCheckQuestions: Array<{ id: string }> }>('{ selfCheckQuestions { id } }');
    await me.ok('mutation($a: [SelfCheckAnswer!]!) { submitSelfCheck(answers: $a) { selfCheckCompleted } }', {
      a: q.selfCheckQuestions.map((x) => ({ questionId: x.id, answer: 'YES' })),
    });
    await me.ok(
      'mutation { updateLearnerProfile(input: { postcode: "M1", ageBand: AGE_24_49, employmentStatus: UNEMPLOYED, budgetPence: 0 }) { postcode } }',
    );
    const occ = await me.ok<{ occupations: Array<{ id: string }> }>(
      '{ occupations(search: "data analyst", first: 1) { id } }',
    );
    await me.ok('mutation($id: ID!) { setGoal(input: { occupationId: $id }) { postcode } }', {
      id: occ.occupations[0].id,
    });
    await me.ok('mutation { planRoadmap { version } }');
  }

  beforeAll(async () => {
    h.onClose(() => pg?.end());
    pg = new Client({ connectionString: h.stack.db.url });
    await pg.connect();
    // Six people took the demo's Functional Skills Maths courses before: five completed.
    const { rows: courses } = await pg.query<{ id: string }>(
      `SELECT id FROM opportunities WHERE title = 'Functional Skills Maths Level 1'`,
    );
    for (const course of courses)
      for (let i = 0; i < 6; i++) {
        const { rows } = await pg.query<{ id: string }>(
          `INSERT INTO users (email, password_hash, display_name, role) VALUES ($1, 'x', 'Past', 'LEARNER') RETURNING id`,
          [`past-${course.id.slice(0, 8)}-${i}@example.org`],
        );
        await pg.query(
          `INSERT INTO course_participations (user_id, opportunity_id, enrolled_at, completed_at)
           VALUES ($1, $2, now() - interval '90 days', CASE WHEN $3 THEN now() - interval '30 days' END)`,
          [rows[0].id, course.id, i < 5],
        );
      }
    phone = await h.newContext(PHONE);
    desktop = await h.newContext({ viewport: { width: 1280, height: 900 } });
  }, 600_000);

  it('shows the blocker and what-ifs, asks the maths question, and a "No" makes the plan free', async () => {
    await seedResident('jo@example.org');
    const page = await logIn(phone, 'jo@example.org');

    const blockers = page.locator('section', {
      has: page.getByRole('heading', { name: 'What stands in the way' }),
    });
    await blockers.waitFor();
    await expect(blockers.textContent()).resolves.toContain('£450 for Functional Skills Maths Level 1');
    await expect(blockers.getByText(/^With £450 to spend/).count()).resolves.toBe(1);
    await expect(blockers.getByText(/^If you do not have maths at level 2 it is free/).count()).resolves.toBe(
      1,
    );

    const question = page.getByRole('group', { name: /Do you have maths at level 2/ });
    await question.waitFor();
    await expect(question.textContent()).resolves.toContain('If you do not have maths at level 2 it is free');
    await expectAccessible(page, 'a roadmap with a blocker, what-ifs and a question');

    await question.getByRole('button', { name: /^No/ }).click();
    await page.getByRole('heading', { name: 'What stands in the way' }).waitFor({ state: 'detached' });
    const summary = page.locator('section.summary');
    await expect(summary.getByText('Total cost to you').locator('..').textContent()).resolves.toContain('£0');
    await expect(page.getByRole('group', { name: /Do you have maths at level 2/ }).count()).resolves.toBe(0);

    // The maths step: funded for them, and what happened to the people who took it before.
    const maths = page.locator('article.step-card', {
      has: page.getByRole('heading', { name: 'Functional Skills Maths Level 1' }),
    });
    await maths.waitFor();
    await expect(maths.textContent()).resolves.toContain('Normally £450');
    const outcomes = maths.locator('.outcomes');
    await outcomes.getByText('What happened to people who took it').waitFor();
    await expect(outcomes.textContent()).resolves.toMatch(/Started\s*6/);
    // 6 started and 5 completed would tell that 1 person did not: that figure is hidden.
    await expect(outcomes.textContent()).resolves.toMatch(/Completed\s*hidden to protect privacy/);
    await expectAccessible(page, 'the free roadmap with outcome figures');
  }, 300_000);

  it('lays other plans side by side on a desktop and one under another on a phone, and adopts one', async () => {
    await seedResident('ali@example.org');
    await pg.query(
      `UPDATE learner_profiles SET has_maths_level2 = false, budget_pence = NULL
        WHERE user_id = (SELECT id FROM users WHERE email = 'ali@example.org')`,
    );
    const wide = await logIn(desktop, 'ali@example.org');
    // The options are planned live from the profile (now with the maths answer and no budget limit).
    const options = wide.locator('.plan-options > li');
    await wide.getByRole('heading', { name: 'Other ways to your goal' }).waitFor();
    await options.nth(1).waitFor();
    const [a, b] = [await options.nth(0).boundingBox(), await options.nth(1).boundingBox()];
    expect(Math.abs(a!.y - b!.y)).toBeLessThan(2);
    expect(b!.x).toBeGreaterThan(a!.x + a!.width - 1);
    await expect(
      options
        .nth(0)
        .getByText(/Cheapest/)
        .count(),
    ).resolves.toBeGreaterThan(0);
    await expectAccessible(wide, 'the plan options on a desktop');

    // A phone of its own (the other phone is signed in as Jo).
    const secondPhone = await h.newContext(PHONE);
    const narrow = await logIn(secondPhone, 'ali@example.org');
    const listed = narrow.locator('.plan-options > li');
    await narrow.getByRole('heading', { name: 'Other ways to your goal' }).waitFor();
    await listed.nth(1).waitFor();
    const [c, d] = [await listed.nth(0).boundingBox(), await listed.nth(1).boundingBox()];
    expect(d!.y).toBeGreaterThanOrEqual(c!.y + c!.height - 1);
    expect(Math.abs(c!.x - d!.x)).toBeLessThan(2);

    // Adopting the second plan makes it the roadmap, and it says so.
    const second = listed.nth(1);
    const label = (await second.getByRole('heading').textContent())!;
    await second.getByRole('button', { name: /^Choose this plan/ }).click();
    await narrow
      .locator('.plan-options > li', { has: narrow.getByRole('heading', { name: label }) })
      .getByText('This is your plan')
      .waitFor();
  }, 300_000);
});
