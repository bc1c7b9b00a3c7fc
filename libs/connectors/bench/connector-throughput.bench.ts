/**
 * Fetch + parse throughput of the Find an apprenticeship connector against the local feed server (no
 * database): the connector's share of `bench:refresh`.
 *
 *   node -r @swc-node/register libs/connectors/bench/connector-throughput.bench.ts [vacancies=200000]
 */
import { createConnector, HttpPageFetcher } from '../src';
import { FEED_SKILL_PHRASES, PhraseSkillMatcher, startFeedServer } from '../src/testing';

async function main(): Promise<void> {
  const total = Number(process.argv[2] ?? 200_000);
  const feed = await startFeedServer({ totalVacancies: total, seed: 42, subscriptionKey: 'bench' });
  const connector = createConnector('find-an-apprenticeship');
  const ctx = {
    sourceUrl: feed.baseUrl,
    fetcher: new HttpPageFetcher({ timeoutMs: 10_000 }),
    skillMatcher: new PhraseSkillMatcher(FEED_SKILL_PHRASES.map((label) => ({ skillId: label, label }))),
    credentials: { subscriptionKey: 'bench' },
  };
  for (const run of ['first', 'again']) {
    const started = performance.now();
    let cursor: string | null = null;
    let ok = 0;
    let quarantined = 0;
    let pages = 0;
    let peakRss = 0;
    do {
      const page = await connector.fetchPage(ctx, cursor);
      pages++;
      for (const record of page.records) {
        if (record.ok) ok++;
        else quarantined++;
      }
      cursor = page.nextCursor;
      if (pages % 100 === 0) peakRss = Math.max(peakRss, process.memoryUsage().rss);
    } while (cursor !== null);
    const seconds = (performance.now() - started) / 1000;
    console.log(
      `${run} run: ${ok} parsed, ${quarantined} quarantined, ${pages} pages in ${seconds.toFixed(1)} s = ` +
        `${Math.round((ok + quarantined) / seconds)} listings/s (server in the same process); peak RSS ${Math.round(peakRss / 1e6)} MB`,
    );
  }
  await feed.close();
}

void main();
