import { SkillRecord } from '../skill-record';
import { readCsvRows, splitLines } from './esco-csv';

/**
 * Skills straight from an ESCO `skills_en.csv`, with the concept URI as id — for evaluating and
 * benchmarking the engines without a database.
 */
export async function readEscoSkillRecords(skillsCsv: string): Promise<SkillRecord[]> {
  const records: SkillRecord[] = [];
  for await (const row of readCsvRows(skillsCsv)) {
    if (!row.conceptUri || !row.preferredLabel) continue;
    records.push({
      id: row.conceptUri,
      uri: row.conceptUri,
      label: row.preferredLabel.trim(),
      altLabels: splitLines(row.altLabels),
    });
  }
  return records;
}
