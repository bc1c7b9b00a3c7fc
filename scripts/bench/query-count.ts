/**
 * SQL statements each read-mix query costs (after a warm-up request), through the API's TypeORM logger.
 * Run: npm run bench:query-count  (a diagnostic for bench:load; prints a table)
 */
import type { Logger as TypeOrmLogger } from 'typeorm';
import { loadDemoRegion } from '@skillpath/demo-region';
import { READ_MIX, seedLoadResident } from '@skillpath/testing';
import { startTestStack } from '../../apps/api/src/testing/test-stack';

process.env.SKILLPATH_TEST_DATABASE_SERVER ??= process.env.PG_ADMIN_URL;
process.env.SKILLPATH_TEST_REDIS_URL ??= process.env.REDIS_URL;

async function main(): Promise<void> {
  const seen: string[] = [];
  const logger: TypeOrmLogger = {
    logQuery: (q) => void seen.push(q),
    logQueryError: () => undefined,
    logQuerySlow: () => undefined,
    logSchemaBuild: () => undefined,
    logMigration: () => undefined,
    log: () => undefined,
  };
  const stack = await startTestStack({
    worker: true,
    seed: (url) => loadDemoRegion(url),
    typeormLogger: logger,
  });
  try {
    const url = `${(await stack.api.getUrl()).replace('[::1]', '127.0.0.1')}/graphql`;
    const { token } = await seedLoadResident(url, 0, 'qc');
    await new Promise((r) => setTimeout(r, 2000));
    console.log('| query | SQL statements | statements |');
    console.log('| --- | --- | --- |');
    for (const m of READ_MIX) {
      const run = () =>
        fetch(url, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
          body: JSON.stringify({ query: m.query }),
        }).then((r) => r.text());
      await run();
      seen.length = 0;
      await run();
      const shapes = seen.map((q) => q.replace(/\s+/g, ' ').slice(0, 70));
      console.log(`| ${m.name} | ${seen.length} | ${shapes.join(' ⏎ ')} |`);
    }
    // A re-plan, as the worker runs one for each roadmap a listing change touches (the same service).
    const replan = () =>
      fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify({ query: 'mutation { planRoadmap { version } }' }),
      }).then((r) => r.text());
    await replan();
    seen.length = 0;
    await replan();
    const shapes = seen.map((q) => q.replace(/\s+/g, ' ').slice(0, 40));
    console.log(`| planRoadmap (a re-plan) | ${seen.length} | ${shapes.join(' ⏎ ')} |`);
  } finally {
    await stack.close();
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exitCode = 1;
});
