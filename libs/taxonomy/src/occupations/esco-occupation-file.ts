import { readCsvRows, splitLines } from '../esco/esco-csv';
import { OccupationRecord } from './occupation-record';

/** The occupations of an ESCO `occupations_en.csv`, keyed by URI, for the classifier and its evaluation. */
export async function readEscoOccupationRecords(occupationsCsv: string): Promise<OccupationRecord[]> {
  const records: OccupationRecord[] = [];
  for await (const row of readCsvRows(occupationsCsv)) {
    const uri = row.conceptUri?.trim();
    const label = row.preferredLabel?.trim();
    if (!uri || !label) continue;
    records.push({
      id: uri,
      uri,
      label,
      altLabels: splitLines(row.altLabels),
      hiddenLabels: splitLines(row.hiddenLabels),
      description: row.description?.trim() || null,
      iscoGroup: row.iscoGroup?.trim() || null,
    });
  }
  return records;
}
