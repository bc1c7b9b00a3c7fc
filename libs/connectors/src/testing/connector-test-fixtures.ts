import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PhraseSkillMatcher } from './phrase-skill-matcher';

/** Test-only: a small label list covering the sample feeds, with ids that read like what they are. */
export const SAMPLE_SKILLS = [
  { skillId: 'sql', label: 'SQL' },
  { skillId: 'javascript', label: 'JavaScript' },
  { skillId: 'git', label: 'Git', altLabels: ['version control'] },
  { skillId: 'spreadsheets', label: 'spreadsheet software', altLabels: ['spreadsheets'] },
  { skillId: 'excel', label: 'Microsoft Excel', altLabels: ['Excel'] },
  { skillId: 'customer-service', label: 'customer service' },
  { skillId: 'problem-solving', label: 'problem solving' },
  { skillId: 'html', label: 'HTML' },
  { skillId: 'css', label: 'CSS' },
  { skillId: 'linux', label: 'Linux' },
  { skillId: 'data-visualisation', label: 'data visualisation', altLabels: ['dashboards'] },
  { skillId: 'power-bi', label: 'Power BI' },
  { skillId: 'python', label: 'Python' },
  { skillId: 'computer-use', label: 'basic computer use' },
  { skillId: 'social-media', label: 'social media' },
  { skillId: 'google-analytics', label: 'Google Analytics' },
];

export const sampleMatcher = () => new PhraseSkillMatcher(SAMPLE_SKILLS);

/** Feeds written for the tests, in the real formats (see fixtures/README.md). */
export const FIXTURES_DIR = join(__dirname, 'fixtures');

export function readSample(file: string): string {
  return readFileSync(join(FIXTURES_DIR, file), 'utf8');
}

/** Fetches every page of a feed as a refresh run would, returning the pages in order. */
export async function walkFeed(
  connector: import('../connector.types').Connector,
  ctx: import('../connector.types').ConnectorContext,
  maxPages = 10_000,
): Promise<import('../connector.types').ConnectorPage[]> {
  const pages = [];
  let cursor: string | null = null;
  do {
    const page = await connector.fetchPage(ctx, cursor);
    pages.push(page);
    cursor = page.nextCursor;
  } while (cursor !== null && pages.length < maxPages);
  return pages;
}
