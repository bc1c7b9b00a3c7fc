import { parse } from 'csv-parse';
import { createReadStream } from 'fs';

export type CsvRow = Record<string, string>;

/**
 * Streams the rows of an RFC-4180 CSV file (quoted multi-line fields allowed) as objects keyed by
 * the header. `onBytes` is told how many bytes of the file have been read so far.
 */
export async function* readCsvRows(
  file: string,
  onBytes?: (bytesRead: number) => void,
): AsyncGenerator<CsvRow> {
  const input = createReadStream(file);
  let bytesRead = 0;
  if (onBytes) {
    input.on('data', (chunk) => {
      bytesRead += chunk.length;
      onBytes(bytesRead);
    });
  }
  const parser = input.pipe(
    parse({ columns: true, bom: true, skip_empty_lines: true, relax_column_count: true, trim: false }),
  );
  input.on('error', (error) => parser.destroy(error));
  try {
    for await (const row of parser) yield row as CsvRow;
  } finally {
    input.destroy();
  }
}

/** Splits an ESCO multi-value cell (labels one per line; URIs separated by " | " or ",\n"). */
export function splitLines(cell: string | undefined): string[] {
  if (!cell) return [];
  return cell
    .split(/\r?\n/)
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
}

export function splitUris(cell: string | undefined): string[] {
  if (!cell) return [];
  return cell
    .split(/\s*\|\s*|,\s*\r?\n\s*|\s+/)
    .map((s) => s.trim().replace(/,$/, ''))
    .filter((s) => s.length > 0);
}
