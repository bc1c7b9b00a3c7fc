import type { NormalisedOpportunity, ParseResult } from '../connector.types';
import { readSample, sampleMatcher } from '../testing/connector-test-fixtures';
import { courseJsonLdConnector as connector } from './course-jsonld.connector';

const ctx = { skillMatcher: sampleMatcher() };
const parse = (body: unknown) =>
  connector.parsePage(
    typeof body === 'string' ? body : JSON.stringify(body),
    ctx,
    null,
    'https://courses.example/feed',
  );
const ok = (r: ParseResult): NormalisedOpportunity => {
  if (!r.ok) throw new Error(`expected ok, got: ${r.reason}`);
  return r.opportunity;
};
const sample = JSON.parse(readSample('course-feed.jsonld'));
const [course] = sample['@graph'];

describe('Course JSON-LD connector', () => {
  it('parses the sample into one opportunity per course instance', () => {
    const result = parse(readSample('course-feed.jsonld'));
    expect(result).toMatchObject({ nextCursor: null, pageNumber: 1 });
    expect(result.records).toHaveLength(2);
    const shared = {
      kind: 'COURSE',
      title: 'Data Foundations: spreadsheets to SQL',
      description:
        'Ten evening sessions covering spreadsheets, formulas, pivot tables and an introduction to SQL queries.',
      organisationName: 'Example Adult Learning Service',
      totalHours: 20,
      costPence: 0,
      rqfLevel: 2,
      url: 'https://courses.example/c/data-foundations',
      funding: { fundedCostPence: 0, minAge: 19, employmentStatuses: ['EMPLOYED', 'UNEMPLOYED'] },
      skillTexts: ['spreadsheet software', 'SQL', 'basic computer use'],
      // "Level 2 Certificate" → RQF 2 → proficiency 2 taught; prerequisites one below.
      skillsTaught: [
        { skillId: 'spreadsheets', level: 2 },
        { skillId: 'sql', level: 2 },
      ],
      skillsRequired: [{ skillId: 'computer-use', level: 1 }],
      unmatchedSkillTexts: [],
      contentHash: expect.stringMatching(/^[0-9a-f]{64}$/),
    };
    expect(ok(result.records[0])).toEqual({
      ...shared,
      sourceRef: 'DF-101#2027-01-12/onsite/M2 5PD',
      mode: 'IN_PERSON',
      postcode: 'M2 5PD',
      latitude: 53.4781,
      longitude: -2.2446,
      durationWeeks: 10,
      hoursPerWeek: 2,
      startDate: new Date('2027-01-12T00:00:00Z'),
    });
    expect(ok(result.records[1])).toEqual({
      ...shared,
      sourceRef: 'DF-101#2027-02-01/online',
      mode: 'ONLINE',
      startDate: new Date('2027-02-01T00:00:00Z'),
    });
  });

  it('keeps instance references stable when the feed reorders instances', () => {
    const reordered = { ...course, hasCourseInstance: [...course.hasCourseInstance].reverse() };
    const refs = parse([reordered]).records.map((r) => ok(r).sourceRef);
    expect(refs).toEqual(['DF-101#2027-02-01/online', 'DF-101#2027-01-12/onsite/M2 5PD']);
  });

  it('uses instance @id when given, and a course without instances is one opportunity', () => {
    const withIds = { ...course, hasCourseInstance: { ...course.hasCourseInstance[1], '@id': 'run-7' } };
    expect(ok(parse([withIds]).records[0]).sourceRef).toBe('DF-101#run-7');
    const noInstances = {
      ...course,
      hasCourseInstance: null,
      offers: { price: '£1,250.50', priceCurrency: 'GBP' },
    };
    const single = ok(parse([noInstances]).records[0]);
    expect(single).toMatchObject({ sourceRef: 'DF-101', mode: 'ONLINE', costPence: 125_050 });
    expect(single.funding).toBeUndefined();
  });

  it('tolerates strings where objects are allowed, nulls and HTML', () => {
    const loose = {
      '@type': 'Course',
      '@id': 'https://courses.example/c/welding',
      name: 'Intro to <i>welding</i> Skills Bootcamp',
      description: '<p>Hands-on &amp; safe.</p>',
      provider: 'Example College',
      teaches: 'Python; welding',
      educationalCredentialAwarded: null,
      offers: [{ price: null }],
      hasCourseInstance: {
        '@type': 'CourseInstance',
        courseMode: ['Blended'],
        location: 'Main campus',
        startDate: '01/03/2027',
      },
    };
    expect(ok(parse({ itemListElement: [loose] }).records[0])).toMatchObject({
      sourceRef: 'https://courses.example/c/welding#01/03/2027/blended',
      kind: 'BOOTCAMP',
      description: 'Hands-on & safe.',
      organisationName: 'Example College',
      mode: 'HYBRID',
      costPence: 0,
      startDate: new Date('2027-03-01T00:00:00Z'),
      skillTexts: ['Python', 'welding'],
      unmatchedSkillTexts: ['welding'],
      skillsTaught: [{ skillId: 'python', level: 2 }],
    });
  });

  it('quarantines broken instances and courses with reasons, keeping the rest', () => {
    const result = parse({
      itemListElement: [
        {
          ...course,
          hasCourseInstance: [
            course.hasCourseInstance[0],
            { ...course.hasCourseInstance[1], startDate: '2027-13-01' },
          ],
        },
        { ...course, courseCode: 'NEG-1', offers: { price: -10, priceCurrency: 'GBP' } },
        { ...course, courseCode: 'USD-1', offers: { price: 10, priceCurrency: 'USD' } },
        { ...course, courseCode: 'NONAME', name: null },
        { '@type': 'Person', name: 'Not a course' },
        { ...course, courseCode: 'BAD-INST', hasCourseInstance: ['oops'] },
      ],
    });
    expect(result.records.map((r) => (r.ok ? 'ok' : `${r.sourceRef}: ${r.reason}`))).toEqual([
      'ok',
      'DF-101#2027-13-01/online: startDate "2027-13-01" is not a date: expected ISO 8601 (e.g. 2027-01-11 or 2027-01-11T09:00:00) or dd/mm/yyyy',
      'NEG-1#2027-01-12/onsite/M2 5PD: offers.price -10 is negative',
      'NEG-1#2027-02-01/online: offers.price -10 is negative',
      'USD-1#2027-01-12/onsite/M2 5PD: offers.priceCurrency is USD: only GBP prices can be compared',
      'USD-1#2027-02-01/online: offers.priceCurrency is USD: only GBP prices can be compared',
      'NONAME#2027-01-12/onsite/M2 5PD: name is missing',
      'NONAME#2027-02-01/online: name is missing',
      'undefined: item is not a schema.org Course',
      'BAD-INST#?: hasCourseInstance entry is not an object',
    ]);
  });
});
