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
