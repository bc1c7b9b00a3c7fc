import { Client } from 'pg';

/**
 * Loads the demo region into an empty database (no skills yet). Returns false when there was
 * already data, which is left untouched.
 */
export async function seedDemoDataIfEmpty(
  databaseUrl: string,
  log: (line: string) => void,
): Promise<boolean> {
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ n: string }>('SELECT count(*)::text AS n FROM skills');
    if (Number(rows[0].n) > 0) return false;
  } finally {
    await client.end();
  }
  const { loadDemoRegion } = await import('@skillpath/demo-region');
  const summary = await loadDemoRegion(databaseUrl);
  log(`loaded the Greater Manchester demo region: ${summary}`);
  return true;
}
