import { htmlToText } from './html-text';
import { normaliseWord, tokenize } from './skill-tokens';

describe('normaliseWord', () => {
  it.each([
    ['Skills', 'skill'],
    ['employer’s', 'employer'],
    ["customers'", 'customer'],
    ['processes', 'process'],
    ['business', 'business'],
    ['analysis', 'analysis'],
    ['status', 'status'],
    ['policies', 'policy'],
    ['C++', 'c++'],
    ['Node.js', 'node.js'],
    ['Café', 'cafe'],
    ['&', 'and'],
  ])('%s → %s', (word, expected) => expect(normaliseWord(word)).toBe(expected));
});

describe('tokenize', () => {
  it('splits on hyphens and slashes and marks punctuation as a phrase break', () => {
    const tokens = tokenize('problem-solving, C#/SQL');
    expect(tokens.map((t) => t.norm)).toEqual(['problem', 'solving', 'c#', 'sql']);
    expect(tokens.map((t) => t.breakBefore)).toEqual([false, false, true, false]);
    expect(tokens[2]).toMatchObject({ start: 17, end: 19 });
  });
});

describe('htmlToText', () => {
  it('drops tags, scripts and comments and decodes entities', () => {
    const text = htmlToText('<ul><li>Python</li><li>SQL&nbsp;&amp;&#32;R&#x2019;s</li></ul><script>x()</script><!-- c -->');
    expect(text.replace(/\s+/g, ' ').trim()).toBe('Python SQL & R’s');
    expect(htmlToText('&unknown; &#0;')).toBe('&unknown; &#0;');
  });

  it('leaves plain text as it is', () => {
    expect(htmlToText('a < b and c')).toBe('a < b and c');
  });
});
