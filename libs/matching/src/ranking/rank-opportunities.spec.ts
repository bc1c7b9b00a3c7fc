import { CatalogueIndex } from '../index/catalogue-index';
import {
  DeliveryMode,
  LearnerRecord,
  OpportunityKind,
  OpportunityRecord,
  SkillLevel,
  SkillRecord,
} from '../lib/matching.types';
import { SeededRandom } from '../testing/seeded-random';
import {
  JOB_SHARE,
  OutcomeCounts,
  ShownOutcomes,
  fitOutcomePrior,
  outcomeScore,
  outcomeScores,
} from '../outcomes/outcome-score';
import { rankOpportunities, rankOpportunitiesByScan } from './rank-opportunities';

const CENTRE = { lat: 53.48, lon: -2.24 };
const SKILL_COUNT = 150;
// More skills than the 64 signature bits, with a hierarchy so related skills earn partial credit.
const skills: SkillRecord[] = Array.from({ length: SKILL_COUNT }, (_, i) => ({
  id: `s${i}`,
  label: `skill ${i}`,
  ...(i >= 10 ? { broader: `s${i % 10}` } : {}),
}));

function zipfSkill(r: SeededRandom): string {
  // Popular skills dominate, as in real adverts.
  return `s${Math.min(SKILL_COUNT - 1, Math.floor(Math.exp(r.next() * Math.log(SKILL_COUNT + 1)) - 1))}`;
}

function skillList(r: SeededRandom, count: number): SkillLevel[] {
  // Duplicates are kept on purpose: a record may list a skill twice.
  return Array.from({ length: count }, () => ({ skill: zipfSkill(r), level: r.int(1, 4) }));
}

function vacancy(r: SeededRandom, id: string, templates: SkillLevel[][]): OpportunityRecord {
  const mode: DeliveryMode = r.chance(0.8) ? 'IN_PERSON' : r.chance(0.5) ? 'HYBRID' : 'ONLINE';
  // Shared templates give many exact score ties, broken by id.
  const requires = r.chance(0.3) ? r.pick(templates) : skillList(r, r.chance(0.05) ? 0 : r.int(1, 10));
  return {
    id,
    kind: r.chance(0.8) ? 'VACANCY' : 'APPRENTICESHIP',
    title: id,
    organisationName: 'Employer',
    teaches: [],
    requires,
    mode,
    ...(mode === 'ONLINE' || r.chance(0.03)
      ? {}
      : { location: { lat: CENTRE.lat + (r.next() - 0.5) * 0.8, lon: CENTRE.lon + (r.next() - 0.5) * 1.2 } }),
    costPence: r.chance(0.9) ? 0 : r.int(1, 50) * 1000,
    ...(r.chance(0.1) ? { closingDate: r.chance(0.5) ? '2024-01-01' : '2030-01-01' } : {}),
    ...(r.chance(0.1) ? { stepFree: false } : {}),
    ...(r.chance(0.1) ? { needsOwnDevice: true } : {}),
  };
}

function learner(r: SeededRandom): LearnerRecord {
  const l: LearnerRecord = {
    skills: skillList(r, r.int(0, 25)),
    location: { lat: CENTRE.lat + (r.next() - 0.5) * 0.5, lon: CENTRE.lon + (r.next() - 0.5) * 0.8 },
    travelRadiusKm: r.pick([5, 15, 25]),
  };
  if (r.chance(0.2)) l.modes = [r.pick<DeliveryMode>(['IN_PERSON', 'ONLINE', 'HYBRID'])];
  if (r.chance(0.2)) l.access = { stepFreeOnly: true, noLaptop: r.chance(0.5) };
  if (r.chance(0.2)) l.budgetPence = r.int(0, 30) * 1000;
  if (r.chance(0.1)) delete l.location;
  return l;
}

describe('rankOpportunities fast path', () => {
  const r = new SeededRandom(4242);
  const templates = Array.from({ length: 12 }, () => skillList(r, r.int(1, 6)));
  const records = Array.from({ length: 4000 }, (_, i) => vacancy(r, `v${(i * 7919) % 4000}`, templates));
  const learners = Array.from({ length: 60 }, () => learner(r));
  const kindsChoices: OpportunityKind[][] = [['VACANCY'], ['APPRENTICESHIP'], ['VACANCY', 'APPRENTICESHIP']];

  const expectSameAsScan = (index: CatalogueIndex): number => {
    let nonEmpty = 0;
    learners.forEach((l, i) => {
      const opts = {
        kinds: kindsChoices[i % 3],
        k: [1, 5, 50, 300][i % 4],
        ...(i % 5 === 0 ? { today: '2025-06-01' } : {}),
      };
      const fast = rankOpportunities(index, l, opts);
      expect(fast).toEqual(rankOpportunitiesByScan(index, l, opts));
      if (fast.length > 0) nonEmpty++;
    });
    return nonEmpty;
  };

  it('returns exactly what scoring every vacancy in reach returns, ties included', () => {
    const index = CatalogueIndex.build(records, skills);
    expect(index.signatureSkills.length).toBe(64);
    expect(expectSameAsScan(index)).toBeGreaterThan(40);
  });

  it('stays exact after changes appended since the last compaction (new skills, expiries, replacements)', () => {
    const index = CatalogueIndex.build(records, skills);
    const r2 = new SeededRandom(7);
    const changed = Array.from({ length: 300 }, (_, i) => vacancy(r2, `v${i * 13}`, templates));
    const fresh = Array.from({ length: 300 }, (_, i) => ({
      ...vacancy(r2, `new${i}`, templates),
      requires: [{ skill: `brand-new-${i % 5}`, level: 1 }, ...skillList(r2, 3)],
    }));
    index.upsert([...changed, ...fresh]);
    index.expire(Array.from({ length: 200 }, (_, i) => `v${i * 17 + 1}`));
    expect(index.appended.size).toBeGreaterThan(0);
    expect(expectSameAsScan(index)).toBeGreaterThan(40);
    index.compact();
    expect(expectSameAsScan(index)).toBeGreaterThan(40);
  });

  it('breaks equal scores by opportunity id', () => {
    const same = [{ skill: 's1', level: 2 }];
    const index = CatalogueIndex.build(
      ['b', 'c', 'a', 'd'].map((id) => ({
        id,
        kind: 'VACANCY' as const,
        title: id,
        organisationName: 'E',
        teaches: [],
        requires: same,
        mode: 'ONLINE' as const,
        costPence: 0,
      })),
      skills,
    );
    const top = rankOpportunities(
      index,
      { skills: [{ skill: 's1', level: 3 }] },
      { kinds: ['VACANCY'], k: 3 },
    );
    expect(top.map((t) => t.id)).toEqual(['a', 'b', 'c']);
  });
});

