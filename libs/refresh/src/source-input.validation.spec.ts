import { cronProblem, sourceFieldProblems } from './source-input.validation';

describe('sourceFieldProblems', () => {
  const good = {
    name: 'GM vacancies',
    format: 'find-an-apprenticeship',
    url: 'https://api.example/vacancies',
    schedule: '0 */6 * * *',
    rateLimitPerSecond: 2,
  };

  it('accepts a complete, valid source and a partial update', () => {
    expect(sourceFieldProblems(good, ['name', 'format', 'url'])).toEqual([]);
    expect(sourceFieldProblems({ schedule: null, enabled: false })).toEqual([]);
  });

  it.each([
    [
      { format: 'rss' },
      /format must be one of find-an-apprenticeship, jobposting-jsonld, course-jsonld, skills-bootcamps-csv/,
    ],
    [{ url: 'ftp://example.org/feed' }, /url must be an http/],
    [{ url: 'not a url' }, /url must be an http/],
    [{ schedule: '61 * * * *' }, /schedule "61 \* \* \* \*" is not a valid cron pattern/],
    [{ schedule: 'every day' }, /expected 5 fields/],
    [{ rateLimitPerSecond: 0 }, /rateLimitPerSecond must be more than 0/],
    [{ rateLimitPerSecond: -1 }, /rateLimitPerSecond must be more than 0/],
    [{ credentialsEnv: 'sk-live abc/123' }, /NAME of an environment variable/],
    // The attack: a source naming the worker's own settings had them sent to the feed's host.
    [{ credentialsEnv: 'DATABASE_URL' }, /must name a variable starting with SKILLPATH_SOURCE_KEY_/],
    [{ credentialsEnv: 'JWT_SECRET' }, /SKILLPATH_SOURCE_KEY_/],
    [{ credentialsEnv: 'skillpath_source_key_lower' }, /SKILLPATH_SOURCE_KEY_/],
    [{ credentialsEnv: 'SKILLPATH_SOURCE_KEY_' }, /SKILLPATH_SOURCE_KEY_/],
    [{ pageSize: 0 }, /pageSize/],
    [{ name: ' padded' }, /name must be/],
  ])('rejects %p', (fields, message) => {
    const problems = sourceFieldProblems(fields);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(message);
  });

  it('names missing required fields', () => {
    expect(sourceFieldProblems({ name: 'x' }, ['name', 'format', 'url'])).toEqual([
      'format is required',
      'url is required',
    ]);
  });

  it('cronProblem accepts ordinary patterns', () => {
    expect(cronProblem('15 2 * * *')).toBeUndefined();
    expect(cronProblem('0 0 * * MON-FRI')).toBeUndefined();
  });
});
