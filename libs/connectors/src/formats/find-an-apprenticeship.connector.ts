import { ConnectorConfigError, MalformedPageError } from '../connector.errors';
import type {
  Connector,
  ConnectorContext,
  ConnectorPage,
  FetchedPage,
  NormalisedOpportunity,
  ParseResult,
  RawConnectorPage,
  RawRecord,
  SkillMatcher,
} from '../connector.types';
import {
  firstOf,
  isObject,
  latitudeOf,
  longitudeOf,
  normalisePostcode,
  numberOf,
  optionalNumber,
  textList,
  textOf,
  urlOf,
  wordyDurationWeeks,
  type JsonObject,
} from '../normalise/field-values';
import { htmlToText } from '../normalise/html-text';
import { buildOpportunity, parseRecord, requireText } from '../normalise/opportunity-builder';
import { RecordError } from '../normalise/record-error';
import { DEFAULT_TAUGHT_LEVEL, proficiencyForRqf, rqfLevelFromText } from '../normalise/skill-levels';
import { parseFeedDate } from '../normalise/uk-date';
import { parseJsonPage } from './json-page';

export const FIND_AN_APPRENTICESHIP_MAX_PAGE_SIZE = 100;
/** Desired skills an apprenticeship lists are entry expectations: "can do with guidance" at most. */
const APPRENTICESHIP_REQUIRED_LEVEL = 2;
const WEEKS_PER_YEAR = 52;

/**
 * GOV.UK Find an apprenticeship, Display Advert API v2: `GET {base}/vacancy?PageNumber=N&PageSize=M`
 * with `Ocp-Apim-Subscription-Key` and `X-Version: 2`. The cursor is the page number.
 *
 * Skills: the description (and any `skills` list) is what the apprenticeship trains, at the proficiency
 * of its standard's RQF level; listed `skills` are what the employer hopes applicants bring.
 */
export const findAnApprenticeshipConnector: Connector = {
  format: 'find-an-apprenticeship',

  async fetchPage(ctx: ConnectorContext, cursor: string | null): Promise<ConnectorPage> {
    const page = await fetchBody(ctx, cursor);
    return this.parsePage(page.body, ctx, cursor, page.url);
  },

  parsePage(body, ctx, cursor, pageUrl): ConnectorPage {
    const page = splitPage(body, cursor, ctx.pageSize, pageUrl);
    return { ...page, records: page.records.map((record) => normaliseRecord(record, ctx.skillMatcher)) };
  },

  raw: {
    revision: '1',
    fetchBody,
    readBody: (page, cursor, ctx) => splitPage(page.body, cursor, ctx.pageSize, page.url),
    normalise: (record, ctx) => normaliseRecord(record, ctx.skillMatcher),
  },
};

async function fetchBody(
  ctx: Omit<ConnectorContext, 'skillMatcher'>,
  cursor: string | null,
): Promise<FetchedPage> {
  const pageNumber = pageNumberOf(cursor);
  const key = ctx.credentials?.subscriptionKey;
  if (!key) {
    throw new ConnectorConfigError(
      'Find an apprenticeship needs a subscription key: set the environment variable the source names as its credentials',
    );
  }
  const url = vacancyPageUrl(ctx.sourceUrl, pageNumber, pageSizeOf(ctx.pageSize));
  return ctx.fetcher.get(url, {
    'Ocp-Apim-Subscription-Key': key,
    'X-Version': '2',
    Accept: 'application/json',
  });
}

/** A page's vacancies as received, with their references, and where the next page is. */
function splitPage(
  body: string,
  cursor: string | null,
  pageSize: number | undefined,
  pageUrl?: string,
): RawConnectorPage {
  const pageNumber = pageNumberOf(cursor);
  const json = parseJsonPage(body, pageUrl);
  if (!isObject(json) || !Array.isArray(json.vacancies)) {
    throw new MalformedPageError(
      'Find an apprenticeship page has no "vacancies" array',
      pageUrl,
      body.slice(0, 200),
    );
  }
  const totalPages = optionalNumber(json.totalPages);
  const records: RawRecord[] = json.vacancies.map((raw: unknown) => {
    let sourceRef: string | undefined;
    try {
      sourceRef = referenceOf(raw);
    } catch {
      sourceRef = undefined; // an unreadable reference: the record is quarantined when normalised
    }
    return sourceRef === undefined ? { raw } : { sourceRef, raw };
  });
  // Without totalPages, a full page means there may be more; an empty or short one is the last.
  const hasMore = totalPages !== undefined ? pageNumber < totalPages : records.length >= pageSizeOf(pageSize);
  return { records, nextCursor: hasMore ? String(pageNumber + 1) : null, pageNumber, totalPages };
}

function normaliseRecord(record: RawRecord, matcher: SkillMatcher): ParseResult {
  return parseRecord(record.raw, referenceOf, () => normaliseVacancy(record.raw, matcher));
}

function pageNumberOf(cursor: string | null): number {
  if (cursor === null) return 1;
  const n = Number(cursor);
  if (!Number.isInteger(n) || n < 1)
    throw new ConnectorConfigError(`Find an apprenticeship cursor "${cursor}" is not a page number`);
  return n;
}

