import { DeliveryMode, GeoPoint, OpportunityRecord, SkillLevel } from '@skillpath/matching';
import { SeededRandom } from '../../../libs/matching/src/testing/seeded-random';

/** Population centres of Great Britain (lat, lon, weight); Greater Manchester is the dense city-region. */
const CITIES: [number, number, number][] = [
  [53.4794, -2.2453, 30],
  [51.5072, -0.1276, 20],
  [52.4862, -1.8904, 8],
  [53.8008, -1.5491, 6],
  [55.8642, -4.2518, 6],
  [53.4084, -2.9916, 5],
  [54.9783, -1.6178, 4],
  [51.4545, -2.5879, 4],
  [55.9533, -3.1883, 4],
  [51.4816, -3.1791, 3],
  [53.3811, -1.4701, 4],
  [52.9548, -1.1581, 3],
  [50.9097, -1.4044, 3],
];
const TOTAL = CITIES.reduce((a, c) => a + c[2], 0);

export class CatalogueGenerator {
  private readonly cdf: Float64Array;

  constructor(
    readonly skillIds: string[],
    readonly occupationIds: string[],
    private readonly rng = new SeededRandom(20240601),
  ) {
    // Zipf-like skill popularity (exponent 1), in a fixed shuffled order so popular skills are spread out.
    this.cdf = new Float64Array(skillIds.length);
    let acc = 0;
    for (let i = 0; i < skillIds.length; i++) this.cdf[i] = acc += 1 / (i + 1);
    for (let i = 0; i < skillIds.length; i++) this.cdf[i] /= acc;
  }

  int(lo: number, hi: number): number {
    return this.rng.int(lo, hi);
  }

  zipfSkill(): string {
    const u = this.rng.next();
    let lo = 0;
    let hi = this.cdf.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.cdf[mid] < u) lo = mid + 1;
      else hi = mid;
    }
    return this.skillIds[lo];
  }

  skills(count: number, lo: number, hi: number): SkillLevel[] {
    const set = new Set<string>();
    for (let guard = 0; set.size < count && guard < count * 20; guard++) set.add(this.zipfSkill());
    return [...set].map((skill) => ({ skill, level: this.rng.int(lo, hi) }));
  }

  location(): GeoPoint {
    const r = this.rng;
    if (r.chance(0.1)) return { lat: 50.2 + r.next() * 7.5, lon: -5.5 + r.next() * 7 };
    let u = r.next() * TOTAL;
    let city = CITIES[0];
    for (const c of CITIES)
      if ((u -= c[2]) <= 0) {
        city = c;
        break;
      }
    const spread = city === CITIES[0] ? 0.12 : 0.18;
    const g = () => (r.next() + r.next() + r.next() - 1.5) * spread;
    return { lat: city[0] + g(), lon: city[1] + g() * 1.6 };
  }

  vacancy(i: number): OpportunityRecord {
    const r = this.rng;
    const mode: DeliveryMode = r.chance(0.9) ? 'IN_PERSON' : r.chance(0.5) ? 'HYBRID' : 'ONLINE';
    return {
      id: `vac-${i}`,
      kind: r.chance(0.95) ? 'VACANCY' : 'APPRENTICESHIP',
      title: 'Vacancy',
      organisationName: 'Employer',
      teaches: [],
      requires: this.skills(r.int(5, 25), 1, 4),
      mode,
      ...(mode === 'ONLINE' ? {} : { location: this.location() }),
      costPence: 0,
      occupationIds: [r.pick(this.occupationIds)],
    };
  }

  course(i: number): OpportunityRecord {
    const r = this.rng;
    const mode: DeliveryMode = r.chance(0.4) ? 'ONLINE' : r.chance(0.8) ? 'IN_PERSON' : 'HYBRID';
    const teaches = this.skills(r.int(2, 12), 1, 5);
    return {
      id: `course-${i}`,
      kind: r.chance(0.85) ? 'COURSE' : 'BOOTCAMP',
      title: 'Course',
      organisationName: 'Provider',
      teaches,
      requires: r.chance(0.3) ? this.skills(r.int(1, 2), 1, 3) : [],
      mode,
      ...(mode === 'ONLINE' ? {} : { location: this.location() }),
      hours: r.int(10, 200),
      costPence: r.chance(0.35) ? 0 : r.int(5, 300) * 1000,
      ...(r.chance(0.2)
        ? { funding: { fundedCostPence: 0, employmentStatuses: ['UNEMPLOYED' as const] } }
        : {}),
      ...(r.chance(0.05) ? { accreditedSkills: [teaches[0].skill] } : {}),
    };
  }
}
