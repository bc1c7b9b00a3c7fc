import { Client } from 'pg';
import { SkillRecord } from '../skill-record';
import { TaxonomyRecordsRepository } from './taxonomy-records.repository';

/** Every skill in the database, in the shape the search index and the extractor are built from. */
export async function loadSkillsFromDatabase(databaseUrl: string): Promise<SkillRecord[]> {
  const client = new Client({ connectionString: databaseUrl, application_name: 'skillpath-taxonomy' });
  await client.connect();
  try {
    const rows = await new TaxonomyRecordsRepository(client).skills();
    return rows.map((row) => ({
      id: row.id,
      uri: row.uri,
      label: row.label,
      altLabels: row.alt_labels ?? [],
      popularity: row.popularity,
    }));
  } finally {
    await client.end();
  }
}
