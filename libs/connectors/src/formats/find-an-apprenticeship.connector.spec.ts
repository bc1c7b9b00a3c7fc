import { MalformedPageError } from '../connector.errors';
import type { NormalisedOpportunity, ParseResult } from '../connector.types';
import { readSample, sampleMatcher } from '../testing/connector-test-fixtures';
import {
  findAnApprenticeshipConnector as connector,
  vacancyPageUrl,
} from './find-an-apprenticeship.connector';

const ctx = { skillMatcher: sampleMatcher() };
const sample = JSON.parse(readSample('find-an-apprenticeship-v2.json'));
const page = (body: unknown, cursor: string | null = null, pageSize?: number) =>
  connector.parsePage(JSON.stringify(body), { ...ctx, pageSize }, cursor, 'https://api.example/vacancy');
const ok = (r: ParseResult): NormalisedOpportunity => {
  if (!r.ok) throw new Error(`expected ok, got: ${r.reason}`);
  return r.opportunity;
};

describe('Find an apprenticeship connector', () => {
  it('read raw, then normalised record by record, gives exactly what parsePage gives', async () => {
    const body = JSON.stringify({
      ...sample,
      vacancies: [...sample.vacancies, { ...sample.vacancies[0], title: null }, 'not a vacancy'],
      totalPages: 3,
    });
    const fetcher = { get: async (url: string) => ({ url, status: 200, body }) };
    const reading = connector.raw!;
    const fetched = await reading.fetchBody(
      { sourceUrl: 'https://api.example', fetcher, credentials: { subscriptionKey: 'k' } },
      '2',
    );
    expect(fetched).toEqual({
      url: 'https://api.example/vacancy?PageNumber=2&PageSize=100',
      status: 200,
      body,
    });
    const raw = reading.readBody(fetched, '2', {});
    const parsed = connector.parsePage(body, ctx, '2');
    expect(raw).toMatchObject({ nextCursor: '3', pageNumber: 2, totalPages: 3 });
    expect(raw.records.map((r) => r.sourceRef)).toEqual([
      ...sample.vacancies.map((v: { vacancyReference: string }) => v.vacancyReference),
      sample.vacancies[0].vacancyReference,
      undefined,
    ]);
    expect(raw.records.map((r) => reading.normalise(r, ctx))).toEqual(parsed.records);
    expect(parsed.records.filter((r) => !r.ok)).toHaveLength(2);
  });

  it('parses the sample page exactly', () => {
    const result = connector.parsePage(readSample('find-an-apprenticeship-v2.json'), ctx, null);
    expect(result).toMatchObject({ nextCursor: null, pageNumber: 1, totalPages: 1 });
    expect(result.records).toHaveLength(2);
    const first = ok(result.records[0]);
    expect(first).toEqual({
      sourceRef: '2000456701',
      kind: 'APPRENTICESHIP',
      title: 'Level 3 Data Technician Apprentice',
      description:
        'Work with our reporting team: clean data in spreadsheets, write SQL against the warehouse and automate the dull parts in Python.',
      organisationName: 'Quayside Freight Analytics Ltd',
      mode: 'IN_PERSON',
      postcode: 'M5 4WT',
      latitude: 53.4783,
      longitude: -2.2701,
      hoursPerWeek: 36,
      // "24 Months" → 104 weeks.
      durationWeeks: 104,
      costPence: 0,
      rqfLevel: 3,
      startDate: new Date('2027-02-01T00:00:00Z'),
      closingDate: new Date('2026-12-18T23:59:59Z'),
      url: 'https://www.findapprenticeship.service.gov.uk/apprenticeship/reference/2000456701',
      wagePencePerYear: 2_250_000,
      skillTexts: [],
      // Description skills are what the apprenticeship trains, at RQF 3 → proficiency 3.
      skillsTaught: [
        { skillId: 'python', level: 3 },
        { skillId: 'spreadsheets', level: 3 },
        { skillId: 'sql', level: 3 },
      ],
      skillsRequired: [],
      unmatchedSkillTexts: [],
      contentHash: expect.stringMatching(/^[0-9a-f]{64}$/),
    });
    const second = ok(result.records[1]);
    expect(second).toMatchObject({
      sourceRef: '2000456788',
      title: 'Business Administration Apprentice',
      organisationName: 'Croal Street Dental Practice',
      postcode: 'BL1 1RU',
      hoursPerWeek: 30,
      durationWeeks: 52,
      closingDate: new Date('2026-12-04T23:59:59Z'),
      // The listing's own page comes before the employer's application form.
      url: 'https://www.findapprenticeship.service.gov.uk/apprenticeship/reference/2000456788',
      skillsTaught: [
        { skillId: 'customer-service', level: 3 },
        { skillId: 'problem-solving', level: 3 },
      ],
    });
    // ApprenticeshipMinimum has no amount: the wage depends on age, so it is left unknown.
    expect(second.wagePencePerYear).toBeUndefined();
  });

  it('pages by number until totalPages', () => {
    expect(page({ ...sample, totalPages: 3 }, '2')).toMatchObject({
      pageNumber: 2,
      nextCursor: '3',
      totalPages: 3,
    });
    expect(page({ ...sample, totalPages: 3 }, '3').nextCursor).toBeNull();
    // Without totalPages, a full page means there may be more.
    const { totalPages: _omit, ...noTotals } = sample;
    expect(page(noTotals, null, 2).nextCursor).toBe('2');
    expect(page(noTotals, null, 3).nextCursor).toBeNull();
  });

  it('builds the vacancy URL from the base, keeping its path and filters', () => {
    expect(vacancyPageUrl('https://api.example/vacancies/', 3, 100)).toBe(
      'https://api.example/vacancies/vacancy?PageNumber=3&PageSize=100',
    );
    expect(vacancyPageUrl('https://api.example/v?Sort=AgeDesc', 1, 50)).toBe(
      'https://api.example/v/vacancy?Sort=AgeDesc&PageNumber=1&PageSize=50',
    );
  });

  it('tolerates nulls, missing optional fields, numbers as strings and HTML descriptions', () => {
    const sparse = {
      vacancyReference: 1000555,
      title: 'Business Administrator Apprentice',
      employerName: 'Example Council',
      description: '<p>Answer calls &amp; emails.</p><ul><li>Customer service</li></ul>',
      hoursPerWeek: '30',
      address: null,
      location: { lat: '53.5', lon: '-2.1' },
      wage: { wageType: 'Custom', wageAmount: '350', wageUnit: 'Weekly' },
      course: null,
      apprenticeshipLevel: 'Intermediate',
      closingDate: null,
      startDate: undefined,
      expectedDuration: null,
      vacancyUrl: null,
      applicationUrl: 'https://council.example/apply',
    };
    const opportunity = ok(page({ vacancies: [sparse], totalPages: 1 }).records[0]);
    expect(opportunity).toMatchObject({
      sourceRef: '1000555',
      description: 'Answer calls & emails.\n\n- Customer service',
      hoursPerWeek: 30,
      latitude: 53.5,
      longitude: -2.1,
      wagePencePerYear: 350 * 52 * 100,
      rqfLevel: 2,
      url: 'https://council.example/apply',
      skillsTaught: [{ skillId: 'customer-service', level: 2 }],
    });
    expect(opportunity.postcode).toBeUndefined();
    expect(opportunity.closingDate).toBeUndefined();
  });

  it('quarantines broken vacancies with reasons and keeps the good ones', () => {
    const [good] = sample.vacancies;
    const result = page({
      vacancies: [
        { ...good, title: null },
        good,
        { ...good, vacancyReference: '1000777', closingDate: '31/02/2026' },
        { ...good, vacancyReference: null },
        'not a vacancy',
        { ...good, vacancyReference: '1000888', hoursPerWeek: -5 },
        { ...good, vacancyReference: '1000999', employerName: '   ' },
      ],
      totalPages: 1,
    });
    expect(result.records.map((r) => r.ok)).toEqual([false, true, false, false, false, false, false]);
    expect(result.records[0]).toEqual({
      ok: false,
      sourceRef: '2000456701',
      raw: { ...good, title: null },
      reason: 'title is missing',
    });
    expect(result.records[2]).toMatchObject({
      sourceRef: '1000777',
      reason: expect.stringMatching(/closingDate "31\/02\/2026" is not a date/),
    });
    expect(result.records[3]).toMatchObject({ reason: 'vacancyReference is missing' });
    expect(result.records[3]).not.toHaveProperty('sourceRef');
    expect(result.records[4]).toMatchObject({ raw: 'not a vacancy', reason: 'vacancy is not an object' });
    expect(result.records[5]).toMatchObject({ sourceRef: '1000888', reason: 'hoursPerWeek -5 is negative' });
    expect(result.records[6]).toMatchObject({ sourceRef: '1000999', reason: 'employerName is missing' });
  });

  it('treats a page that is not JSON, or has no vacancies array, as malformed', () => {
    expect(() => connector.parsePage('{"vacancies": [', ctx, null, 'https://api.example/p')).toThrow(
      MalformedPageError,
    );
    expect(() => connector.parsePage('<html>Service unavailable</html>', ctx, null)).toThrow(
      /not valid JSON/,
    );
    expect(() => page({ results: [] })).toThrow(/no "vacancies" array/);
    expect(() => page([])).toThrow(MalformedPageError);
  });
});
