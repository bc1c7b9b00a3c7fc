import { MalformedPageError } from '../connector.errors';
import type { NormalisedOpportunity, ParseResult } from '../connector.types';
import { readSample, sampleMatcher } from '../testing/connector-test-fixtures';
import { skillsBootcampsCsvConnector as connector } from './skills-bootcamps-csv.connector';

const ctx = { skillMatcher: sampleMatcher() };
const parse = (body: string) => connector.parsePage(body, ctx, null, 'https://uploads.example/bootcamps.csv');
const ok = (r: ParseResult): NormalisedOpportunity => {
  if (!r.ok) throw new Error(`expected ok, got: ${r.reason}`);
  return r.opportunity;
};
const sample = readSample('skills-bootcamps.csv');
const [header, dataAnalyst] = sample.trim().split('\n');

describe('Skills Bootcamps CSV connector', () => {
  it('parses the sample file exactly', () => {
    const result = parse(sample);
    expect(result).toMatchObject({ nextCursor: null, pageNumber: 1, totalPages: 1 });
    expect(ok(result.records[0])).toEqual({
      sourceRef: 'example-skills-hub/data-analyst-skills-bootcamp/2027-02-15',
      kind: 'BOOTCAMP',
      title: 'Data Analyst Skills Bootcamp',
      organisationName: 'Example Skills Hub',
      mode: 'HYBRID',
      postcode: 'M15 4FN',
      // 180 hours over 12 weeks.
      hoursPerWeek: 15,
      durationWeeks: 12,
      totalHours: 180,
      costPence: 0,
      rqfLevel: 3,
      startDate: new Date('2027-02-15T00:00:00Z'),
      url: 'https://skillshub.example/data-analyst',
      funding: { fundedCostPence: 0, minAge: 19, employmentStatuses: ['EMPLOYED', 'UNEMPLOYED'] },
      guaranteedInterview: true,
      skillTexts: ['SQL', 'Power BI', 'Python', 'dashboards'],
      // RQF 3 → proficiency 3; "dashboards" is data visualisation's other label.
      skillsTaught: [
        { skillId: 'data-visualisation', level: 3 },
        { skillId: 'power-bi', level: 3 },
        { skillId: 'python', level: 3 },
        { skillId: 'sql', level: 3 },
      ],
      skillsRequired: [],
      unmatchedSkillTexts: [],
      contentHash: expect.stringMatching(/^[0-9a-f]{64}$/),
    });
    const online = ok(result.records[1]);
    expect(online).toMatchObject({
      sourceRef: 'example-digital-institute/digital-marketing-skills-bootcamp/2027-04-12',
      mode: 'ONLINE',
      hoursPerWeek: 15,
      guaranteedInterview: false,
      funding: { fundedCostPence: 0, minAge: 19 },
      skillTexts: ['social media', 'Google Analytics', 'copywriting'],
      skillsTaught: [
        { skillId: 'google-analytics', level: 3 },
        { skillId: 'social-media', level: 3 },
      ],
      // Matched to nothing, kept as text.
      unmatchedSkillTexts: ['copywriting'],
    });
    expect(online.postcode).toBeUndefined();
  });

  it('tolerates a BOM, CRLF, header spacing and case, reordered and extra columns', () => {
    const csv =
      '\ufeffBootcamp_Title , Provider,start_date,postcode,notes,skills_taught\r\n' +
      '"Data ""Engineer"", Level 5",Example Data Ltd,01/06/2027,,internal,"SQL;Python"\r\n';
    const opportunity = ok(parse(csv).records[0]);
    expect(opportunity).toMatchObject({
      sourceRef: 'example-data-ltd/data-engineer-level-5/2027-06-01',
      title: 'Data "Engineer", Level 5',
      organisationName: 'Example Data Ltd',
      mode: 'ONLINE',
      costPence: 0,
      startDate: new Date('2027-05-31T23:00:00Z'),
      skillsTaught: [
        { skillId: 'python', level: 2 },
        { skillId: 'sql', level: 2 },
      ],
    });
  });

  it('quarantines bad rows with their line number and a reason, keeping the rest', () => {
    const rows = [
      header,
      dataAnalyst,
      dataAnalyst.replace('Data Analyst Skills Bootcamp', ''),
      dataAnalyst.replace(',0,', ',-100,').replace('2027-02-15', '2027-02-16'),
      dataAnalyst.replace('2027-02-15', '2027-02-31'),
      dataAnalyst.replace('HYBRID,M15 4FN', 'IN_PERSON,').replace('2027-02-15', '2027-02-17'),
      dataAnalyst.replace(',true,', ',maybe,').replace('2027-02-15', '2027-02-18'),
      dataAnalyst,
      'Too,few,fields',
      dataAnalyst.replace('HYBRID', 'BY PIGEON').replace('2027-02-15', '2027-02-19'),
    ].join('\n');
    const result = parse(rows);
    expect(result.records.map((r) => (r.ok ? 'ok' : r.reason))).toEqual([
      'ok',
      'line 3: bootcamp_title is missing',
      'line 4: cost_pence "-100" must be a whole number from 0',
      'line 5: start_date "2027-02-31" is not a date: expected ISO 8601 (e.g. 2027-01-11 or 2027-01-11T09:00:00) or dd/mm/yyyy',
      'line 6: delivery_mode is IN_PERSON but postcode is empty: add the venue postcode or set delivery_mode to ONLINE',
      'line 7: guaranteed_interview "maybe" is not true or false',
      'line 8: same provider, bootcamp_title and start_date as an earlier row (duplicate)',
      'line 9: row has 3 fields but the header has a different number (check quoting and commas)',
      'line 10: delivery_mode "BY PIGEON" is not one of IN_PERSON, ONLINE, HYBRID',
    ]);
    expect(result.records[2]).toMatchObject({
      sourceRef: 'example-skills-hub/data-analyst-skills-bootcamp/2027-02-16',
      raw: { line: '4', cost_pence: '-100' },
    });
    // A row whose date cannot be read still carries its key, built from the text as written.
    expect(result.records[3]).toMatchObject({
      sourceRef: 'example-skills-hub/data-analyst-skills-bootcamp/2027-02-31',
    });
  });

  it('treats a file it cannot read as malformed', () => {
    expect(() => parse('')).toThrow(/CSV is empty/);
    expect(() => parse('name,title\nA,B\n')).toThrow(/CSV header lacks provider, bootcamp_title, start_date/);
    expect(() => parse(`${header}\n"unterminated,quote`)).toThrow(MalformedPageError);
  });
});
