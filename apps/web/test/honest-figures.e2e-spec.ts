import { loadDemoRegion } from '@skillpath/demo-region';
import { MatchingIndexService } from '@skillpath/journey';
import { CredentialsService } from '@skillpath/partners';
import { DataSource } from 'typeorm';
import { queryRows } from '@skillpath/testing';
import type { Page } from 'playwright-core';
import { DESKTOP, expectAccessible, navTo, PASSWORD, useBrowserHarness } from './harness';
import { seedResidentWithRoadmap } from './resident-fixture';

const DAY_MS = 86_400_000;

/**
 * Issue 14, items 10, 12, 14 and 15: one figure for each number wherever it is shown, a journey
 * diagram a partnership can read on a phone and on a desktop, headlines that tell the truth about
 * dates, and resident pages that fit a phone at 200 % text size. At 360 px, with axe after each page.
 */
describe('honest figures and readable layouts', () => {
  const h = useBrowserHarness({ stack: { seed: loadDemoRegion } });

  const PROGRESS = /(\d+) of (\d+) learning steps? done/;

  it("10. the employer, the partnership and the resident see the same progress; the roles page's hours are the roadmap's", async () => {
    const partner = await h.registerOrganisation(
      'figures-partner@example.org',
      'PARTNER',
      'Figures Partnership',
    );
    const cohort = await partner.client.ok<{ createCohort: { joinCode: string } }>(
      'mutation($p: ID!) { createCohort(name: "Figures cohort", partnershipId: $p) { joinCode } }',
      { p: partner.organisationId },
    );
    const resident = await seedResidentWithRoadmap(h.stack.gql, {
      email: 'figures-resident@example.org',
      displayName: 'Fatima Figures',
    });
    await resident.client.ok(
      'mutation($c: String!) { joinCohort(code: $c, consent: true, individualMonitoring: true) { id } }',
      {
        c: cohort.createCohort.joinCode,
      },
    );

    // Jobs in reach: the hours it gives for the goal are the hours of the roadmap built from it.
    const page = await h.newPhonePage();
    await h.logIn(page, resident.email, PASSWORD, 'Your roadmap');
    const headline = (await page.locator('.summary').textContent()) ?? '';
    const goal = (await page.locator('.summary__goal strong').textContent())!.trim();
    const roadmapHours = /about (\d+) hours/.exec(headline)?.[1];
    expect(roadmapHours).toBeDefined();
    await navTo(page, 'Jobs in reach');
    await page.getByRole('heading', { level: 1, name: 'Jobs within reach' }).waitFor();
    const role = page.locator('.role', { has: page.getByRole('heading', { name: goal, exact: true }) });
    await expect(role.locator('dd').first().textContent()).resolves.toBe(`about ${roadmapHours} hours`);
    await expectAccessible(page, 'the jobs page');

    // One learning step done (as the resident marks it on their roadmap).
    const steps = await resident.client.ok<{ myRoadmap: { steps: Array<{ id: string; kind: string }> } }>(
      '{ myRoadmap { steps { id kind } } }',
    );
    const learn = steps.myRoadmap.steps.filter((s) => s.kind === 'LEARN');
    const jobs = steps.myRoadmap.steps.filter((s) => s.kind === 'APPLY');
    // The figure would differ if jobs counted as steps: the walk only proves something with both.
    expect(learn.length).toBeGreaterThan(1);
    expect(jobs.length).toBeGreaterThan(0);
    await resident.client.ok(
      'mutation($id: ID!) { updateRoadmapStep(stepId: $id, status: COMPLETED) { id } }',
      {
        id: learn[0].id,
      },
    );
    await navTo(page, 'My roadmap');
    await page.reload();
    const residentSays = (await page.getByText(PROGRESS).first().textContent())!.match(PROGRESS)![0];
    expect(residentSays).toBe(`1 of ${learn.length} learning steps done`);
    await expectAccessible(page, 'the roadmap with a step done');

    // The employer, about the same resident (a candidate for a job asking for their skill).
    const employer = await h.registerOrganisation(
      'figures-employer@example.org',
      'EMPLOYER',
      'Figures Employer',
    );
    const skill = await h.stack.gql.ok<{ skills: Array<{ id: string }> }>(
      '{ skills(search: "customer serv", first: 1) { id } }',
    );
    await employer.client.ok(
      'mutation($o: ID!, $input: ListingInput!) { postVacancy(organisationId: $o, input: $input) { id } }',
      {
        o: employer.organisationId,
        input: {
          kind: 'VACANCY',
          mode: 'IN_PERSON',
          title: 'Figures adviser',
          postcode: 'M4 6DE',
          skillsRequired: [{ skillId: skill.skills[0].id, level: 2 }],
        },
      },
    );
    const employerPage = await h.newPhonePage();
    await h.logIn(employerPage, 'figures-employer@example.org', PASSWORD, 'Figures Employer');
    await employerPage.getByRole('button', { name: /Show candidates/ }).click();
    const candidates = employerPage.getByRole('list', { name: 'Candidates for Figures adviser' });
    await candidates.waitFor();
    // The only resident in this stack who shares with employers and has the skill.
    await expect(candidates.getByRole('listitem').count()).resolves.toBe(1);
    await expect(
      candidates
        .locator('div', { has: employerPage.getByText('Roadmap progress') })
        .locator('dd')
        .textContent(),
    ).resolves.toBe(residentSays);
    await expectAccessible(employerPage, 'the employer page with a candidate');

    // The partnership, who were allowed to follow this resident.
    const partnerPage = await h.newPhonePage();
    await h.logIn(partnerPage, 'figures-partner@example.org', PASSWORD, 'Cohort dashboard');
    const row = partnerPage.getByRole('row', { name: /Fatima Figures/ });
    await expect(row.getByRole('cell').last().textContent()).resolves.toBe(residentSays);
    await expectAccessible(partnerPage, 'the cohort dashboard');

    // 12. On the phone the journey is the table, in readable text, not a 250 px diagram.
    const journey = partnerPage.locator('figure.sankey');
    await journey.waitFor();
    await expect(journey.locator('svg').count()).resolves.toBe(0);
    const table = journey.getByRole('region', { name: /Flows between stages/ });
    await expect(table.isVisible()).resolves.toBe(true);
    const cellSizes = await table
      .locator('td, th')
      .evaluateAll((cells) =>
        cells.map(
          (c) =>
            parseFloat(
              (
                globalThis as unknown as { getComputedStyle(e: unknown): { fontSize: string } }
              ).getComputedStyle(c).fontSize,
            ) * (c.getClientRects().length ? 1 : 0),
        ),
      );
    expect(cellSizes.length).toBeGreaterThan(3);
    expect(Math.min(...cellSizes)).toBeGreaterThanOrEqual(12);

    // On a desktop the diagram is drawn, its labels readable and clear of every flow.
    const desk = await h.newPage(DESKTOP);
    await h.logIn(desk, 'figures-partner@example.org', PASSWORD, 'Cohort dashboard');
    const svg = desk.locator('figure.sankey svg');
    await svg.waitFor();
    await expectAccessible(desk, 'the cohort dashboard on a desktop');
    const layout = await svg.evaluate((root) => {
      type Box = { x: number; y: number; width: number; height: number };
      type SvgEl = {
        getBBox(): Box;
        getTotalLength(): number;
        getPointAtLength(l: number): { x: number; y: number };
        getAttribute(n: string): string | null;
        getScreenCTM(): { a: number } | null;
      };
      const svgRoot = root as unknown as SvgEl & { querySelectorAll(s: string): SvgEl[] };
      const labels = [...svgRoot.querySelectorAll('.sankey__labels text')].map((t) => t.getBBox());
      const overlaps: string[] = [];
      const flows = [...svgRoot.querySelectorAll('.sankey__flows path')];
      for (const f of flows) {
        const half = Number(f.getAttribute('stroke-width') ?? 1) / 2;
        const length = f.getTotalLength();
        for (let at = 0; at <= length; at += 2) {
          const p = f.getPointAtLength(at);
          for (const b of labels) {
            const inX = p.x >= b.x && p.x <= b.x + b.width;
            const inY = p.y + half >= b.y && p.y - half <= b.y + b.height;
            if (inX && inY) overlaps.push(`flow at (${p.x.toFixed(0)}, ${p.y.toFixed(0)}) under a label`);
          }
        }
      }
      // Labels whole, inside the drawing (not cut off at its edge).
      const view = svgRoot.getAttribute('viewBox')!.split(' ').map(Number);
      for (const b of labels)
        if (
          b.x < view[0] ||
          b.x + b.width > view[0] + view[2] ||
          b.y < view[1] ||
          b.y + b.height > view[1] + view[3]
        )
          overlaps.push(`a label at (${b.x.toFixed(0)}, ${b.y.toFixed(0)}) is cut off`);
      // Labels clear of each other too.
      for (let i = 0; i < labels.length; i++)
        for (let j = i + 1; j < labels.length; j++) {
          const a = labels[i];
          const b = labels[j];
          if (a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height)
            overlaps.push(`labels ${i} and ${j} overlap`);
        }
      const scale = svgRoot.getScreenCTM()?.a ?? 0;
      return { labels: labels.length, flows: flows.length, overlaps, fontPx: 14 * scale };
    });
    expect(layout.flows).toBeGreaterThan(0);
    expect(layout.labels).toBeGreaterThan(1);
    expect(layout.overlaps).toEqual([]);
    expect(layout.fontPx).toBeGreaterThanOrEqual(12);
  }, 600_000);

  it('14. a late first step says when and offers the sooner plan; a plan whose adverts all close says how often jobs come up', async () => {
    // A skill nothing in the catalogue teaches or asks for yet, so this test's courses are the only way.
    const [{ id: skillId }] = await queryRows<{ id: string }>(
      h.stack.db.url,
      `SELECT s.id FROM skills s WHERE NOT EXISTS (SELECT 1 FROM opportunity_skills os WHERE os.skill_id = s.id)
         AND NOT EXISTS (SELECT 1 FROM occupation_skills oc WHERE oc.skill_id = s.id) ORDER BY s.id LIMIT 1`,
    );
    // An occupation with adverts in the catalogue, for "similar jobs".
    const [{ occupation }] = await queryRows<{ occupation: string }>(
      h.stack.db.url,
      `SELECT occupation_id AS occupation FROM opportunities WHERE kind = 'VACANCY' AND occupation_id IS NOT NULL
        GROUP BY occupation_id ORDER BY count(*) DESC, occupation_id LIMIT 1`,
    );
    const provider = await h.registerOrganisation('late@example.org', 'PROVIDER', 'Late Starts College');
    const employer = await h.registerOrganisation('closing@example.org', 'EMPLOYER', 'Closing Soon Ltd');
    const day = (n: number) => new Date(Date.now() + n * DAY_MS).toISOString();
    const course = (title: string, startDate: string, costPence: number) =>
      provider.client.ok(
        'mutation($o: ID!, $input: ListingInput!) { publishCourse(organisationId: $o, input: $input) { id } }',
        {
          o: provider.organisationId,
          input: {
            kind: 'COURSE',
            mode: 'ONLINE',
            title,
            startDate,
            costPence,
            hoursPerWeek: 4,
            durationWeeks: 6,
            skillsTaught: [{ skillId, level: 3 }],
          },
        },
      );
    await course('Free course starting in seven months', day(214), 0);
    await course('Paid course starting next week', day(9), 12_000);
    const vacancy = await employer.client.ok<{ postVacancy: { id: string } }>(
      'mutation($o: ID!, $input: ListingInput!) { postVacancy(organisationId: $o, input: $input) { id } }',
      {
        o: employer.organisationId,
        input: {
          kind: 'VACANCY',
          mode: 'IN_PERSON',
          title: 'Closing soon role',
          postcode: 'M4 6DE',
          closingDate: day(30),
          skillsRequired: [{ skillId, level: 3 }],
        },
      },
    );
    // The employer's advert is for a job of that occupation (as enrichment would find).
    await queryRows(
      h.stack.db.url,
      'UPDATE opportunities SET occupation_id = $2, updated_at = now() WHERE id = $1',
      [vacancy.postVacancy.id, occupation],
    );
    await h.stack.api.get(MatchingIndexService, { strict: false }).rebuild();

    const resident = await seedResidentWithRoadmap(h.stack.gql, {
      email: 'late-start@example.org',
      displayName: 'Lola Late',
    });
    await resident.client.ok('mutation { updateLearnerProfile(input: { budgetPence: 50000 }) { postcode } }');
    await resident.client.ok('mutation($id: ID!) { setGoal(input: { opportunityId: $id }) { postcode } }', {
      id: vacancy.postVacancy.id,
    });
    await resident.client.ok('mutation { planRoadmap { id } }');

    // What the headline should say, from the catalogue's own first-seen dates.
    const [{ seen, days }] = await queryRows<{ seen: number; days: number }>(
      h.stack.db.url,
      `WITH since AS (SELECT greatest(now() - interval '90 days', min(first_seen_at)) AS t FROM opportunities)
       SELECT (SELECT count(*) FROM opportunities o, since WHERE o.occupation_id = $1
                 AND o.kind IN ('VACANCY', 'APPRENTICESHIP') AND o.first_seen_at >= since.t)::int AS seen,
              (SELECT extract(epoch FROM now() - since.t) / 86400 FROM since)::float AS days`,
      [occupation],
    );
    const rate = Math.round(seen / Math.max(1, days / 30));
    expect(rate).toBeGreaterThan(1);

    const page = await h.newPhonePage();
    await h.logIn(page, resident.email, PASSWORD, 'Your roadmap');
    const summary = page.locator('.summary');
    await summary
      .getByText(
        `Every advert here closes before your plan ends: similar jobs come up about ${rate} times a month`,
        { exact: false },
      )
      .waitFor();
    // The first step is months away: the page says when, and offers the plan that starts sooner.
    const note = page.locator('.start-note');
    await note
      .getByText(
        /^The first step starts on \d{1,2} \w+ \d{4}, 7 months from now: that is when Free course starting in seven months next starts\./,
      )
      .waitFor();
    const sooner = note.getByRole('link', { name: /Soonest to a job/ });
    await sooner.waitFor();
    const soon = new Date(Date.now() + 9 * DAY_MS);
    await expect(note.textContent()).resolves.toMatch(
      new RegExp(
        `A plan that starts sooner, on ${soon.getUTCDate()} \\w+ ${soon.getUTCFullYear()}: Soonest to a job`,
      ),
    );
    await expectAccessible(page, 'the roadmap with a late first step');
    await sooner.click();
    const option = page.getByRole('article', { name: 'Soonest to a job' });
    await option.getByText('Paid course starting next week').waitFor();
    await option.getByRole('button', { name: /Choose this plan/ }).click();
    await page.locator('.step-card__title', { hasText: 'Paid course starting next week' }).first().waitFor();
    await expect(page.locator('.start-note').count()).resolves.toBe(0);
    await expectAccessible(page, 'the roadmap after choosing the sooner plan');
  }, 600_000);

  it('15. no resident page scrolls sideways on a phone at 200 % text size', async () => {
    const resident = await seedResidentWithRoadmap(h.stack.gql, {
      email: 'big-text@example.org',
      displayName: 'Bertha Bigtext-Longname-Hyphenated',
    });
    // A credential too: its card carries a long link to share.
    const [{ opportunity_id: accredited }] = await queryRows<{ opportunity_id: string }>(
      h.stack.db.url,
      `SELECT opportunity_id FROM accreditations WHERE status = 'ACTIVE'
         AND (valid_from IS NULL OR valid_from <= now()) AND (valid_to IS NULL OR valid_to > now()) LIMIT 1`,
    );
    const [{ id: userId }] = await queryRows<{ id: string }>(
      h.stack.db.url,
      'SELECT id FROM users WHERE email = $1',
      [resident.email],
    );
    const credentials = h.stack.api.get(CredentialsService, { strict: false });
    await h.stack.api
      .get(DataSource)
      .transaction((m) => credentials.issueForCompletion(m, userId, accredited));
    const page = await h.newPhonePage();
    // The browser's own text size setting (as a person sets it), not a zoom: 200 % of 16 px.
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Page.setFontSizes', { fontSizes: { standard: 32, fixed: 26 } });
    await h.logIn(page, resident.email, PASSWORD, 'Your roadmap');
    const rootPx = await page.evaluate(() => {
      const w = globalThis as unknown as {
        document: { documentElement: unknown };
        getComputedStyle(e: unknown): { fontSize: string };
      };
      return parseFloat(w.getComputedStyle(w.document.documentElement).fontSize);
    });
    expect(rootPx).toBe(32);
    const pages: Array<[string, string | RegExp]> = [
      ['/', /./],
      ['/roadmap', 'Your roadmap'],
      ['/skills', 'Your skills'],
      ['/roles', 'Jobs within reach'],
      ['/notifications', 'Messages'],
      ['/credentials', 'My credentials'],
      ['/account', /./],
      ['/profile', /./],
      ['/groups', 'Your groups'],
    ];
    const wide: string[] = [];
    for (const [path, heading] of pages) {
      await page.goto(`${h.url}${path}`);
      await page.getByRole('heading', { level: 1, name: heading }).first().waitFor();
      await page.waitForLoadState('networkidle');
      const size = await sideways(page);
      if (size.scrollWidth > size.clientWidth)
        wide.push(
          `${path}: ${size.scrollWidth} px wide in ${size.clientWidth} px (${size.culprits.join(', ')})`,
        );
      await expectAccessible(page, `${path} at 200 % text`);
    }
    expect(wide).toEqual([]);
  }, 600_000);
});

/** How wide the page is against the screen, and the widest elements that stick out. */
function sideways(page: Page) {
  return page.evaluate(() => {
    type El = {
      tagName: string;
      className: unknown;
      scrollWidth: number;
      clientWidth: number;
      getBoundingClientRect(): { right: number };
    };
    const d = (
      globalThis as unknown as {
        document: {
          scrollingElement: { scrollWidth: number; clientWidth: number };
          querySelectorAll(s: string): El[];
        };
      }
    ).document;
    const { scrollWidth, clientWidth } = d.scrollingElement;
    const name = (e: El) => `${e.tagName.toLowerCase()}.${String(e.className).split(' ')[0]}`;
    const all = [...d.querySelectorAll('body *')];
    // Boxes that stick out, and boxes whose own content (a long word) spills out of them.
    const culprits = [
      ...all.filter((e) => e.getBoundingClientRect().right > clientWidth + 1).map(name),
      ...all
        .filter(
          (e) => e.scrollWidth > e.clientWidth + 1 && e.getBoundingClientRect().right > clientWidth - 40,
        )
        .map((e) => `${name(e)} (content)`),
    ].slice(0, 8);
    return { scrollWidth, clientWidth, culprits };
  });
}
