import { Client } from 'pg';
import { OccupationRecord } from '../occupations/occupation-record';
import { TaxonomyRecordsRepository } from './taxonomy-records.repository';

/** Every occupation in the database, in the shape the occupation classifier is built from. */
export async function loadOccupationsFromDatabase(databaseUrl: string): Promise<OccupationRecord[]> {
  const client = new Client({ connectionString: databaseUrl, application_name: 'skillpath-taxonomy' });
  await client.connect();
  try {
    const rows = await new TaxonomyRecordsRepository(client).occupations();
    return rows.map((row) => ({
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
