import { DataSource } from 'typeorm';
import { OpportunityEntity } from '@skillpath/persistence';

export interface ExpiryResult {
  expiredIds: string[];
  asOf: string;
}

/**
 * Marks ACTIVE listings whose closing date has passed as EXPIRED. Listings are never deleted:
 * a roadmap that pointed at one still explains what it was.
 */
export async function expireClosedOpportunities(
  ds: DataSource,
  asOf: Date = new Date(),
): Promise<ExpiryResult> {
  const res = await ds
    .createQueryBuilder()
    .update(OpportunityEntity)
    .set({ status: 'EXPIRED' })
    .where("status = 'ACTIVE' AND closing_date IS NOT NULL AND closing_date < :asOf", { asOf })
    .returning(['id'])
    .execute();
  const rows = (res.raw ?? []) as Array<{ id: string }>;
  return { expiredIds: rows.map((r) => r.id), asOf: asOf.toISOString() };
}
