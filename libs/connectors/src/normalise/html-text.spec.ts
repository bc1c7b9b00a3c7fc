import { decodeEntities, htmlToText } from './html-text';

describe('htmlToText', () => {
  it('strips inline tags and keeps the words', () => {
    expect(htmlToText('<p>You will use <b>SQL</b>, Excel and <a href="x">Power BI</a>.</p>')).toBe(
      'You will use SQL, Excel and Power BI.',
    );
  });

  it('turns paragraphs, breaks and list items into readable lines', () => {
    const html =
      '<h2>About</h2><p>First&nbsp;para.</p><p>Second<br/>line</p><ul><li>One</li><li>Two</li></ul>';
    expect(htmlToText(html)).toBe('About\n\nFirst para.\n\nSecond\nline\n\n- One\n\n- Two');
  });

  it('drops scripts, styles and comments entirely', () => {
    expect(htmlToText('<style>p{color:red}</style><p>Hi<!-- secret --></p><script>alert(1)</script>')).toBe(
      'Hi',
    );
  });

  it('decodes named and numeric entities after removing tags, so escaped angle brackets stay text', () => {
    expect(
      htmlToText('<p>Salary &pound;21,000 &ndash; rising &amp; more &#8217;s &#x2014; &lt;b&gt;</p>'),
    ).toBe('Salary £21,000 – rising & more ’s — <b>');
  });

  it('unescapes descriptions whose HTML arrives escaped once too often', () => {
    expect(htmlToText('&lt;p&gt;Hello &lt;strong&gt;world&lt;/strong&gt;&lt;/p&gt;')).toBe('Hello world');
  });

  it('leaves plain text alone apart from tidying whitespace', () => {
    expect(htmlToText('  Plain   text,\r\n\r\n\r\n\r\nno tags  ')).toBe('Plain text,\n\nno tags');
    expect(htmlToText('3 < 4 and 5 > 2')).toBe('3 < 4 and 5 > 2');
  });

  it('keeps unknown entities as written, and replaces a NUL reference as browsers do', () => {
    expect(decodeEntities('&madeup; &#0; &amp;')).toBe('&madeup; \uFFFD &');
  });

  it('decodes every HTML5 named entity, not only a short list', () => {
    expect(decodeEntities('caf&eacute; &rarr; na&iuml;ve &frac34; &check;')).toBe('café → naïve ¾ ✓');
  });
});
