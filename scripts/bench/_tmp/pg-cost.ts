import { Client } from 'pg';
import { createConnector, startFeedServer, FEED_SKILL_PHRASES } from '@skillpath/connectors';
import { createDataSource, createScratchDatabase, databaseName, dropDatabase, runMigrations } from '@skillpath/persistence';
import { SkillExtractor } from '@skillpath/taxonomy';
import { writePage } from '../../../libs/refresh/src/opportunity-page.writer';
import { insertSkills, insertSource } from '../../../libs/refresh/src/testing/refresh-test-kit';
import { inTransaction } from '../../../libs/refresh/src/sql';
const SERVER = 'postgres://postgres@127.0.0.1:5432/postgres';
async function main() {
  const url = await createScratchDatabase(SERVER, 'pgcost');
  try {
    await runMigrations(url);
    const pg = new Client({ connectionString: url }); await pg.connect();
    const ids = await insertSkills(pg, FEED_SKILL_PHRASES);
    const feed = await startFeedServer({ totalVacancies: 20000, seed: 7 });
    const sourceId = await insertSource(pg, { name: 's', format: 'find-an-apprenticeship', url: feed.baseUrl });
    const ds = createDataSource({ url, poolSize: 2 }); await ds.initialize();
    const matcher = new SkillExtractor([...ids].map(([label, id]) => ({ id, label, altLabels: [] })));
    const c = createConnector('find-an-apprenticeship');
    const ctx = { sourceUrl: feed.baseUrl, fetcher: { get: async (u: string) => { const r = await fetch(u, { headers: { 'Ocp-Apim-Subscription-Key': feed.subscriptionKey!, 'X-Version': '2' } }); return { url: u, status: r.status, body: await r.text() }; } }, skillMatcher: matcher, credentials: { subscriptionKey: feed.subscriptionKey! }, pageSize: 100 };
    const pages = [];
    for (let p = 1; p <= 200; p++) pages.push(await c.fetchPage(ctx, String(p)));
    let t = performance.now();
    for (const page of pages) await inTransaction(ds, (qr) => writePage(qr, { sourceId, runId: '00000000-0000-0000-0000-000000000000' }, page.records));
    console.log('first load ms/page', ((performance.now() - t) / 200).toFixed(2));
    for (let round = 1; round <= 3; round++) {
      t = performance.now();
      for (const page of pages) await inTransaction(ds, (qr) => writePage(qr, { sourceId, runId: '00000000-0000-0000-0000-000000000000' }, page.records));
      console.log(`unchanged round ${round} ms/page`, ((performance.now() - t) / 200).toFixed(2));
    }
    const refs = pages[5].records.map((r: any) => r.opportunity.sourceRef);
    for (const sql of [
      `UPDATE opportunities SET last_seen_at = now() WHERE source_id = $1 AND source_ref = ANY($2::text[])`,
    ]) {
      await pg.query('BEGIN');
      const r = await pg.query(`EXPLAIN (ANALYZE, BUFFERS) ${sql}`, [sourceId, refs]);
      console.log(r.rows.map((x: any) => x['QUERY PLAN']).join('\n'));
      await pg.query('ROLLBACK');
    }
    const st = await pg.query(`SELECT n_tup_upd, n_tup_hot_upd FROM pg_stat_user_tables WHERE relname = 'opportunities'`);
    console.log(st.rows);
    await ds.destroy(); await pg.end(); await feed.close();
  } finally { await dropDatabase(SERVER, databaseName(url)); }
}
main();
