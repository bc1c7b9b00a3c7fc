import { PassThrough, Readable } from 'stream';
import { runSkillsExtractCli } from './skills-extract-cli';
import { SkillExtractor } from '../extraction/skill-extractor';

const SKILLS = [
  { id: 'a1', uri: 'http://data.europa.eu/esco/skill/sql', label: 'SQL', altLabels: [] },
  { id: 'a2', uri: null, label: 'customer service', altLabels: [] },
];

async function run(
  input: string,
  skills: ConstructorParameters<typeof SkillExtractor>[0] | SkillExtractor = SKILLS,
) {
  const output = new PassThrough();
  const chunks: string[] = [];
  output.on('data', (c: Buffer) => chunks.push(c.toString('utf8')));
  const count = await runSkillsExtractCli({ input: Readable.from([input]), output, skills });
  output.end();
  return {
    count,
    lines: chunks
      .join('')
      .split('\n')
      .filter((l) => l.length > 0),
  };
}

describe('runSkillsExtractCli', () => {
  it('writes one JSON line per input line, in order, empty lines included', async () => {
    const { count, lines } = await run(
      'SQL and customer service, SQL again\n\n<b>nothing here</b>\r\ncustomer service\n',
    );
    expect(count).toBe(4);
    expect(lines.map((l) => JSON.parse(l))).toEqual([
      {
        skills: [
          { id: 'a1', uri: 'http://data.europa.eu/esco/skill/sql', label: 'SQL', score: 1 },
          { id: 'a2', uri: null, label: 'customer service', score: 1 },
        ],
      },
      { skills: [] },
      { skills: [] },
      { skills: [{ id: 'a2', uri: null, label: 'customer service', score: 1 }] },
    ]);
  });

  it('handles a last line without a newline, and no input at all', async () => {
    expect((await run('SQL')).lines).toEqual([
      '{"skills":[{"id":"a1","uri":"http://data.europa.eu/esco/skill/sql","label":"SQL","score":1}]}',
    ]);
    expect(await run('')).toEqual({ count: 0, lines: [] });
  });

  it('accepts a prebuilt extractor', async () => {
    const { lines } = await run('SQL\n', new SkillExtractor(SKILLS));
    expect(lines).toHaveLength(1);
  });
});
