import { Client } from 'pg';
import type { FeedServer } from '@skillpath/connectors/testing';
import { SourceRefreshRunner } from './source-refresh.runner';
import { catalogueOf, FixedSkills, startRunnerFixture, type RunnerFixture } from './testing/refresh-test-kit';

jest.setTimeout(60_000);

/** Records that arrive exactly as stored are not normalised again (the raw record key in content_hash). */
describe('unchanged records skip normalisation', () => {
  let fixture: RunnerFixture;
  let pg: Client;
  let feed: FeedServer;
  let skills: FixedSkills;
  let runner: SourceRefreshRunner;
  let sourceId: string;

  beforeAll(async () => {
    fixture = await startRunnerFixture({
      feed: { totalVacancies: 50, seed: 5 },
      source: { name: 'unchanged-test', pageSize: 20 },
      countNormalised: true,
    });
    ({ pg, feed, runner, sourceId } = fixture);
    skills = fixture.skills!;
  });

  afterAll(() => fixture?.close());

  const refresh = async () => {
    skills.matcher.calls = 0;
    const outcome = await runner.run({ sourceId });
    if (outcome.status !== 'succeeded') throw new Error(JSON.stringify(outcome));
    return { counts: outcome.counts, normalised: skills.matcher.calls };
  };

  it('normalises every record on first load, none on an unchanged re-run', async () => {
    expect(await refresh()).toMatchObject({ counts: { created: 50 }, normalised: 50 });
    const before = await catalogueOf(pg, sourceId);
    expect(before.every((r) => /^[0-9a-f]{64}:[0-9a-f]{64}$/.test(r.content_hash))).toBe(true);
    expect(await refresh()).toMatchObject({
      counts: { unchanged: 50, created: 0, updated: 0 },
      normalised: 0,
    });
    expect(await catalogueOf(pg, sourceId)).toEqual(before);
  });

  it('normalises only the changed and new records of a new feed version', async () => {
    feed.setVersion(1);
    const v1 = feed.describeVersion(1);
    const { counts, normalised } = await refresh();
    expect(counts).toMatchObject({
      created: v1.addedRefs.length,
      updated: v1.changedRefs.length,
      unchanged: v1.unchangedRefs.length,
    });
    expect(normalised).toBe(v1.addedRefs.length + v1.changedRefs.length);
  });

  it('a new taxonomy version normalises everything once, without rewriting listings whose content is the same', async () => {
    const before = await catalogueOf(pg, sourceId);
    skills.version = 'taxonomy-2';
    const present = feed.describeVersion(1).presentRefs.length;
    expect(await refresh()).toMatchObject({
      counts: { unchanged: present, updated: 0 },
      normalised: present,
    });
    const after = await catalogueOf(pg, sourceId);
    for (const [i, row] of after.entries()) {
      expect(row.updated_at).toEqual(before[i].updated_at);
      expect(row.content_hash.split(':')[0]).toBe(before[i].content_hash.split(':')[0]);
    }
    expect(await refresh()).toMatchObject({ counts: { unchanged: present }, normalised: 0 });
  });

  it('an EXPIRED listing that reappears is normalised and made ACTIVE again', async () => {
    const ref = feed.describeVersion(1).presentRefs[0];
    await pg.query(`UPDATE opportunities SET status = 'EXPIRED' WHERE source_id = $1 AND source_ref = $2`, [
      sourceId,
      ref,
    ]);
    const { counts, normalised } = await refresh();
    expect(counts).toMatchObject({ updated: 1, created: 0 });
    expect(normalised).toBe(1);
    const row = (await catalogueOf(pg, sourceId)).find((r) => r.source_ref === ref)!;
    expect(row.status).toBe('ACTIVE');
  });
});
