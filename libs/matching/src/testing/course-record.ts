import { OpportunityRecord } from '../lib/matching.types';

/** A course for engine tests: free, 20 hours online, teaching SQL to level 2, unless overridden. */
export const courseRecord = (id: string, o: Partial<OpportunityRecord> = {}): OpportunityRecord => ({
  id,
  kind: 'COURSE',
  title: id,
  organisationName: 'Org',
  teaches: [{ skill: 'sql', level: 2 }],
  requires: [],
  mode: 'ONLINE',
  costPence: 0,
  hours: 20,
  ...o,
});
