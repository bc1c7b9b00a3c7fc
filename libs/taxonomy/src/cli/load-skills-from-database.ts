import { Client } from 'pg';
import { SkillRecord } from '../skill-record';

/** Every skill in the database, in the shape the search index and the extractor are built from. */
export async function loadSkillsFromDatabase(databaseUrl: string): Promise<SkillRecord[]> {
  const client = new Client({ connectionString: databaseUrl, application_name: 'skillpath-taxonomy' });
  await client.connect();
  try {
    const result = await client.query<{
      id: string;
      uri: string | null;
      label: string;
      alt_labels: string[];
      popularity: number;
    }>('SELECT id, uri, label, alt_labels, popularity FROM skills ORDER BY label, id');
    return result.rows.map((row) => ({
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
