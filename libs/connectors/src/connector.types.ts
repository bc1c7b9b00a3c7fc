export const SOURCE_FORMATS = [
  'find-an-apprenticeship',
  'jobposting-jsonld',
  'course-jsonld',
  'skills-bootcamps-csv',
] as const;
export type SourceFormat = (typeof SOURCE_FORMATS)[number];

import type { DeliveryMode, EmploymentStatus, FundingRules, OpportunityKind } from '@skillpath/vocabulary';

export type { DeliveryMode, EmploymentStatus, FundingRules, OpportunityKind };

/** A taxonomy skill with a 1..5 proficiency. */
export interface SkillLevel {
  skillId: string;
  level: number;
}

export interface NormalisedOpportunity {
  /** Stable per listing within its source: the key for upserts. */
  sourceRef: string;
  kind: OpportunityKind;
  title: string;
  /** Plain text: HTML stripped, entities decoded. */
  description?: string;
  organisationName: string;
  mode: DeliveryMode;
  postcode?: string;
  latitude?: number;
  longitude?: number;
  hoursPerWeek?: number;
  durationWeeks?: number;
  totalHours?: number;
  /** Integer pence, 0 when free. */
  costPence: number;
  rqfLevel?: number;
  startDate?: Date;
  closingDate?: Date;
  url?: string;
  wagePencePerYear?: number;
  funding?: FundingRules;
  guaranteedInterview?: boolean;
  /** Free-text skills as the feed listed them, in feed order. */
  skillTexts: string[];
  skillsTaught: SkillLevel[];
  skillsRequired: SkillLevel[];
  /** Listed skill texts that matched no taxonomy skill: kept, never dropped. */
  unmatchedSkillTexts: string[];
  /** sha256 (hex) of the canonical JSON of every other field. */
  contentHash: string;
}

export type ParseResult =
  | { ok: true; opportunity: NormalisedOpportunity }
  | { ok: false; sourceRef?: string; raw: unknown; reason: string };

/** Finds taxonomy skills in free text; implemented by the taxonomy lib's extractor. */
export interface SkillMatcher {
  match(text: string): { skillId: string; label: string }[];
}

export interface FetchedPage {
  /** The URL finally answered (after redirects). */
  url: string;
  status: number;
  body: string;
}

/** Gets one page of a feed; throws `SourceFetchError` when it cannot. */
export interface PageFetcher {
  get(url: string, headers?: Record<string, string>): Promise<FetchedPage>;
}

export interface SourceCredentials {
  /** Find an apprenticeship: sent as `Ocp-Apim-Subscription-Key`. */
  subscriptionKey?: string;
}

export interface ConnectorContext {
  /** Find an apprenticeship: the API base (`{base}/vacancy` is appended). Others: the first page / file URL. */
  sourceUrl: string;
  fetcher: PageFetcher;
  skillMatcher: SkillMatcher;
  credentials?: SourceCredentials;
  /** Find an apprenticeship page size, 1..100 (default 100). */
  pageSize?: number;
}

/** What parsing a page in hand needs. */
export type ParseContext = Pick<ConnectorContext, 'skillMatcher' | 'pageSize'>;

export interface ConnectorPage {
  records: ParseResult[];
  /** Checkpoint for the next page, or null after the last page. */
  nextCursor: string | null;
  /** 1-based. */
  pageNumber: number;
  totalPages?: number;
}

/** One record of a page as received: read, not yet normalised. */
export interface RawRecord {
  /** The record's reference, when it can be read. */
  sourceRef?: string;
  /** The record as the feed sent it (a parsed JSON value), for hashing, normalising and quarantine. */
  raw: unknown;
}

export interface RawConnectorPage {
  records: RawRecord[];
  /** Checkpoint for the next page, or null after the last page. */
  nextCursor: string | null;
  /** 1-based. */
  pageNumber: number;
  totalPages?: number;
}

/**
 * Reading a feed in two steps, so that a refresh can skip normalising (and matching skills in) records
 * that are byte-for-byte what it stored last time: fetch a page of raw records, then normalise only
 * the ones that need it. `normalise(record)` gives exactly what `parsePage` gives for that record. The
 * fetch and the read are separate steps so that a refresh can also recognise a whole page body it has
 * seen before and skip reading it.
 */
export interface RawRecordReading {
  /**
   * Changes whenever this connector's normalisation changes, so that a refresh comparing raw records
   * normalises everything once more after an upgrade. Bump it with any change to what a record becomes.
   */
  readonly revision: string;
  /** Fetches the page at `cursor` (null = first page) as the feed answered it. Throws SourceFetchError. */
  fetchBody(ctx: Omit<ConnectorContext, 'skillMatcher'>, cursor: string | null): Promise<FetchedPage>;
  /**
   * The raw records of a fetched page and where the next page is. Depends only on the body, the cursor
   * and the page size (the URL only names the page in errors), so the same body at the same cursor and
   * page size always reads the same. Throws MalformedPageError.
   */
  readBody(
    page: FetchedPage,
    cursor: string | null,
    ctx: Pick<ConnectorContext, 'pageSize'>,
  ): RawConnectorPage;
  normalise(record: RawRecord, ctx: ParseContext): ParseResult;
}

export interface Connector {
  readonly format: SourceFormat;
  /** Present for formats that can be read raw first (see RawRecordReading). */
  readonly raw?: RawRecordReading;
  /** Fetches and parses the page at `cursor` (null = first page). Throws SourceFetchError / MalformedPageError. */
  fetchPage(ctx: ConnectorContext, cursor: string | null): Promise<ConnectorPage>;
  /** Parses a page body already in hand (e.g. an uploaded CSV file); throws MalformedPageError. */
  parsePage(body: string, ctx: ParseContext, cursor: string | null, pageUrl?: string): ConnectorPage;
}
