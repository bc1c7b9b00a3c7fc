import { Client } from 'pg';
import { OccupationRecord } from '../occupations/occupation-record';

/** Every occupation in the database, in the shape the occupation classifier is built from. */
export async function loadOccupationsFromDatabase(databaseUrl: string): Promise<OccupationRecord[]> {
  const client = new Client({ connectionString: databaseUrl, application_name: 'skillpath-taxonomy' });
  await client.connect();
  try {
    const result = await client.query<{
      id: string;
      uri: string | null;
      title: string;
      alt_labels: string[] | null;
      description: string | null;
      isco_group: string | null;
    }>('SELECT id, uri, title, alt_labels, description, isco_group FROM occupations ORDER BY title, id');
    return result.rows.map((row) => ({
      id: row.id,
      uri: row.uri,
      label: row.title,
      altLabels: row.alt_labels ?? [],
      description: row.description,
      iscoGroup: row.isco_group,
    }));
  } finally {
    await client.end();
  }
}
