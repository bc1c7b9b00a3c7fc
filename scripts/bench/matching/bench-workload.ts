/**
 * The matching benchmarks' workload, shared so every harness times the same thing: learners with
 * 20–40 skills, a 25 km radius and 8 hours a week, and goals made from ESCO occupations' first 15
 * essential skills, picked in a fixed scattered order.
 */
import { LearnerRecord, OccupationRecord } from '@skillpath/matching';
import { CatalogueGenerator } from './catalogue-generator';

export function benchLearners(gen: CatalogueGenerator, count: number): LearnerRecord[] {
  return Array.from({ length: count }, () => ({
    skills: gen.skills(gen.int(20, 40), 1, 4),
    location: gen.location(),
    travelRadiusKm: 25,
    hoursPerWeek: 8,
    eligibility: { employmentStatus: 'UNEMPLOYED' },
  }));
}

/** Occupations with at least three essential skills: the ones a goal is made from. */
export function goalOccupations(occupations: readonly OccupationRecord[]): OccupationRecord[] {
  return occupations.filter((o) => o.essential.length >= 3);
}

/** The i-th benchmark goal. */
export function benchGoals(occupations: readonly OccupationRecord[]) {
  const occs = goalOccupations(occupations);
  return (i: number) => {
    const occ = occs[(i * 7919) % occs.length];
    return {
      title: occ.title,
      skills: occ.essential.slice(0, 15).map((e) => ({ skill: e.skill, level: 2 })),
      occupationId: occ.id,
    };
  };
}

/** The p-th percentile (nearest rank, as the benchmarks report it). */
export const pct = (xs: readonly number[], p: number): number =>
  [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))];

export const mean = (xs: readonly number[]): number => xs.reduce((a, b) => a + b, 0) / xs.length;
