import { MAX_SUGGEST_TEXT_LENGTH, SkillSuggester } from './skill-suggester';

const LABELS = [
  'manage budgets',
  'numeracy',
  'social media management',
  'personal care',
  'leadership',
  'project management',
  'coaching',
  'cooking',
  'driving',
  'customer service',
  'handle cash',
  'troubleshooting',
  'Python',
  'spreadsheets',
  'communication',
  'time management',
  'event planning',
];
const suggester = new SkillSuggester(LABELS.map((label, i) => ({ id: `s${i}`, label, altLabels: [] })));
const labels = (text: string) => suggester.suggest(text).map((s) => s.label);

describe('SkillSuggester', () => {
  it("maps a resident's everyday words to the taxonomy's skills", () => {
    const got = suggester.suggest("I look after my mum's money, I ran the football club's Facebook page");
    const byLabel = new Map(got.map((s) => [s.label, s]));
    expect(byLabel.get('manage budgets')?.because).toBe("I look after my mum's money");
    expect(byLabel.has('numeracy')).toBe(true);
    expect(byLabel.get('social media management')?.level).toBe(3); // "ran" it
    expect(byLabel.has('leadership')).toBe(true);
    // Looking after money is not personal care.
    expect(byLabel.has('personal care')).toBe(false);
  });

  it('reads how much from how it is said', () => {
    const [helped] = suggester.suggest('I sometimes help out cooking at the community centre');
    expect(helped).toEqual(expect.objectContaining({ label: 'cooking', level: 1 }));
    const [daily] = suggester.suggest('I cook for my family every day');
    expect(daily).toEqual(expect.objectContaining({ label: 'cooking', level: 3 }));
    expect(suggester.suggest('I can drive')[0]).toEqual(
      expect.objectContaining({ label: 'driving', level: 2 }),
    );
  });

  it("finds the taxonomy's own labels too, once each, at the strongest level", () => {
    const got = suggester.suggest(
      'I know some Python. I have used Python and spreadsheets at work for years',
    );
    expect(got.map((s) => s.label)).toEqual(['Python', 'spreadsheets']);
    expect(got[0].level).toBe(3);
  });

  it('suggests nothing for nothing, and ignores what it cannot place', () => {
    expect(suggester.suggest('')).toEqual([]);
    expect(suggester.suggest('   ')).toEqual([]);
    expect(suggester.suggest('The weather was lovely on Tuesday')).toEqual([]);
    expect(labels('my hard drive is full')).not.toContain('driving');
  });

  it('reads a huge text only as far as the limit, quickly', () => {
    const huge = `I ran the club's Facebook page. ${'blah '.repeat(2_000_000)} I cook every day`;
    const started = Date.now();
    const got = labels(huge);
    expect(got).toContain('social media management');
    expect(got).not.toContain('cooking'); // beyond MAX_SUGGEST_TEXT_LENGTH
    expect(huge.length).toBeGreaterThan(MAX_SUGGEST_TEXT_LENGTH);
    expect(Date.now() - started).toBeLessThan(3000);
  });
});