function pageSizeOf(pageSize: number | undefined): number {
  if (pageSize === undefined) return FIND_AN_APPRENTICESHIP_MAX_PAGE_SIZE;
  if (!Number.isInteger(pageSize) || pageSize < 1 || pageSize > FIND_AN_APPRENTICESHIP_MAX_PAGE_SIZE) {
    throw new ConnectorConfigError(`Find an apprenticeship page size must be 1..100, not ${pageSize}`);
  }
  return pageSize;
}

/** `{base}/vacancy?PageNumber=N&PageSize=M`, keeping any filters already on the base URL's query. */
export function vacancyPageUrl(base: string, pageNumber: number, pageSize: number): string {
  let url: URL;
  try {
    url = new URL(base);
  } catch {
    throw new ConnectorConfigError(`Find an apprenticeship base URL "${base}" is not a URL`);
  }
  url.pathname = `${url.pathname.replace(/\/+$/, '')}/vacancy`;
  url.searchParams.set('PageNumber', String(pageNumber));
  url.searchParams.set('PageSize', String(pageSize));
  return url.toString();
}

function referenceOf(raw: unknown): string | undefined {
  return isObject(raw) ? textOf(raw.vacancyReference) : undefined;
}

function normaliseVacancy(raw: unknown, matcher: SkillMatcher): NormalisedOpportunity {
  if (!isObject(raw)) throw new RecordError('vacancy is not an object');
  const sourceRef = requireText(referenceOf(raw), 'vacancyReference');
  const title = requireText(textOf(raw.title), 'title');
  const organisationName = requireText(textOf(raw.employerName) ?? textOf(raw.employer), 'employerName');
  const address = (isObject(raw.address) ? raw.address : firstOf(raw.addresses)) as JsonObject | undefined;
  const location = isObject(raw.location) ? raw.location : undefined;
  const course = isObject(raw.course) ? raw.course : undefined;
  const hoursPerWeek = positiveOrUndefined(numberOf(raw.hoursPerWeek, 'hoursPerWeek'), 'hoursPerWeek');
  const rqfLevel = optionalNumber(course?.level) ?? rqfLevelFromText(textOf(raw.apprenticeshipLevel));
  const descriptionHtml = textOf(raw.description);
  const taughtLevel = proficiencyForRqf(rqfLevel) ?? DEFAULT_TAUGHT_LEVEL;
  return buildOpportunity(
    {
      sourceRef,
      kind: 'APPRENTICESHIP',
      title,
      description: descriptionHtml === undefined ? undefined : htmlToText(descriptionHtml) || undefined,
      organisationName,
      mode: 'IN_PERSON',
      postcode: normalisePostcode(isObject(address) ? address.postcode : undefined),
      latitude: latitudeOf(isObject(address) ? address.latitude : undefined) ?? latitudeOf(location?.lat),
      longitude: longitudeOf(isObject(address) ? address.longitude : undefined) ?? longitudeOf(location?.lon),
      hoursPerWeek,
      durationWeeks: wordyDurationWeeks(raw.expectedDuration),
      costPence: 0,
      rqfLevel,
      startDate: parseFeedDate(raw.startDate, 'startDate'),
      closingDate: parseFeedDate(raw.closingDate, 'closingDate'),
      url: urlOf(raw.vacancyUrl) ?? urlOf(raw.applicationUrl),
      wagePencePerYear: annualWagePence(raw.wage, hoursPerWeek),
    },
    {
      lists: [{ texts: textList(raw.skills), role: 'REQUIRED', level: APPRENTICESHIP_REQUIRED_LEVEL }],
      description: { role: 'TAUGHT', level: taughtLevel },
    },
    matcher,
  );
}

function positiveOrUndefined(n: number | undefined, field: string): number | undefined {
  if (n === undefined || n === 0) return undefined;
  if (n < 0) throw new RecordError(`${field} ${n} is negative`);
  return n;
}

/**
 * The stated wage as pence a year. `wageAmount` is annual unless `wageUnit` says otherwise. The
 * minimum-wage types carry no amount (it depends on the apprentice's age): left unknown, not guessed.
 */
function annualWagePence(wage: unknown, hoursPerWeek: number | undefined): number | undefined {
  if (!isObject(wage)) return undefined;
  const amount = numberOf(wage.wageAmount, 'wage.wageAmount');
  if (amount === undefined) return undefined;
  if (amount < 0) throw new RecordError(`wage.wageAmount ${amount} is negative`);
  const unit = (textOf(wage.wageUnit) ?? 'Annually').toLowerCase();
  let perYear: number | undefined;
  if (unit.startsWith('annual') || unit.startsWith('year')) perYear = amount;
  else if (unit.startsWith('month')) perYear = amount * 12;
  else if (unit.startsWith('week')) perYear = amount * WEEKS_PER_YEAR;
  else if (unit.startsWith('hour') && hoursPerWeek !== undefined)
    perYear = amount * hoursPerWeek * WEEKS_PER_YEAR;
  return perYear === undefined ? undefined : Math.round(perYear * 100);
}
