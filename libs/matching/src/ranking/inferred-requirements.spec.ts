import { CatalogueIndex } from '../index/catalogue-index';
import {
  INFERRED_REQUIREMENT_WEIGHT,
  LearnerRecord,
  OpportunityRecord,
  SkillLevel,
  SkillRecord,
} from '../lib/matching.types';
import { SeededRandom } from '../testing/seeded-random';
import { rankOpportunities, rankOpportunitiesByScan } from './rank-opportunities';

const skills: SkillRecord[] = Array.from({ length: 120 }, (_, i) => ({ id: `s${i}`, label: `skill ${i}` }));

const job = (id: string, requires: SkillLevel[], inferredRequires?: SkillLevel[]): OpportunityRecord => ({
  id,
  kind: 'VACANCY',
  title: id,
  organisationName: 'Employer',
  teaches: [],
  requires,
  ...(inferredRequires ? { inferredRequires } : {}),
  mode: 'ONLINE',
  costPence: 0,
});

describe('inferred requirements (usually asked for in the role, not named by the advert)', () => {
  it('count at INFERRED_REQUIREMENT_WEIGHT of a named one', () => {
    const index = CatalogueIndex.build(
      [
        job('named', [
          { skill: 's1', level: 2 },
          { skill: 's2', level: 2 },
          { skill: 's3', level: 2 },
        ]),
        job(
          'inferred',
          [{ skill: 's1', level: 2 }],
          [
            { skill: 's2', level: 2 },
            { skill: 's3', level: 2 },
          ],
        ),
        job('nothing-named', [], [{ skill: 's9', level: 2 }]),
      ],
      skills,
    );
    const learner: LearnerRecord = { skills: [{ skill: 's1', level: 3 }] };
    const ranked = rankOpportunities(index, learner, { kinds: ['VACANCY'], k: 5 });
    const byId = new Map(ranked.map((r) => [r.id, r]));
    const w = INFERRED_REQUIREMENT_WEIGHT;
    expect(byId.get('inferred')!.score).toBeCloseTo(1 / (1 + 2 * w), 5);
    expect(byId.get('named')!.score).toBeCloseTo(1 / 3, 5);
    expect(ranked[0].id).toBe('inferred');
    // An advert naming nothing no longer fits everyone perfectly: it is judged on its role's skills.
    expect(byId.has('nothing-named')).toBe(false);
    expect(byId.get('inferred')!.explanation).toContain(
      '2 of them are not in the advert but usually asked for in this role.',
    );
  });

  it('survive the record round trip and compaction', () => {
    const index = CatalogueIndex.build(
      [job('a', [{ skill: 's1', level: 1 }], [{ skill: 's2', level: 3 }])],
      skills,
    );
    index.upsert([job('b', [], [{ skill: 's4', level: 2 }])]);
    index.compact();
    const a = index.record(index.slotOf('a')!);
    expect(a.requires).toEqual([{ skill: 's1', level: 1 }]);
    expect(a.inferredRequires).toEqual([{ skill: 's2', level: 3 }]);
    expect(index.record(index.slotOf('b')!).inferredRequires).toEqual([{ skill: 's4', level: 2 }]);
  });

  it('keep the fast ranking exactly equal to scoring every vacancy (property over random catalogues)', () => {
    const r = new SeededRandom(1212);
    const list = (n: number) =>
      Array.from({ length: n }, () => ({ skill: `s${Math.floor(r.next() ** 2 * 120)}`, level: r.int(1, 4) }));
    const records = Array.from({ length: 2500 }, (_, i) =>
      job(`v${i}`, list(r.int(0, 6)), r.chance(0.4) ? list(r.int(1, 8)) : undefined),
    );
    const index = CatalogueIndex.build(records, skills);
    let nonEmpty = 0;
    for (let t = 0; t < 60; t++) {
      const learner: LearnerRecord = { skills: list(r.int(1, 30)) };
      const opts = { kinds: ['VACANCY' as const], k: [1, 5, 50, 300][t % 4] };
      const fast = rankOpportunities(index, learner, opts);
      expect(fast).toEqual(rankOpportunitiesByScan(index, learner, opts));
      if (fast.length > 0) nonEmpty++;
    }
    expect(nonEmpty).toBeGreaterThan(50);
  });
});
