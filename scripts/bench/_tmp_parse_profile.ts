import { join } from 'path';
import { request } from 'http';
import { createConnector, startFeedServer } from '@skillpath/connectors';
import { ESCO_RELEASE_DIR, SkillExtractor, readEscoSkillRecords } from '@skillpath/taxonomy';

function get(url: string, key: string): Promise<string> {
  return new Promise((resolve, reject) => {
    request(url, { headers: { 'Ocp-Apim-Subscription-Key': key, 'X-Version': '2' } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    }).on('error', reject).end();
  });
}

async function main() {
  const pages = Number(process.env.PAGES ?? 100);
  let t = performance.now();
  const skills = await readEscoSkillRecords(join(ESCO_RELEASE_DIR, 'classification/skills_en.csv'));
  const extractor = new SkillExtractor(skills);
  (global as any).gc?.();
  console.log('extractor build ms', Math.round(performance.now() - t), 'rss MB', Math.round(process.memoryUsage().rss / 2**20), 'heap', Math.round(process.memoryUsage().heapUsed / 2**20));
  const feed = await startFeedServer({ totalVacancies: pages * 100, seed: 7 });
  const bodies: string[] = [];
  t = performance.now();
  for (let p = 1; p <= pages; p++) bodies.push(await get(`${feed.baseUrl}/vacancy?PageNumber=${p}&PageSize=100`, feed.subscriptionKey!));
  console.log('serve+fetch ms/page', ((performance.now() - t) / pages).toFixed(2), 'bytes/page', bodies[0].length);
  const c = createConnector('find-an-apprenticeship');
  for (let round = 0; round < 3; round++) {
    t = performance.now();
    let n = 0;
    for (let p = 0; p < pages; p++) n += c.parsePage(bodies[p], { skillMatcher: extractor, pageSize: 100 }, String(p + 1)).records.length;
    console.log('parsePage ms/page', ((performance.now() - t) / pages).toFixed(2), n);
  }
  t = performance.now();
  for (let p = 0; p < pages; p++) JSON.parse(bodies[p]);
  console.log('JSON.parse ms/page', ((performance.now() - t) / pages).toFixed(2));
  await feed.close();
}
main();
