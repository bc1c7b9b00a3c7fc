import { Client } from 'pg';
import type { DataSource } from 'typeorm';
import { createDataSource } from '@skillpath/persistence';
import type { ListingChanges } from '@skillpath/queues';
import { createTestDatabase, type TestDatabase } from '@skillpath/testing';
import {
  buildSkillVectorSet,
  RankedSkillExtractor,
  RERANKER_WEIGHTS,
  UniversalSentenceEncoderLite,
  type RankingTaxonomy,
} from '@skillpath/taxonomy';
import { ListingEnricher, MIN_NAMED_SKILLS } from './listing-enricher';

jest.setTimeout(60_000);

/** Collects what the enricher publishes (the real publisher sends it to Redis and the fan-out queue). */
class CollectedChanges {
  readonly published: ListingChanges[] = [];
  async publish(changes: ListingChanges): Promise<void> {
    this.published.push(changes);
  }
  get ids(): string[] {
    return this.published.flatMap((c) => c.changedIds).sort();
  }
}

describe('ListingEnricher against PostgreSQL', () => {
  let db: TestDatabase;
  let pg: Client;
  let ds: DataSource;
  let sourceId: string;
  const skill = new Map<string, string>();
  const occupation = new Map<string, string>();

  const listing = async (
    ref: string,
    title: string,
    description: string,
    extra: Record<string, unknown> = {},
  ) => {
    const { rows } = await pg.query<{ id: string }>(
      `INSERT INTO opportunities (source_id, source_ref, kind, title, description, organisation_name, mode, content_hash, occupation_id)
       VALUES ($1, $2, 'VACANCY', $3, $4, 'Employer', 'IN_PERSON', $5, $6) RETURNING id`,
      [sourceId ?? null, ref, title, description, `hash-${ref}`, extra.occupationId ?? null],
    );
    return rows[0].id;
  };
  const state = async (id: string) => {
    const o = await pg.query<{ occupation: string | null; confidence: number | null; key: string | null }>(
      `SELECT occ.title AS occupation, o.occupation_confidence AS confidence, o.enrichment_key AS key
         FROM opportunities o LEFT JOIN occupations occ ON occ.id = o.occupation_id WHERE o.id = $1`,
      [id],
    );
    const s = await pg.query<{ label: string; inferred: boolean }>(
      `SELECT s.label, os.inferred FROM opportunity_skills os JOIN skills s ON s.id = os.skill_id
        WHERE os.opportunity_id = $1 AND os.role = 'REQUIRED' ORDER BY os.inferred, s.label`,
      [id],
    );
    return {
      ...o.rows[0],
      named: s.rows.filter((r) => !r.inferred).map((r) => r.label),
      inferred: s.rows.filter((r) => r.inferred).map((r) => r.label),
    };
  };

  beforeAll(async () => {
    db = await createTestDatabase();
    pg = new Client({ connectionString: db.url });
    await pg.connect();
    ds = createDataSource({ url: db.url, poolSize: 2 });
    await ds.initialize();
    const labels = [
      'personal care',
      'safeguarding',
      'moving and handling',
      'Python',
      'SQL',
      'Git',
      'software testing',
    ];
    const s = await pg.query<{ id: string; label: string }>(
      `INSERT INTO skills (label) SELECT unnest($1::text[]) RETURNING id, label`,
      [labels],
    );
    for (const r of s.rows) skill.set(r.label, r.id);
    for (const [title, alt, essential] of [
      [
        'care worker',
        ['care assistant', 'carer', 'support worker'],
        ['personal care', 'safeguarding', 'moving and handling'],
      ],
      [
        'software developer',
        ['programmer', 'software engineer'],
        ['Python', 'SQL', 'Git', 'software testing'],
      ],
    ] as const) {
      const o = await pg.query<{ id: string }>(
        `INSERT INTO occupations (title, alt_labels) VALUES ($1, $2) RETURNING id`,
        [title, alt],
      );
      occupation.set(title, o.rows[0].id);
      for (const e of essential)
        await pg.query(
          `INSERT INTO occupation_skills (occupation_id, skill_id, relation, level) VALUES ($1, $2, 'essential', 2)`,
          [o.rows[0].id, skill.get(e)],
        );
    }
    const src = await pg.query<{ id: string }>(
      `INSERT INTO sources (name, format, url) VALUES ('feed', 'jobposting-jsonld', 'http://127.0.0.1:9/') RETURNING id`,
    );
    sourceId = src.rows[0].id;
  });

  afterAll(async () => {
    await ds?.destroy();
    await pg?.end();
    await db?.drop();
  });

  it('classifies, infers, keeps what authors set, publishes, and does nothing twice', async () => {
    const care = await listing(
      'care',
      'Senior Care Assistant (Nights) - Oldham',
      'Join our friendly night team.',
    );
    const dev = await listing(
      'dev',
      'Junior Software Engineer - Manchester',
      'Python, SQL and Git every day.',
    );
    for (const label of ['Python', 'SQL', 'Git'])
      await pg.query(
        `INSERT INTO opportunity_skills (opportunity_id, skill_id, role, level) VALUES ($1, $2, 'REQUIRED', 2)`,
        [dev, skill.get(label)],
      );
    // An employer chose this listing's occupation: enrichment must leave it, and infer from it.
    const chosen = await listing('chosen', 'Programmer', 'Looking after residents.', {
      occupationId: occupation.get('care worker'),
    });
    const unknown = await listing('unknown', 'Zzyzx Qwerty', 'Nothing recognisable at all.');

    const changes = new CollectedChanges();
    const enricher = new ListingEnricher(ds, changes);
    const first = await enricher.enrichPending({ sourceId });
    expect(first.enriched).toBe(4);

    expect(await state(care)).toEqual(
      expect.objectContaining({
        occupation: 'care worker',
        named: [],
        inferred: ['moving and handling', 'personal care', 'safeguarding'],
      }),
    );
    expect((await state(care)).confidence).toBeGreaterThan(0);
    // Names MIN_NAMED_SKILLS skills itself: nothing inferred.
    expect(MIN_NAMED_SKILLS).toBe(3);
    expect(await state(dev)).toEqual(
      expect.objectContaining({
        occupation: 'software developer',
        named: ['Git', 'Python', 'SQL'],
        inferred: [],
      }),
    );
    expect(await state(chosen)).toEqual(
      expect.objectContaining({
        occupation: 'care worker',
        confidence: null,
        inferred: ['moving and handling', 'personal care', 'safeguarding'],
      }),
    );
    expect(await state(unknown)).toEqual(expect.objectContaining({ occupation: null, inferred: [] }));
    expect(changes.ids).toEqual([care, dev, chosen, unknown].sort());

    // Nothing changed: nothing to do, nothing published.
    const again = await enricher.enrichPending({ sourceId });
    expect(again.enriched).toBe(0);
    expect(changes.published).toHaveLength(1);
  });

  it('re-derives everything when the taxonomy changes, and a changed listing alone when its content does', async () => {
    const enricher = new ListingEnricher(ds, new CollectedChanges());
    await enricher.enrichPending({ sourceId });
    // The listing's content changes (a refresh rewrote it): only it is enriched again.
    await pg.query(
      `UPDATE opportunities SET content_hash = 'hash-care-2', title = 'Support Worker' WHERE source_ref = 'care'`,
    );
    expect((await enricher.enrichPending({ sourceId })).enriched).toBe(1);
    // The taxonomy changes (an ESCO update): every feed listing is enriched again.
    await pg.query(
      `UPDATE occupations SET alt_labels = alt_labels || '{carer assistant}', updated_at = now() WHERE title = 'care worker'`,
    );
    expect((await enricher.enrichPending({ sourceId })).enriched).toBe(4);
    // An occupation enrichment chose goes when the listing no longer reads as one.
    await pg.query(
      `UPDATE opportunities SET content_hash = 'hash-dev-2', title = 'Zzyzx Qwerty', description = '' WHERE source_ref = 'dev'`,
    );
    await pg.query(
      `DELETE FROM opportunity_skills WHERE opportunity_id = (SELECT id FROM opportunities WHERE source_ref = 'dev')`,
    );
    await enricher.enrichPending({ sourceId });
    const { rows } = await pg.query<{ occupation_id: string | null; occupation_confidence: number | null }>(
      `SELECT occupation_id, occupation_confidence FROM opportunities WHERE source_ref = 'dev'`,
    );
    expect(rows[0]).toEqual({ occupation_id: null, occupation_confidence: null });
  });

  it('adds what the ranked extractor finds in the text, and infers only what is still missing', async () => {
    const taxonomy: RankingTaxonomy = {
      version: 'enricher-test-1',
      groups: [],
      // As in ESCO: skills many occupations ask for, with a description.
      skills: [...skill].map(([label, id]) => ({
        id,
        uri: `urn:test:${id}`,
        label,
        altLabels: [],
        popularity: 40,
        description: `The skill of ${label}.`,
      })),
    };
    const encoder = await UniversalSentenceEncoderLite.load();
    const vectors = await buildSkillVectorSet(taxonomy, encoder);
    const ranked = await RankedSkillExtractor.create({
      taxonomy,
      vectors,
      encoder,
      weights: RERANKER_WEIGHTS,
    });
    try {
      const id = await listing(
        'semantic',
        'Care Assistant - Bolton',
        '<p>You will give personal care to our residents.</p><p>You will give personal care to our residents.</p>',
      );
      const enricher = new ListingEnricher(ds, new CollectedChanges(), undefined, async () => ranked);
      await enricher.enrichPending({ sourceId });
      const got = await state(id);
      expect(got.occupation).toBe('care worker');
      const { rows } = await pg.query<{ label: string; extracted: boolean; inferred: boolean }>(
        `SELECT s.label, os.extracted, os.inferred FROM opportunity_skills os JOIN skills s ON s.id = os.skill_id
          WHERE os.opportunity_id = $1 ORDER BY s.label`,
        [id],
      );
      expect(rows.find((r) => r.label === 'personal care')).toEqual({
        label: 'personal care',
        extracted: true,
        inferred: false,
      });
      // Named (by the text) once only; the role's other essentials are inferred.
      expect(rows.filter((r) => r.inferred).map((r) => r.label)).toEqual([
        'moving and handling',
        'safeguarding',
      ]);
      // The extractor's revision is part of the key: a new extractor would re-derive everything.
      const key = await pg.query<{ enrichment_key: string }>(
        `SELECT enrichment_key FROM opportunities WHERE id = $1`,
        [id],
      );
      expect(key.rows[0].enrichment_key).toContain(ranked.revision);
    } finally {
      ranked.dispose();
    }
  }, 180_000);
});
