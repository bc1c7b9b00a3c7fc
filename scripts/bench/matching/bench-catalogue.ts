/**
 * The matching benchmarks' catalogue, built as `bench:matching` builds it: a generator over the real
 * taxonomy, vacancies then courses appended in batches of 20,000, then one compaction. Shared so every
 * harness and equivalence check plans over the same index.
 */
import { CatalogueIndex, OpportunityRecord } from '@skillpath/matching';
import { CatalogueGenerator } from './catalogue-generator';
import { loadTaxonomy } from './esco-catalogue';

export function benchGenerator(taxonomy: ReturnType<typeof loadTaxonomy>): CatalogueGenerator {
  return new CatalogueGenerator(
    taxonomy.skills.map((s) => s.id),
    taxonomy.occupations.map((o) => o.id),
  );
}

/** Feeds `vacancies` then `courses` from `gen` into each index, batch by batch in turn, and compacts them. */
export function feedBenchIndexes(
  indexes: readonly CatalogueIndex[],
  gen: CatalogueGenerator,
  vacancies: number,
  courses: number,
): void {
  const feed = (make: (i: number) => OpportunityRecord, count: number) => {
    for (let i = 0; i < count; i += 20_000) {
      const batch: OpportunityRecord[] = [];
      for (let j = i; j < Math.min(count, i + 20_000); j++) batch.push(make(j));
      for (const index of indexes) index.upsert(batch, { deferCompaction: true });
    }
  };
  feed((i) => gen.vacancy(i), vacancies);
  feed((i) => gen.course(i), courses);
  for (const index of indexes) index.compact();
}
