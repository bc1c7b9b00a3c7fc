import { MAX_JOB_TITLE_LENGTH, normaliseJobTitle } from './job-title';

describe('normaliseJobTitle', () => {
  // [as an advert writes it, the role, seniority, trainee, context]
  const TABLE: [string, string, string | null, boolean, string][] = [
    ['Senior Care Assistant (Nights) - Manchester £25k', 'care assistant', 'SENIOR', false, 'manchester'],
    ['Trainee Electrician - Level 3 Apprentice', 'electrician', null, true, ''],
    ['Warehouse Operative (m/f/d) | Part time | Immediate start', 'warehouse operative', null, false, ''],
    [
      'Software Developer (m/w/d) - Remote - £45,000 - £55,000 + bonus',
      'software developer',
      null,
      false,
      '',
    ],
    ['Chef de Partie, Salford M5 3AB, £12.50 per hour', 'chef de partie', null, false, 'salford'],
    ['Bank Nurse - Mental Health', 'nurse', null, false, 'mental health'],
    ['Junior Web Developer', 'web developer', 'JUNIOR', false, ''],
    ['Graduate Software Engineer', 'software engineer', 'ENTRY', false, ''],
    ['Customer Service Advisor - Part Time 20 hours per week', 'customer service advisor', null, false, ''],
    ['Kitchen Porter x2 URGENTLY REQUIRED', 'kitchen porter', null, false, ''],
    ['Cleaner 16hrs Mon-Fri Evenings', 'cleaner', null, false, ''],
    ['Admin Asst - Temp to Perm', 'administrator assistant', null, false, ''],
    ['Forklift Driver - Days/Nights - Trafford Park', 'forklift driver', null, false, 'trafford park'],
    [
      'Teaching Assistant (SEN) - Oldham',
      'teaching assistant',
      null,
      false,
      'special educational needs oldham',
    ],
    ['Head of Finance', 'head of finance', 'HEAD', false, ''],
    ['Team Leader - Retail', 'team leader retail', 'LEAD', false, ''],
    ['Apprentice', 'apprentice', null, true, ''],
    ['Mobile Developer', 'mobile developer', null, false, ''],
    ['B2B Sales Executive', 'b2b sales executive', null, false, ''],
    ['Care Worker (Full Time, Permanent) Ref: CW-1042', 'care worker', null, false, ''],
    ['Support Worker - Sleep-ins - up to £12.00 per hour', 'support worker', null, false, ''],
    ['HGV Class 1 Driver £35k + overtime', 'hgv class 1 driver', null, false, ''],
    ['Bank Clerk', 'bank clerk', null, false, ''],
    ['', '', null, false, ''],
  ];

  it.each(TABLE)('%j → %j', (raw, role, seniority, trainee, context) => {
    const n = normaliseJobTitle(raw);
    expect({ role: n.role, seniority: n.seniority, trainee: n.trainee, context: n.context }).toEqual({
      role,
      seniority,
      trainee,
      context,
    });
  });

  it('keeps what it removed, for explanations', () => {
    expect(normaliseJobTitle('Senior Chef (Nights) £25k').removed).toEqual(['£25k', 'nights', 'senior']);
  });

  it('reads a pasted advert only as far as a title goes, quickly', () => {
    const huge = `Care Assistant ${'and lots more words '.repeat(500_000)}`;
    const started = Date.now();
    const n = normaliseJobTitle(huge);
    expect(n.role.startsWith('care assistant')).toBe(true);
    expect(n.role.length).toBeLessThanOrEqual(MAX_JOB_TITLE_LENGTH);
    expect(Date.now() - started).toBeLessThan(2000);
  });
});
