import { loadDemoRegion } from '@skillpath/demo-region';
import { queryRows } from '@skillpath/testing';
import { courseAskingAccreditation } from './accreditation-fixture';
import { DESKTOP, expectAccessible, PASSWORD, useBrowserHarness } from './harness';

describe('employers and partnerships, in a real browser', () => {
  const h = useBrowserHarness({ stack: { worker: true, seed: loadDemoRegion } });

  it('an employer approves a course accreditation that a provider asked for', async () => {
    const employer = await h.registerOrganisation('hiring@example.org', 'EMPLOYER', 'Northern Data Ltd');
    // Organisations start PENDING and vouch for nothing until an admin verifies them (issue 13):
    // this employer stands for a checked one.
    await queryRows(
      h.stack.db.url,
      `UPDATE organisations SET verification = 'VERIFIED', evidence_kind = 'COMPANY_NUMBER', evidence_number = '01234567' WHERE id = $1`,
      [employer.organisationId],
    );
    const provider = await h.registerOrganisation(
      'courses@example.org',
      'PROVIDER',
      'Salford Skills College',
    );
    const courseId = await courseAskingAccreditation(provider, employer.organisationId, {
      title: 'Spreadsheets for work',
      skillSearch: 'spreadsheet',
    });

    const page = await h.newPhonePage();
    await h.logIn(page, 'hiring@example.org', PASSWORD, 'Northern Data Ltd');
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

    const opp = await h.stack.gql.ok<{ opportunity: { accredited: boolean } }>(
      'query($id: ID!) { opportunity(id: $id) { accredited } }',
      {
        id: courseId,
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
  }, 600_000);

  it('a partnership opens its cohort dashboard, with small numbers suppressed', async () => {
    const partner = await h.registerOrganisation(
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
      const reg = await h.stack.gql.ok<{ register: { accessToken: string } }>(
        'mutation($input: RegisterInput!) { register(input: $input) { accessToken } }',
        { input: { email, password: PASSWORD, displayName: email } },
      );
      await h.stack.gql
        .as(reg.register.accessToken)
        .ok('mutation($code: String!) { joinCohort(code: $code, consent: true) { id } }', {
          code: cohort.createCohort.joinCode,
        });
    }

    const page = await h.newPage(DESKTOP);
    await h.logIn(page, 'council@example.org', PASSWORD, 'Cohort dashboard');
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
  }, 600_000);
});
