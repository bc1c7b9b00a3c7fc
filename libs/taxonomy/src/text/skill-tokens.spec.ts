import fc from 'fast-check';
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
    const text = htmlToText(
      '<ul><li>Python</li><li>SQL&nbsp;&amp;&#32;R&#x2019;s</li></ul><script>x()</script><!-- c -->',
    );
    expect(text.replace(/\s+/g, ' ').trim()).toBe('Python SQL & R’s');
    expect(htmlToText('&unknown; &#0;')).toBe('&unknown; &#0;');
  });

  it('leaves plain text as it is', () => {
    expect(htmlToText('a < b and c')).toBe('a < b and c');
  });
});

describe('tokenize reads words exactly as the documented pattern does', () => {
  // The definition scanWords implements by hand, and the phrase-break characters, as regular expressions.
  const WORD = /[\p{L}\p{N}]+(?:[.'’][\p{L}\p{N}]+)*[+#]*|&/gu;
  const PHRASE_BREAK = /[.,;:!?()[\]{}"“”•|·\n\r\t]/;
  const byPattern = (text: string) => {
    let previousEnd = 0;
    return [...text.matchAll(WORD)].map((m, k) => {
      const start = m.index ?? 0;
      const breakBefore = k > 0 && PHRASE_BREAK.test(text.slice(previousEnd, start));
      previousEnd = start + m[0].length;
      return { norm: normaliseWord(m[0]), start, end: previousEnd, breakBefore };
    });
  };

  it.each([
    'C++ and C#/F# with node.js, asp.net’s APIs.',
    "employers' staff's x'' y.. z.'a end.",
    'Café naïve résumé — 𝐀𝐁𝐂 maths 😀 emoji; 日本語 text',
    'health & safety && more&less',
    'trailing separators. ending with a dot.',
    '',
    '   ---   ',
    'tab\tseparated\nlines\r\nand “quotes” • bullets | pipes · dots',
  ])('%j', (text) => expect(tokenize(text)).toEqual(byPattern(text)));

  it('on arbitrary text', () => {
    const alphabet = fc.constantFrom(..."aZ9 .,'’-/+#&()\n\t“é𝐀😀日".match(/./gu)!);
    fc.assert(
      fc.property(
        fc.array(alphabet, { maxLength: 40 }).map((cs) => cs.join('')),
        (text) => {
          expect(tokenize(text)).toEqual(byPattern(text));
        },
      ),
      { numRuns: 2000 },
    );
  });
});
