import { loadDemoRegion } from '@skillpath/demo-region';
import { eventually } from '@skillpath/testing';
import type { TestStack } from '../../api/src/testing/test-stack';
import type { Locator, Page } from 'playwright-core';
import { DESKTOP, expectAccessible, navTo, PASSWORD, PHONE, useBrowserHarness } from './harness';
import { seedResidentWithRoadmap } from './resident-fixture';
import { snap } from './screens';

/** Waits (briefly) for the element to have the focus: pages move it after they render. */
async function expectFocused(locator: Locator): Promise<void> {
  const handle = await locator.elementHandle();
  // Runs in the page (this file is type-checked for Node, so the browser global is typed by hand).
  const isFocused = (el: unknown) =>
    el === (globalThis as unknown as { document: { activeElement: unknown } }).document.activeElement;
  await locator.page().waitForFunction(isFocused, handle, { timeout: 5_000 });
}

/** Picks the first suggestion the skill combobox offers for `text`; returns its label. */
async function pickSkill(scope: Page, label: string | RegExp, text: string): Promise<string> {
  const combo = scope.getByRole('combobox', { name: label });
  await combo.fill(text);
  const option = scope.getByRole('listbox', { name: 'Matching skills' }).getByRole('option').first();
  await option.waitFor();
  const name = (await option.textContent())?.trim() ?? '';
  await option.click();
  return name;
}

