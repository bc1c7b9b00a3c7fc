/**
 * Child process of the refresh benchmark: builds the matching index the app's worker (and API) keeps,
 * from the benchmark's database, by the same code (`CatalogueRecordsRepository.forEachActivePage` into one compaction),
 * under the node flags it is started with. Prints one JSON line: listings, build ms, heap used after a
 * full GC, and the process's peak RSS.
 * Run by scripts/bench/refresh.ts: node <flags> --expose-gc -r @swc-node/register index-build.entry.ts <DATABASE_URL>
 */
import { readFileSync } from 'fs';
import { CatalogueRecordsRepository } from '@skillpath/journey';
import { CatalogueIndex } from '@skillpath/matching';
import { createDataSource } from '@skillpath/persistence';

async function main(): Promise<void> {
  const ds = createDataSource({ url: process.argv[2], poolSize: 2 });
  await ds.initialize();
  try {
    const started = performance.now();
    const catalogue = new CatalogueRecordsRepository(ds);
    const index = new CatalogueIndex(await catalogue.skills());
    const listings = await catalogue.forEachActivePage((records) =>
      index.upsert(records, { deferCompaction: true }),
    );
    index.compact();
    const buildMs = performance.now() - started;
    (globalThis as { gc?: () => void }).gc?.();
    const heapMb = process.memoryUsage().heapUsed / 2 ** 20;
    const hwm = /VmHWM:\s+(\d+) kB/.exec(readFileSync('/proc/self/status', 'utf8'));
    process.stdout.write(
      `${JSON.stringify({ listings, indexed: index.size, buildMs, heapMb, peakRssMb: hwm ? Number(hwm[1]) / 1024 : null })}\n`,
    );
  } finally {
    await ds.destroy();
  }
}

main().catch((e) => {
  process.stderr.write(`${(e as Error).stack}\n`);
  process.exit(1);
});
