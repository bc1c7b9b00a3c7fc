import { stemWord } from './word-stem';

describe('stemWord', () => {
  it.each([
    [['manage', 'managing', 'managed', 'management'], 'manag'],
    [['analyse', 'analysis', 'analysing', 'analyze', 'analyzed'], 'analys'],
    [['automate', 'automated', 'automation', 'automating'], 'autom'],
    [['organise', 'organisation', 'organize', 'organization'], 'organis'],
    [['develop', 'developing', 'development'], 'develop'],
    [['implement', 'implemented', 'implementation'], 'impl'],
    [['plan', 'planning', 'planned'], 'plan'],
    [['use', 'using', 'used'], 'us'],
    [['apply', 'applied'], 'apply'],
    [['revise', 'revision'], 'revis'],
    [['feed', 'feeding'], 'feed'],
  ])('%j → %s', (words, stem) => {
    for (const word of words) expect(stemWord(word)).toBe(stem);
  });

  it('keeps apart words whose meanings differ', () => {
    expect(stemWord('manager')).not.toBe(stemWord('management'));
    expect(stemWord('production')).not.toBe(stemWord('product'));
    expect(stemWord('need')).toBe('need');
    expect(stemWord('selling')).toBe('sell');
    expect(stemWord('cadd')).toBe('cadd');
  });

  it('leaves names, short words and words with other characters alone', () => {
    for (const word of ['c++', 'node.js', '3d', 'go', 'string', 'bring']) expect(stemWord(word)).toBe(word);
  });
});