describe('the employer, provider, partnership and resident screens added for the API, in a real browser', () => {
  const h = useBrowserHarness({ stack: { worker: true, seed: loadDemoRegion } });
  const open = (as: typeof PHONE | typeof DESKTOP): Promise<Page> => h.newPage(as);
  const logIn = (page: Page, email: string, heading: string | RegExp) =>
    h.logIn(page, email, PASSWORD, heading);
  let stack: TestStack;
  let web: { url: string };

  beforeAll(() => {
    stack = h.stack;
    web = { url: h.url };
  });

  it('a partnership creates a cohort; a resident joins it with the code; the dashboard follows them to work', async () => {
    await h.registerOrganisation('skills@example.org', 'PARTNER', 'Oldham Skills Partnership');
    const resident = await seedResidentWithRoadmap(stack.gql, {
      email: 'nadia@example.org',
      displayName: 'Nadia',
      postcode: 'OL1 1NL',
    });

    // The partnership starts a cohort: a name that is too short is refused, and the box keeps what was typed.
    const partner = await open(DESKTOP);
    await logIn(partner, 'skills@example.org', 'Cohort dashboard');
    await partner.getByText('You have no cohorts yet.').waitFor();
    await partner.getByRole('button', { name: 'Start a new cohort' }).click();
    const nameField = partner.getByLabel('Cohort name');
    await expectFocused(nameField);
    await nameField.fill('Hi');
    await partner.getByRole('button', { name: 'Create cohort' }).click();
    await partner.getByText('Enter a name of at least 3 letters').waitFor();
    await expect(nameField.getAttribute('aria-invalid')).resolves.toBe('true');
    await expect(nameField.inputValue()).resolves.toBe('Hi');
    await expectAccessible(partner, 'the new cohort form with an error');
    await snap(partner, 'partnership-new-cohort-error');
    await nameField.fill('Oldham digital returners');
    await partner.getByRole('button', { name: 'Create cohort' }).click();
    await partner.getByRole('heading', { name: 'Join code for Oldham digital returners' }).waitFor();
    const code = (await partner.locator('.join-code').textContent())?.trim() ?? '';
    expect(code).toMatch(/^[A-Z2-9]{8}$/);
    await expect(
      partner.getByRole('link', { name: new RegExp(`/groups\\?code=${code}$`) }).count(),
    ).resolves.toBe(1);
    await expectAccessible(partner, 'the partnership page with a new cohort');
    await snap(partner, 'partnership-join-code');

    // The resident, on a phone: a wrong code says so next to the field and keeps what they typed.
    const phone = await open(PHONE);
    await logIn(phone, resident.email, 'Your roadmap');
    await navTo(phone, 'Groups');
    await phone.getByRole('heading', { level: 1, name: 'Your groups' }).waitFor();
    await phone.getByText('You are not in any group yet.').waitFor();
    await phone.getByRole('button', { name: 'Join group' }).click();
    await phone.getByText('Enter the join code you were given').waitFor();
    await phone.getByText('Tick the box to say you agree').waitFor();
    await expectAccessible(phone, 'the join form with errors');
    await snap(phone, 'resident-join-errors');
    const codeField = phone.getByLabel('Join code');
    await codeField.fill('ZZZZ2222');
    await phone.getByLabel('I agree to be counted in the group’s figures').check();
    await phone.getByRole('button', { name: 'Join group' }).click();
    await phone.getByText('No cohort has that code. Check it with whoever gave it to you.').waitFor();
    await expect(codeField.getAttribute('aria-invalid')).resolves.toBe('true');
    await expect(codeField.inputValue()).resolves.toBe('ZZZZ2222');
    await expect(phone.getByLabel('I agree to be counted in the group’s figures').isChecked()).resolves.toBe(
      true,
    );
    await expectAccessible(phone, 'the join form with the API’s error');

    // The partnership's link fills the code in; they also agree to individual monitoring.
    await phone.goto(`${web.url}/groups?code=${code.toLowerCase()}`);
    await phone.getByRole('heading', { level: 1, name: 'Your groups' }).waitFor();
    await expect(phone.getByLabel('Join code').inputValue()).resolves.toBe(code);
    await phone.getByLabel('I agree to be counted in the group’s figures').check();
    await phone.getByLabel(/Also let them see my own progress/).check();
    await phone.getByRole('button', { name: 'Join group' }).click();
    await phone
      .getByText('You have joined Oldham digital returners, run by Oldham Skills Partnership.')
      .waitFor();
    const group = phone.locator('li.card', {
      has: phone.getByRole('heading', { name: 'Oldham digital returners' }),
    });
    await group.getByText('They can see your own progress').waitFor();
    await expectAccessible(phone, 'the groups page after joining');
    await snap(phone, 'resident-groups');

    // The resident reports getting a job, from the roadmap: first without choosing, then properly.
    await navTo(phone, 'My roadmap');
    await phone.getByRole('heading', { name: 'Tell us what happened' }).waitFor();
    // Nothing reported yet: no list of past outcomes.
    await expect(phone.getByRole('heading', { name: 'What we know so far' }).count()).resolves.toBe(0);
    await phone.getByRole('button', { name: 'Save what happened' }).click();
    await phone.getByText('Choose what happened').waitFor();
    await expectAccessible(phone, 'the outcome form with an error');
    await phone.getByLabel('I got a job').check();
    const jobChoice = phone.getByLabel('Which job or course was it? (optional)');
    const firstJob = await jobChoice.locator('option').nth(1).textContent();
    await jobChoice.selectOption({ index: 1 });
    await phone.getByRole('button', { name: 'Save what happened' }).click();
    await phone.getByText(/Thank you\. We have saved that you got a job/).waitFor();
    // It is listed under the form straight away, and after a reload (it is read back from the API).
    const jobTitle = firstJob!.replace(/ \([^)]*\)$/, '');
    const past = phone.getByRole('list', { name: 'What we know so far' });
    await past.getByText(`You got a job for ${jobTitle} (you told us)`).waitFor();
    await phone.reload();
    await past.getByText(`You got a job for ${jobTitle} (you told us)`).waitFor();
    await expectAccessible(phone, 'the roadmap with a past outcome');
    await snap(
      phone,
      'resident-outcome',
      phone.locator('section', { has: phone.getByRole('heading', { name: 'Tell us what happened' }) }),
    );
    const exported = await resident.client.ok<{ exportMyData: { outcomes: Array<{ kind: string }> } }>(
      '{ exportMyData }',
    );
    expect(exported.exportMyData.outcomes.map((o) => o.kind)).toEqual(['IN_WORK']);
    expect(firstJob).toBeTruthy();

    // The dashboard counts them, and shows them by name because they agreed to it.
    await partner.reload();
    const learners = partner.locator('section', {
      has: partner.getByRole('heading', { name: 'Learners who agreed to individual monitoring' }),
    });
    await learners.getByRole('row', { name: /Nadia/ }).getByText('In work').waitFor();
    await expectAccessible(partner, 'the cohort dashboard with a monitored learner');
    await snap(partner, 'partnership-monitored-learner', learners);

    // They stop individual monitoring, then leave: the partnership no longer sees them.
    await navTo(phone, 'Groups');
    await group.getByRole('button', { name: /Stop sharing my own progress/ }).click();
    await group.getByText('They count you in their totals only').waitFor();
    await group.getByRole('button', { name: /Leave group/ }).click();
    const yes = phone.getByRole('button', { name: 'Yes, leave the group' });
    await expectFocused(yes);
    await expectAccessible(phone, 'the leave confirmation');
    await yes.click();
    await phone.getByText('You are not in any group yet.').waitFor();
    const mine = await resident.client.ok<{ myCohorts: unknown[] }>('{ myCohorts { id } }');
    expect(mine.myCohorts).toEqual([]);
  }, 600_000);

  it('an employer posts, edits and withdraws a job, and contacts a candidate who accepts', async () => {
    const employer = await h.registerOrganisation('jobs@example.org', 'EMPLOYER', 'Irk Valley Care');
    const resident = await seedResidentWithRoadmap(stack.gql, {
      email: 'tom@example.org',
      displayName: 'Tom Baker',
      postcode: 'M4 6DE',
    });

    const page = await open(DESKTOP);
    await logIn(page, 'jobs@example.org', 'Irk Valley Care');
    await page.getByText('You have no jobs listed.').waitFor();
    await page.getByRole('button', { name: 'Post a new job' }).click();
    await expectFocused(page.getByLabel('Job title'));

    // Nothing filled in: every problem is named next to its field, focus on the first.
    await page.getByRole('button', { name: 'Post the job' }).click();
    await page.getByText('Enter a job title of at least 3 letters').waitFor();
    await page.getByText('Add at least one skill the job needs').waitFor();
    await page.getByText('Enter the workplace postcode').waitFor();
    await expectAccessible(page, 'the new job form with errors');
    await snap(page, 'employer-new-job-errors');

    // A postcode the API does not know: its message goes next to the postcode, and nothing typed is lost.
    await page.getByLabel('Job title').fill('Customer service adviser');
    await page.getByLabel('Description (optional)').fill('Helping our residents on the phone.');
    const skill = await pickSkill(page, 'Add a skill the job needs', 'customer serv');
    await page.getByLabel(`Level needed in ${skill}`).selectOption({ label: 'Basic' });
    await page.getByLabel('Workplace postcode').fill('ZZ9 9ZZ');
    await page.getByLabel('Wage per year, in £ (optional)').fill('23500');
    await page.getByRole('button', { name: 'Post the job' }).click();
    const postcode = page.getByLabel('Workplace postcode');
    await page.getByText('“ZZ9 9ZZ” is not a postcode we know in Greater Manchester').waitFor();
    await expect(postcode.getAttribute('aria-invalid')).resolves.toBe('true');
    const postcodeError = await page
      .locator('.field--error', { has: postcode })
      .locator('.field-error')
      .textContent();
    expect(postcodeError).toMatch(/ZZ9/);
    await expect(page.getByLabel('Job title').inputValue()).resolves.toBe('Customer service adviser');
    await expect(page.getByLabel('Wage per year, in £ (optional)').inputValue()).resolves.toBe('23500');
    await expect(page.getByRole('list', { name: 'Skills the job needs' }).textContent()).resolves.toContain(
      skill,
    );
    await expectAccessible(page, 'the new job form with the API’s error');
    await snap(page, 'employer-new-job-api-error');

    await postcode.fill('M4 6DE');
    await page.getByRole('button', { name: 'Post the job' }).click();
    await page.getByText('Your job “Customer service adviser” is now listed.').waitFor();
    const card = page.locator('li.card', {
      has: page.getByRole('heading', { name: 'Customer service adviser' }),
    });
    await card.getByText(`Needs: ${skill} (basic)`).waitFor();
    const listed = await employer.client.ok<{
      organisationListings: Array<{ id: string; title: string; wagePencePerYear: number; postcode: string }>;
    }>('query($o: ID!) { organisationListings(organisationId: $o) { id title wagePencePerYear postcode } }', {
      o: employer.organisationId,
    });
    expect(listed.organisationListings).toEqual([
      expect.objectContaining({
        title: 'Customer service adviser',
        wagePencePerYear: 2_350_000,
        postcode: 'M4 6DE',
      }),
    ]);
    const vacancyId = listed.organisationListings[0].id;

    // Edit: the form starts from what is saved.
    await card.getByRole('button', { name: /Edit/ }).click();
    const editTitle = card.getByLabel('Job title');
    await expect(editTitle.inputValue()).resolves.toBe('Customer service adviser');
    await editTitle.fill('Senior customer service adviser');
    // The API refuses an unknown postcode on an edit too; the new title stays in the box.
    const editPostcode = card.getByLabel('Workplace postcode');
    await editPostcode.fill('ZZ9 9ZZ');
    await card.getByRole('button', { name: 'Save changes' }).click();
    await card.getByText('“ZZ9 9ZZ” is not a postcode we know in Greater Manchester').waitFor();
    await expect(editTitle.inputValue()).resolves.toBe('Senior customer service adviser');
    await expectAccessible(page, 'the edit form with the API’s error');
    await editPostcode.fill('M4 6DE');
    await card.getByRole('button', { name: 'Save changes' }).click();
    await page.getByText('Your changes to “Senior customer service adviser” are saved.').waitFor();
    const edited = page.locator('li.card', {
      has: page.getByRole('heading', { name: 'Senior customer service adviser' }),
    });
    await expectAccessible(page, 'the employer page after editing');

    // Candidates: the resident shares with employers and has the skill. An empty message is refused.
    await edited.getByRole('button', { name: /Show candidates/ }).click();
    const candidates = edited.getByRole('list', { name: 'Candidates for Senior customer service adviser' });
    await candidates.waitFor();
    // Tom lives in Manchester; the resident of the first test (Oldham) fits too. Candidates are not named.
    const tomRow = candidates.getByRole('listitem').filter({ hasText: 'Manchester' });
    await tomRow.getByRole('button', { name: /Say you are interested in candidate \d/ }).click();
    const message = edited.getByLabel('Your message about Senior customer service adviser');
    await expectFocused(message);
    await edited.getByRole('button', { name: 'Send message' }).click();
    await edited.getByText('Write a short message of at least 10 letters').waitFor();
    await expectAccessible(page, 'the interest form with an error');
    await snap(page, 'employer-interest-error', tomRow);
    await message.fill('We liked your customer service skills. Would you like to apply?');
    await edited.getByRole('button', { name: 'Send message' }).click();
    await edited.getByText(/Message sent to candidate \d\./).waitFor();
    await tomRow.getByText('Asked, waiting for their answer').waitFor();
    await snap(page, 'employer-candidates');

    // The resident sees it under Messages, is told plainly what saying yes shares, and accepts.
    const phone = await open(PHONE);
    await logIn(phone, resident.email, 'Your roadmap');
    await navTo(phone, /Messages/);
    await phone.getByRole('heading', { name: /Employers interested in you \(1 waiting\)/ }).waitFor();
    const interest = phone.locator('li.card', {
      has: phone.getByRole('heading', { name: 'Irk Valley Care: Senior customer service adviser' }),
    });
    await interest.getByText('If you say yes, they will see your name and email address').waitFor();
    await interest.getByText('We liked your customer service skills').waitFor();
    await expectAccessible(phone, 'the messages page with an employer’s interest');
    await snap(phone, 'resident-interest');
    await interest.getByRole('button', { name: /Yes, share my name and email/ }).click();
    await interest
      .getByText('You said yes. Irk Valley Care can now see your name and email address')
      .waitFor();

    // The employer now sees who it is.
    await page.reload();
    const again = page.locator('li.card', {
      has: page.getByRole('heading', { name: 'Senior customer service adviser' }),
    });
    await again.getByRole('button', { name: /Show candidates/ }).click();
    await again.getByRole('listitem').filter({ hasText: 'Manchester' }).getByText('Said yes').waitFor();
    await again.getByRole('link', { name: resident.email }).waitFor();
    await expect(again.getByRole('heading', { name: 'Tom Baker' }).isVisible()).resolves.toBe(true);

    // Having said yes, Tom can be recorded as interviewed; the card then shows it instead of the button.
    const tom = again.locator('li.card', { has: page.getByRole('heading', { name: 'Tom Baker' }) });
    await tom.getByRole('button', { name: 'They started work with us (Tom Baker)' }).waitFor();
    await tom.getByRole('button', { name: 'We interviewed them (Tom Baker)' }).click();
    await tom.getByText('Saved: you interviewed Tom Baker.').waitFor();
    await tom.getByText('You recorded: Interviewed').waitFor();
    await expect(tom.getByRole('button', { name: /We interviewed them/ }).count()).resolves.toBe(0);
    await expectAccessible(page, 'an accepted candidate recorded as interviewed');
    const recorded = await resident.client.ok<{
      myExpressionsOfInterest: Array<{ recordedOutcomes: string[] }>;
    }>('{ myExpressionsOfInterest { recordedOutcomes } }');
    expect(recorded.myExpressionsOfInterest).toEqual([{ recordedOutcomes: ['INTERVIEWED'] }]);
    // After a reload it is still shown: it came from the API, not from the page's memory.
    await page.reload();
    await again.getByRole('button', { name: /Show candidates/ }).click();
    await tom.getByText('You recorded: Interviewed').waitFor();
    // Tom sees it on his roadmap, recorded by the employer rather than by him.
    await navTo(phone, 'My roadmap');
    await phone
      .getByRole('list', { name: 'What we know so far' })
      .getByText('Irk Valley Care recorded your interview for Senior customer service adviser')
      .waitFor();

    // Withdraw, after a confirmation that takes the focus.
    await again.getByRole('button', { name: /Withdraw/ }).click();
    const confirm = page.getByRole('button', { name: 'Yes, withdraw it' });
    await expectFocused(confirm);
    await expectAccessible(page, 'the withdraw confirmation');
    await confirm.click();
    await page.getByText('“Senior customer service adviser” is withdrawn.').waitFor();
    await again
      .getByText(/withdrawn/)
      .first()
      .waitFor();
    const gone = await stack.gql.ok<{ opportunity: { status: string } }>(
      'query($id: ID!) { opportunity(id: $id) { status } }',
      { id: vacancyId },
    );
    expect(gone.opportunity.status).toBe('WITHDRAWN');
  }, 600_000);

  it('a provider edits a course published with funding rules through the API, and the rules survive', async () => {
    const provider = await h.registerOrganisation('funded@example.org', 'PROVIDER', 'Bolton Skills Hub');
    const found = await stack.gql.ok<{ skills: Array<{ id: string }> }>(
      '{ skills(search: "spreadsheet", first: 1) { id } }',
    );
    const funding = `funding { fundedCostPence minAge maxAge employmentStatuses requiresBenefits maxPriorQualificationLevel }`;
    await provider.client.ok(
      'mutation($o: ID!, $i: ListingInput!) { publishCourse(organisationId: $o, input: $i) { id } }',
      {
        o: provider.organisationId,
        i: {
          kind: 'COURSE',
          title: 'Spreadsheets at work',
          mode: 'IN_PERSON',
          postcode: 'M4 6DE',
          costPence: 30_000,
          stepFree: true,
          skillsTaught: [{ skillId: found.skills[0].id, level: 2 }],
          entitlements: ['ESSENTIAL_DIGITAL_SKILLS'],
          funding: {
            fundedCostPence: 0,
            minAge: 19,
            employmentStatuses: ['UNEMPLOYED'],
            requiresBenefits: true,
          },
        },
      },
    );
    const saved = async () =>
      (
        await provider.client.ok<{ organisationListings: Array<Record<string, unknown>> }>(
          `query($o: ID!) { organisationListings(organisationId: $o) { title stepFree entitlements ${funding} } }`,
          { o: provider.organisationId },
        )
      ).organisationListings[0];

    const page = await open(PHONE);
    await logIn(page, 'funded@example.org', 'Bolton Skills Hub');
    const card = page.locator('li.card', {
      has: page.getByRole('heading', { name: 'Spreadsheets at work' }),
    });
    await card.getByRole('button', { name: /Edit/ }).click();
    // The form starts from the saved funding, and says in words who qualifies.
    const funded = card.getByLabel('Price for people who qualify for funding, in £');
    await expect(funded.inputValue()).resolves.toBe('0');
    await card.getByText('Who qualifies now: people aged 19 or over; looking for work.').waitFor();
    await expect(card.getByLabel('Only people who get benefits qualify').isChecked()).resolves.toBe(true);
    await expect(card.getByLabel('Can people get in without steps or stairs?').inputValue()).resolves.toBe(
      'yes',
    );
    // The national funding it declared is ticked, in plain words; the others are not.
    const digital = card.getByLabel(/^Essential Digital Skills: free for adults/);
    const fcfj = card.getByLabel(/^Free Courses for Jobs: a first level 3 free/);
    await expect(digital.isChecked()).resolves.toBe(true);
    await expect(fcfj.isChecked()).resolves.toBe(false);
    await expectAccessible(page, 'the course edit form with funding');

    // A funded price above the full price is named next to its field, and nothing typed is lost.
    await card.getByLabel('Course title').fill('Spreadsheets at work, part 1');
    await funded.fill('400');
    await card.getByRole('button', { name: 'Save changes' }).click();
    await card.getByText('The price for people who qualify must not be more than the full price').waitFor();
    await expect(funded.getAttribute('aria-invalid')).resolves.toBe('true');
    await expect(card.getByLabel('Course title').inputValue()).resolves.toBe('Spreadsheets at work, part 1');

    // Saving a new title keeps every funding rule and the step-free access.
    await funded.fill('0');
    await card.getByRole('button', { name: 'Save changes' }).click();
    await page.getByText('Your changes to “Spreadsheets at work, part 1” are saved.').waitFor();
    await expect(saved()).resolves.toEqual({
      title: 'Spreadsheets at work, part 1',
      stepFree: true,
      entitlements: ['ESSENTIAL_DIGITAL_SKILLS'],
      funding: {
        fundedCostPence: 0,
        minAge: 19,
        maxAge: null,
        employmentStatuses: ['UNEMPLOYED'],
        requiresBenefits: true,
        maxPriorQualificationLevel: null,
      },
    });

    // Emptying the funded price removes the funding; "Not known" makes step-free access unknown.
    const edited = page.locator('li.card', {
      has: page.getByRole('heading', { name: 'Spreadsheets at work, part 1' }),
    });
    await edited.getByRole('button', { name: /Edit/ }).click();
    await edited.getByLabel('Price for people who qualify for funding, in £').fill('');
    // And the boxes change what it declares: Free Courses for Jobs instead of Essential Digital Skills.
    await edited.getByLabel(/^Essential Digital Skills: free for adults/).uncheck();
    await edited.getByLabel(/^Free Courses for Jobs: a first level 3 free/).check();
    await edited
      .getByLabel('Can people get in without steps or stairs?')
      .selectOption({ label: 'Not known' });
    await edited.getByRole('button', { name: 'Save changes' }).click();
    // The first save's message says the same words, so wait for the stored listing itself.
    const cleared = {
      title: 'Spreadsheets at work, part 1',
      stepFree: null,
      entitlements: ['FREE_COURSES_FOR_JOBS_LEVEL_3'],
      funding: null,
    };
    await eventually(async () =>
      JSON.stringify(await saved()) === JSON.stringify(cleared) ? true : undefined,
    );
    await expect(saved()).resolves.toEqual(cleared);
  }, 600_000);

  it('a provider publishes a course and asks an employer to accredit it; the employer sees the request', async () => {
    await h.registerOrganisation('hr@example.org', 'EMPLOYER', 'Ancoats Analytics');
    await h.registerOrganisation('college@example.org', 'PROVIDER', 'Tameside Adult College');

    const page = await open(PHONE);
    await logIn(page, 'college@example.org', 'Tameside Adult College');
    await page.getByText('You have not published any courses yet.').waitFor();
    await page.getByRole('button', { name: 'Publish a new course' }).click();
    await page.getByLabel('Course title').fill('Spreadsheets for work');
    await page.getByLabel('A Skills Bootcamp').check();
    await page.getByLabel('How is it taught?').selectOption('ONLINE');
    await page.getByLabel('Start date (optional)').fill('2030-03-01');
    await page.getByLabel('Closing date for applications (optional)').fill('2030-04-01');
    await page.getByLabel('Full price, in £').fill('120');
    // No skill yet, and a closing date after the start: both named, focus on the first.
    await page.getByRole('button', { name: 'Publish the course' }).click();
    await page.getByText('Add at least one skill the course teaches').waitFor();
    await page.getByText('The closing date for applications must be on or before the start date').waitFor();
    await expectFocused(page.getByRole('combobox', { name: 'Add a skill the course teaches' }));
    await expectAccessible(page, 'the new course form with errors');
    await snap(page, 'provider-new-course-errors');
    const skill = await pickSkill(page, 'Add a skill the course teaches', 'spreadsheet');
    await page.getByLabel('Closing date for applications (optional)').fill('2030-02-20');
    await page.getByRole('button', { name: 'Publish the course' }).click();
    await page.getByText('Your course “Spreadsheets for work” is now published.').waitFor();
    const card = page.locator('li.card', {
      has: page.getByRole('heading', { name: 'Spreadsheets for work' }),
    });
    await card.getByText(/Skills Bootcamp, live, online/).waitFor();
    await card.getByText('No employer has been asked to accredit this course yet.').waitFor();

    // Ask an employer, found by name.
    await card.getByText('Ask an employer to accredit this course').click();
    await card.getByRole('button', { name: 'Ask for accreditation' }).click();
    await card.getByText('Find and choose the employer to ask').waitFor();
    await card.getByLabel('Employer’s name').fill('nobody by this name');
    await card.getByRole('button', { name: 'Find' }).click();
    await card.getByText('No employer has that name on Skillpath.').waitFor();
    await card.getByLabel('Employer’s name').fill('ancoats');
    await card.getByRole('button', { name: 'Find' }).click();
    await expect(card.getByLabel('Ancoats Analytics').isChecked()).resolves.toBe(true);
    await expect(card.getByLabel(skill, { exact: true }).isChecked()).resolves.toBe(true);
    await expectAccessible(page, 'the accreditation request form');
    await snap(page, 'provider-accreditation');
    await card.getByRole('button', { name: 'Ask for accreditation' }).click();
    await page.getByText('We have asked Ancoats Analytics to accredit “Spreadsheets for work”.').waitFor();
    await card.getByText('Ancoats Analytics: asked, waiting for their decision').waitFor();

    // Asking the same employer again: the API's refusal is shown by the employer field.
    await card.getByLabel('Employer’s name').fill('Ancoats');
    await card.getByRole('button', { name: 'Find' }).click();
    await card.getByRole('button', { name: 'Ask for accreditation' }).click();
    await card.getByText('That employer already has a request or an accreditation in force').waitFor();
    await expect(card.getByLabel('Employer’s name').getAttribute('aria-invalid')).resolves.toBe('true');
    await expectAccessible(page, 'the accreditation form with the API’s error');

    // The employer sees the request on its own page.
    const employerPage = await open(DESKTOP);
    await logIn(employerPage, 'hr@example.org', 'Ancoats Analytics');
    await employerPage.getByRole('heading', { name: 'Accreditation requests (1)' }).waitFor();
    const request = employerPage.locator('li.card', {
      has: employerPage.getByRole('heading', { name: 'Spreadsheets for work' }),
    });
    await request.getByText('Waiting for your decision').waitFor();
    await request.getByText(`Skills to vouch for: ${skill}`).waitFor();
  }, 600_000);
});
