import { Client } from 'pg';
import { createTestDatabase, type TestDatabase } from '@skillpath/testing';
import { RankingTaxonomy } from './ranking-taxonomy';
import { SkillVectorSet, VectorKind } from './skill-vector-set';
import { SkillVectorRepository } from './skill-vector.repository';

describe('SkillVectorRepository', () => {
  let db: TestDatabase;
  let client: Client;

  beforeAll(async () => {
    db = await createTestDatabase();
    client = new Client({ connectionString: db.url });
    await client.connect();
  }, 120_000);

  afterAll(async () => {
    await client?.end();
    await db?.drop();
  });

  const taxonomy = (version: string): RankingTaxonomy => ({
    version,
    skills: [
      {
        id: 'u:rust',
        uri: 'u:rust',
        label: 'Rust',
        altLabels: ['Rust language'],
        hiddenLabels: [],
        description: 'A systems programming language.',
        popularity: 3,
        groups: ['g:ict'],
      },
      { id: 'u:weld', uri: 'u:weld', label: 'weld metal', altLabels: [], description: null, popularity: 0 },
    ],
    groups: [{ uri: 'g:ict', label: 'ICT', description: 'Information and communication technology.' }],
  });
  const set = (version: string, dimensions: number): SkillVectorSet => {
    const count = 5;
    return {
      taxonomyVersion: version,
      encoderId: 'enc-1',
      dimensions,
      keys: ['u:rust', 'u:weld', 'g:ict'],
      owner: Uint32Array.from([0, 0, 0, 1, 2]),
      kind: Uint8Array.from([
        VectorKind.Preferred,
        VectorKind.Alternative,
        VectorKind.Description,
        VectorKind.Preferred,
        VectorKind.Group,
      ]),
      scale: Float32Array.from({ length: count }, (_, i) => (i + 1) / 127),
      data: Int8Array.from({ length: count * dimensions }, (_, i) => ((i * 37) % 255) - 127),
    };
  };

  it('reads back the newest set exactly, in slices, and the taxonomy without descriptions', async () => {
    const repository = new SkillVectorRepository(client);
    await repository.save(taxonomy('v1'), set('v1', 8));
    await client.query(`UPDATE skill_vector_sets SET created_at = now() - interval '1 day'`);
    const newest = set('v2', 300);
    await repository.save(taxonomy('v2'), newest);
    // Slices of 1 KB: the 1.5 KB of vectors plus the header take several, the last one partial.
    const latest = await new SkillVectorRepository(client, 1024).latest('enc-1');
    expect(latest?.vectors).toEqual(newest);
    const stripped = taxonomy('v2');
    for (const s of stripped.skills) delete s.description;
    for (const g of stripped.groups) delete g.description;
    expect(latest?.taxonomy).toEqual(stripped);
    expect(await repository.latest('another-encoder')).toBeUndefined();
  });
});
