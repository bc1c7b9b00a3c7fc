import { PassThrough, Readable } from 'stream';
import { runOccupationsClassifyCli } from './occupations-classify-cli';
import { OccupationClassifier } from '../occupations/occupation-classifier';
import { TEST_OCCUPATIONS } from '../occupations/fixtures/occupations';

const classifier = new OccupationClassifier(TEST_OCCUPATIONS);

async function run(input: string, limit?: number) {
  const output = new PassThrough();
  const chunks: string[] = [];
  output.on('data', (c: Buffer) => chunks.push(c.toString('utf8')));
  const count = await runOccupationsClassifyCli({
    input: Readable.from([input]),
    output,
    occupations: classifier,
    limit,
  });
  output.end();
  const lines = chunks
    .join('')
    .split('\n')
    .filter((l) => l.length > 0)
    .map(
      (l) =>
        JSON.parse(l) as { occupations: { id: string; uri: string | null; label: string; score: number }[] },
    );
  return { count, lines };
}

describe('occupations:classify', () => {
  it('writes one line per input line, in order, empty and blank lines included', async () => {
    const { count, lines } = await run(
      'Senior Care Assistant - Manchester\n\n   \r\nKitchen Porter x2\nFLT Driver',
    );
    expect(count).toBe(5);
    expect(lines).toHaveLength(5);
    expect(lines[0].occupations[0].id).toBe('care');
    expect(lines[1]).toEqual({ occupations: [] });
    expect(lines[2]).toEqual({ occupations: [] });
    expect(lines[3].occupations[0].id).toBe('kitchen-porter');
    expect(lines[4].occupations[0].id).toBe('forklift');
  });

  it('gives each occupation id, uri, label and score, at most 5, best first', async () => {
    const { lines } = await run('care worker\n');
    const occupations = lines[0].occupations;
    expect(occupations.length).toBeGreaterThan(1);
    expect(occupations.length).toBeLessThanOrEqual(5);
    for (const o of occupations) expect(Object.keys(o).sort()).toEqual(['id', 'label', 'score', 'uri']);
    const scores = occupations.map((o) => o.score);
    expect([...scores].sort((a, b) => b - a)).toEqual(scores);
  });

  it('honours K', async () => {
    const { lines } = await run('care assistant\nwarehouse assistant\n', 1);
    expect(lines.map((l) => l.occupations.length)).toEqual([1, 1]);
    expect(lines.map((l) => l.occupations[0].id)).toEqual(['care', 'warehouse']);
  });

  it('answers a huge line without reading it all as a title', async () => {
    const { count, lines } = await run(`Electrician ${'x'.repeat(10 * 1024 * 1024)}\nchef\n`);
    expect(count).toBe(2);
    expect(lines[0].occupations[0].id).toBe('electrician');
    expect(lines[1].occupations[0].id).toBe('chef');
  });

  it('handles no input at all', async () => {
    expect(await run('')).toEqual({ count: 0, lines: [] });
  });
});
