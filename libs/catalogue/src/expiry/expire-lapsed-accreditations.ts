import { DataSource } from 'typeorm';
import { AccreditationEntity } from '@skillpath/persistence';

/**
 * Marks ACTIVE accreditations whose validity has ended as EXPIRED and returns the courses they
 * covered, so rankings stop boosting them. (The `accredited` label and credential verification
 * already check the dates live; this makes the stored status and the engine's index agree.)
 */
export async function expireLapsedAccreditations(ds: DataSource, asOf: Date = new Date()): Promise<string[]> {
  const res = await ds
    .createQueryBuilder()
    .update(AccreditationEntity)
    .set({ status: 'EXPIRED' })
    .where("status = 'ACTIVE' AND valid_to IS NOT NULL AND valid_to <= :asOf", { asOf })
    .returning('opportunity_id')
    .execute();
  const rows = (res.raw ?? []) as Array<{ opportunity_id: string }>;
  return [...new Set(rows.map((r) => r.opportunity_id))];
}