describe('outcomes in course ranking', () => {
  // Five courses alike in every way but their records: each teaches the needed skill the same way.
  const course = (id: string): OpportunityRecord => ({
    id,
    kind: 'COURSE',
    title: id,
    organisationName: 'Provider',
    teaches: [{ skill: 's3', level: 3 }],
    requires: [],
    mode: 'ONLINE',
    costPence: 0,
  });
  const index = CatalogueIndex.build(
    ['a-new', 'b-poor', 'c-good', 'd-tiny-lucky', 'e-average'].map(course),
    skills,
  );
  const me: LearnerRecord = { skills: [] };
  const history = new Map<string, OutcomeCounts>([
    ['b-poor', { starts: 60, completions: 20, interviews: 8, jobs: 5 }],
    ['c-good', { starts: 60, completions: 55, interviews: 45, jobs: 40 }],
    // Two starts, both now in work: below the threshold at which figures are shown, so not used.
    ['d-tiny-lucky', { starts: 2, completions: 2, interviews: 2, jobs: 2 }],
    ['e-average', { starts: 60, completions: 40, interviews: 25, jobs: 20 }],
    // Others with history, so the average is a real one.
    ['x1', { starts: 80, completions: 50, interviews: 30, jobs: 25 }],
    ['x2', { starts: 50, completions: 30, interviews: 20, jobs: 15 }],
  ]);
  const outcomes = outcomeScores(history);
  const ranked = (withOutcomes: boolean) =>
    rankOpportunities(index, me, {
      kinds: ['COURSE'],
      k: 10,
      needSkills: [{ skill: 's3', level: 3 }],
      ...(withOutcomes ? { outcomes } : {}),
    });

  it('ranks the course with the better record first, and the poorer one last', () => {
    const order = ranked(true).map((r) => r.id);
    expect(order[0]).toBe('c-good');
    expect(order[order.length - 1]).toBe('b-poor');
    // Without outcomes the five tie and go by id: the record is what moved them.
    expect(ranked(false).map((r) => r.id)).toEqual([
      'a-new',
      'b-poor',
      'c-good',
      'd-tiny-lucky',
      'e-average',
    ]);
  });

  it('does not punish a course with no history: it scores exactly as without outcomes, level with the average', () => {
    const score = (id: string, withOutcomes: boolean) => ranked(withOutcomes).find((r) => r.id === id)!.score;
    expect(score('a-new', true)).toBe(score('a-new', false));
    expect(outcomes.get('a-new')).toBeUndefined();
    expect(Math.abs(score('a-new', true) - score('e-average', true))).toBeLessThan(
      0.02 * score('a-new', false),
    );
    expect(score('a-new', true)).toBeGreaterThan(score('b-poor', true));
  });

  it('gives a course below the suppression threshold no weight at all, so its order says nothing of its few people', () => {
    expect(outcomes.get('d-tiny-lucky')).toBe(1);
    const unlucky = outcomeScores(
      new Map([...history, ['d-tiny-lucky', { starts: 2, completions: 0, interviews: 0, jobs: 0 }]]),
    );
    // Its own score and every other course's are the same whichever way its two starters went.
    expect([...unlucky]).toEqual([...outcomes]);
    const tiny = ranked(true).find((r) => r.id === 'd-tiny-lucky')!;
    expect(tiny.score).toBe(ranked(false).find((r) => r.id === 'd-tiny-lucky')!.score);
  });

  it('takes a hidden figure as average: a shown record with jobs hidden ranks as an average job rate', () => {
    const shown = outcomeScores(
      new Map<string, ShownOutcomes>([
        ['c-good', { starts: 60, completions: 55, jobs: 40 }],
        ['e-average', { starts: 60, completions: 40, jobs: null }],
        ['x1', { starts: 80, completions: 50, jobs: 25 }],
        ['x2', { starts: 50, completions: 30, jobs: 15 }],
      ]),
    );
    const prior = fitOutcomePrior([
      { starts: 60, completions: 55, jobs: 40 },
      { starts: 60, completions: 40, jobs: null },
      { starts: 80, completions: 50, jobs: 25 },
      { starts: 50, completions: 30, jobs: 15 },
    ]);
    expect(outcomeScore({ starts: 60, completions: 40, jobs: null }, prior).jobRate).toBe(prior.job.mean);
    expect(shown.get('e-average')).toBeCloseTo(
      JOB_SHARE +
        (1 - JOB_SHARE) *
          (outcomeScore({ starts: 60, completions: 40, jobs: null }, prior).completionRate /
            prior.completion.mean),
      12,
    );
  });
});
