import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { parse } from 'csv-parse/sync';
import { MalformedPageError } from '../connector.errors';
import type {
  Connector,
  ConnectorContext,
  ConnectorPage,
  DeliveryMode,
  NormalisedOpportunity,
  ParseContext,
  ParseResult,
} from '../connector.types';
import { parseFundingText } from '../normalise/funding-parser';
import { booleanOf, normalisePostcode, numberOf, round2, textOf, urlOf } from '../normalise/field-values';
import { buildOpportunity, parseRecord, requireText } from '../normalise/opportunity-builder';
import { RecordError, describeValue } from '../normalise/record-error';
import { DEFAULT_TAUGHT_LEVEL, proficiencyForRqf } from '../normalise/skill-levels';
import { parseFeedDate } from '../normalise/uk-date';

export const SKILLS_BOOTCAMPS_CSV_COLUMNS = [
  'provider',
  'bootcamp_title',
  'skills_taught',
  'level',
  'delivery_mode',
  'postcode',
  'hours',
  'weeks',
  'start_date',
  'cost_pence',
  'funded_for',
  'guaranteed_interview',
  'url',
] as const;
const REQUIRED_COLUMNS = ['provider', 'bootcamp_title', 'start_date'];

type CsvRow = Record<string, string> & { line: string };

/**
 * Skills Bootcamps CSV upload: one page, the whole file. Tolerates a BOM, CRLF, quoted fields, header
 * case and spacing, columns in any order, extra columns; `skills_taught` is `;`-separated; an empty
 * postcode with no delivery_mode means online. The source reference is built from provider, title and
 * start date ("example-code-academy/software-developer-skills-bootcamp/2027-02-01"): the file has no id,
 * and those three name one cohort.
 */
export const skillsBootcampsCsvConnector: Connector = {
  format: 'skills-bootcamps-csv',

  async fetchPage(ctx: ConnectorContext, cursor: string | null): Promise<ConnectorPage> {
    if (ctx.sourceUrl.startsWith('file:')) {
      const body = await readFile(fileURLToPath(ctx.sourceUrl), 'utf8');
      return this.parsePage(body, ctx, cursor, ctx.sourceUrl);
    }
    const page = await ctx.fetcher.get(ctx.sourceUrl, { Accept: 'text/csv, text/plain' });
    return this.parsePage(page.body, ctx, cursor, page.url);
  },

  parsePage(body: string, ctx: ParseContext, _cursor: string | null, pageUrl?: string): ConnectorPage {
    const rows = readRows(body, pageUrl);
    const seen = new Set<string>();
    const records: ParseResult[] = rows.map((row) => {
      const result = parseRecord(row, rowKeyOf, () => normaliseRow(row, ctx));
      if (!result.ok) return result;
      if (seen.has(result.opportunity.sourceRef)) {
        return {
          ok: false,
          sourceRef: result.opportunity.sourceRef,
          raw: row,
          reason: `line ${row.line}: same provider, bootcamp_title and start_date as an earlier row (duplicate)`,
        };
      }
      seen.add(result.opportunity.sourceRef);
      return result;
    });
    return { records, nextCursor: null, pageNumber: 1, totalPages: 1 };
  },
};

function readRows(body: string, pageUrl: string | undefined): CsvRow[] {
  let table: string[][];
  try {
    table = parse(body, {
      bom: true,
      relax_column_count: true,
      skip_empty_lines: true,
      trim: true,
    }) as string[][];
  } catch (error) {
    throw new MalformedPageError(
      `CSV cannot be read (${error instanceof Error ? error.message : String(error)})`,
      pageUrl,
      body.slice(0, 200),
    );
  }
  if (table.length === 0) throw new MalformedPageError('CSV is empty: expected a header row', pageUrl);
  const header = table[0].map((name) =>
    name
      .trim()
      .toLowerCase()
      .replace(/[\s-]+/g, '_'),
  );
  const missing = REQUIRED_COLUMNS.filter((name) => !header.includes(name));
  if (missing.length > 0) {
    throw new MalformedPageError(
      `CSV header lacks ${missing.join(', ')}: expected ${SKILLS_BOOTCAMPS_CSV_COLUMNS.join(',')}`,
      pageUrl,
      body.slice(0, 200),
    );
  }
  return table.slice(1).map((cells, index) => {
    const row = { line: String(index + 2) } as CsvRow;
    header.forEach((name, i) => {
      if (name !== '' && name !== 'line') row[name] = cells[i] ?? '';
    });
    if (cells.length !== header.length) row._fieldCount = String(cells.length);
    return row;
  });
}

