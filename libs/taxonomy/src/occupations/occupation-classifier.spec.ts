import { OccupationClassifier } from './occupation-classifier';
import { holdOutAltLabels, scoreTitles } from './occupation-evaluation';
import { TEST_OCCUPATIONS } from './fixtures/occupations';

describe('OccupationClassifier', () => {
  const classifier = new OccupationClassifier(TEST_OCCUPATIONS);
  const first = (title: string, text?: string) => classifier.classify(title, { text })[0]?.id;

  it.each([
    ['Senior Care Assistant (Nights) - Manchester £25k', 'care'],
    ['Trainee Electrician - Level 3 Apprentice', 'electrician'],
    ['Warehouse Operative (m/f/d) | Part time | Immediate start', 'warehouse'],
    ['FLT Driver - Days - Trafford Park', 'forklift'],
    ['Junior Software Engineer (Remote)', 'developer'],
    ['Chef de Partie, Salford M5 3AB, £12.50 per hour', 'chef'],
    ['Kitchen Porter x2 URGENTLY REQUIRED', 'kitchen-porter'],
    ['Registered Nurse (RGN) - Bank', 'nurse'],
    ['Community Mental Health Nurse', 'mental-health-nurse'],
    ['Cleaning Operative 16hrs Mon-Fri Evenings', 'cleaner'],
    ['Customer Service Advisor - Part Time', 'csa'],
    ['Domiciliary Carer - Bolton - car driver', 'home-care'],
  ])('%j → %s', (title, id) => {
    expect(first(title)).toBe(id);
  });

  it('returns at most the limit, best first, scores between 0 and 1', () => {
    const top = classifier.classify('care worker', { limit: 3 });
    expect(top.length).toBeGreaterThan(1);
    expect(top.length).toBeLessThanOrEqual(3);
    expect(top[0].id).toBe('care');
    for (let i = 1; i < top.length; i++) expect(top[i - 1].score).toBeGreaterThanOrEqual(top[i].score);
    for (const c of top) {
      expect(c.score).toBeGreaterThan(0);
      expect(c.score).toBeLessThanOrEqual(1);
    }
    expect(top[0]).toEqual(
      expect.objectContaining({
        uri: 'http://data.europa.eu/esco/occupation/test-care',
        label: 'healthcare assistant',
      }),
    );
  });

  it('gives nothing for a blank title, decoration alone, or words it has never seen', () => {
    expect(classifier.classify('')).toEqual([]);
    expect(classifier.classify('   ')).toEqual([]);
    expect(classifier.classify('(m/f/d) £25k Part time')).toEqual([]);
    expect(classifier.classify('zzqx')).toEqual([]);
    expect(classifier.classify('care worker', { limit: 0 })).toEqual([]);
  });

  it("lets the listing's text decide between two readings of a short title", () => {
    const title = 'Assistant';
    const kitchen = classifier.classify(title, {
      text: 'Wash dishes and pots and keep the restaurant kitchen clean.',
    });
    const care = classifier.classify(title, {
      text: 'Help people with personal care, washing, dressing and eating.',
    });
    expect(kitchen[0].id).toBe('kitchen-porter');
    expect(care[0].id).toBe('care');
  });

  it('finds titles held out of the alternative labels (the evaluation protocol)', () => {
    const split = holdOutAltLabels(TEST_OCCUPATIONS, 0.3, 7);
    expect(split.validation.length + split.test.length).toBeGreaterThan(5);
    const held = new Set([...split.validation, ...split.test].map((t) => t.title));
    for (const o of split.occupations)
      for (const l of o.altLabels) expect(held.has(l.toLowerCase())).toBe(false);
    const c = new OccupationClassifier(split.occupations);
    const s = scoreTitles([...split.validation, ...split.test], (t) => c.classify(t).map((x) => x.id));
    expect(s.top5).toBeGreaterThanOrEqual(s.top1);
    expect(s.top5).toBeGreaterThan(0.5);
  });
});