function slug(text: string): string {
  return text
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

function rowKeyOf(raw: unknown): string | undefined {
  const row = raw as CsvRow;
  const provider = textOf(row.provider);
  const title = textOf(row.bootcamp_title);
  const start = textOf(row.start_date);
  if (provider === undefined || title === undefined || start === undefined) return undefined;
  let startKey = start;
  try {
    const date = parseFeedDate(start, 'start_date');
    if (date !== undefined) startKey = londonDay(date);
  } catch {
    startKey = start;
  }
  return `${slug(provider)}/${slug(title)}/${startKey}`;
}

function normaliseRow(row: CsvRow, ctx: ParseContext): NormalisedOpportunity {
  const at = `line ${row.line}:`;
  try {
    if (row._fieldCount !== undefined) {
      throw new RecordError(
        `row has ${row._fieldCount} fields but the header has a different number (check quoting and commas)`,
      );
    }
    const organisationName = requireText(textOf(row.provider), 'provider');
    const title = requireText(textOf(row.bootcamp_title), 'bootcamp_title');
    const startDate = parseFeedDate(row.start_date, 'start_date');
    if (startDate === undefined) throw new RecordError('start_date is missing');
    const sourceRef = `${slug(organisationName)}/${slug(title)}/${londonDay(startDate)}`;
    const postcode = normalisePostcode(row.postcode);
    const mode = deliveryModeOf(row.delivery_mode, postcode);
    const rqfLevel = wholeNumber(row.level, 'level', 0, 8);
    const totalHours = positive(numberOf(row.hours, 'hours'), 'hours');
    const durationWeeks = positive(numberOf(row.weeks, 'weeks'), 'weeks');
    const costPence = wholeNumber(row.cost_pence, 'cost_pence', 0, Number.MAX_SAFE_INTEGER) ?? 0;
    const guaranteed = textOf(row.guaranteed_interview);
    const guaranteedInterview = guaranteed === undefined ? undefined : booleanOf(guaranteed);
    if (guaranteed !== undefined && guaranteedInterview === undefined) {
      throw new RecordError(`guaranteed_interview ${describeValue(guaranteed)} is not true or false`);
    }
    const level = proficiencyForRqf(rqfLevel) ?? DEFAULT_TAUGHT_LEVEL;
    return buildOpportunity(
      {
        sourceRef,
        kind: 'BOOTCAMP',
        title,
        organisationName,
        mode,
        postcode,
        hoursPerWeek:
          totalHours !== undefined && durationWeeks !== undefined
            ? round2(totalHours / durationWeeks)
            : undefined,
        durationWeeks,
        totalHours,
        costPence,
        rqfLevel,
        startDate,
        url: urlOf(row.url),
        funding: parseFundingText(textOf(row.funded_for), costPence),
        guaranteedInterview,
      },
      { lists: [{ texts: skillList(row.skills_taught), role: 'TAUGHT', level }] },
      ctx.skillMatcher,
    );
  } catch (error) {
    if (error instanceof RecordError) throw new RecordError(`${at} ${error.message}`);
    throw error;
  }
}

function londonDay(date: Date): string {
  return date.toLocaleDateString('en-CA', { timeZone: 'Europe/London' });
}

function skillList(value: string | undefined): string[] {
  return (value ?? '')
    .split(';')
    .map((s) => s.trim())
    .filter((s) => s !== '');
}

/** delivery_mode wins; without one, an empty postcode means online. In person needs a postcode. */
function deliveryModeOf(value: string | undefined, postcode: string | undefined): DeliveryMode {
  const text = (value ?? '')
    .trim()
    .toUpperCase()
    .replace(/[\s-]+/g, '_');
  let mode: DeliveryMode;
  if (text === '') mode = postcode === undefined ? 'ONLINE' : 'IN_PERSON';
  else if (['ONLINE', 'REMOTE', 'VIRTUAL'].includes(text)) mode = 'ONLINE';
  else if (['HYBRID', 'BLENDED'].includes(text)) mode = 'HYBRID';
  else if (['IN_PERSON', 'CLASSROOM', 'FACE_TO_FACE', 'ONSITE', 'ON_SITE'].includes(text)) mode = 'IN_PERSON';
  else throw new RecordError(`delivery_mode ${describeValue(value)} is not one of IN_PERSON, ONLINE, HYBRID`);
  if (mode === 'IN_PERSON' && postcode === undefined) {
    throw new RecordError(
      'delivery_mode is IN_PERSON but postcode is empty: add the venue postcode or set delivery_mode to ONLINE',
    );
  }
  return mode;
}

function wholeNumber(value: string | undefined, field: string, min: number, max: number): number | undefined {
  const n = numberOf(value, field);
  if (n === undefined) return undefined;
  if (!Number.isInteger(n) || n < min || n > max) {
    throw new RecordError(
      `${field} ${describeValue(value)} must be a whole number from ${min}${max < 1e9 ? ` to ${max}` : ''}`,
    );
  }
  return n;
}

function positive(n: number | undefined, field: string): number | undefined {
  if (n === undefined) return undefined;
  if (n <= 0) throw new RecordError(`${field} ${n} must be more than 0`);
  return n;
}
