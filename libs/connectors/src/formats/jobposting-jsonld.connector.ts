import type {
  Connector,
  ConnectorContext,
  ConnectorPage,
  DeliveryMode,
  NormalisedOpportunity,
  ParseContext,
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
  type JsonObject,
} from '../normalise/field-values';
import { htmlToText } from '../normalise/html-text';
import { buildOpportunity, parseRecord, requireText } from '../normalise/opportunity-builder';
import { RecordError } from '../normalise/record-error';
import { requiredLevelForJobTitle } from '../normalise/skill-levels';
import { parseFeedDate } from '../normalise/uk-date';
import { fetchJsonLdPage, hasType, jsonLdConnectorPage, resolveRef } from './jsonld-page';

/** A full-time week, to annualise hourly and daily pay when the posting does not say its hours. */
const DEFAULT_HOURS_PER_WEEK = 37.5;

/**
 * schema.org `JobPosting` JSON-LD, paged by following `nextPage`. Skills listed in `skills` and found in
 * the description are what the job requires, at a level read from the title (see requiredLevelForJobTitle).
 */
export const jobPostingJsonLdConnector: Connector = {
  format: 'jobposting-jsonld',

  async fetchPage(ctx: ConnectorContext, cursor: string | null): Promise<ConnectorPage> {
    const page = await fetchJsonLdPage(ctx, cursor);
    return this.parsePage(page.body, ctx, cursor, page.url);
  },

  parsePage(body: string, ctx: ParseContext, cursor: string | null, pageUrl?: string): ConnectorPage {
    return jsonLdConnectorPage(body, 'JobPosting', cursor, pageUrl, (page) =>
      page.items.map((raw) =>
        parseRecord(raw, referenceOf, () => normaliseJobPosting(raw, page.nodesById, ctx, pageUrl)),
      ),
    );
  },
};

/** identifier (text, number or PropertyValue), else url, else @id. */
function referenceOf(raw: unknown): string | undefined {
  if (!isObject(raw)) return undefined;
  const identifier = firstOf(raw.identifier);
  const id = isObject(identifier) ? textOf(identifier.value ?? identifier['@value']) : textOf(identifier);
  return id ?? textOf(raw.url) ?? textOf(raw['@id']);
}

function normaliseJobPosting(
  raw: unknown,
  nodesById: Map<string, JsonObject>,
  ctx: ParseContext,
  pageUrl: string | undefined,
): NormalisedOpportunity {
  if (!hasType(raw, 'JobPosting') || !isObject(raw))
    throw new RecordError('item is not a schema.org JobPosting');
  const sourceRef = requireText(referenceOf(raw), 'identifier (or url)');
  const title = requireText(textOf(raw.title), 'title');
  const organisation = resolveRef(firstOf(raw.hiringOrganization), nodesById);
  const organisationName = requireText(textOf(organisation), 'hiringOrganization name');
  const place = resolveRef(firstOf(raw.jobLocation), nodesById);
  const placeObject = isObject(place) ? place : undefined;
  const address = resolveRef(placeObject?.address, nodesById);
  const geo = isObject(placeObject?.geo) ? placeObject.geo : undefined;
  const postcode = normalisePostcode(isObject(address) ? address.postalCode : undefined);
  const hoursPerWeek = hoursOf(raw.workHours);
  const descriptionHtml = textOf(raw.description);
  const description = descriptionHtml === undefined ? undefined : htmlToText(descriptionHtml) || undefined;
  const level = requiredLevelForJobTitle(title);
  return buildOpportunity(
    {
      sourceRef,
      kind: 'VACANCY',
      title,
      description,
      organisationName,
      mode: jobMode(raw.jobLocationType, place !== undefined && place !== null),
      postcode,
      latitude: latitudeOf(geo?.latitude),
      longitude: longitudeOf(geo?.longitude),
      hoursPerWeek,
      costPence: 0,
      startDate: parseFeedDate(textOf(raw.jobStartDate), 'jobStartDate'),
      closingDate: parseFeedDate(textOf(raw.validThrough), 'validThrough'),
      url: urlOf(raw.url, pageUrl),
      wagePencePerYear: salaryPencePerYear(raw.baseSalary, hoursPerWeek),
    },
    {
      lists: [{ texts: textList(raw.skills), role: 'REQUIRED', level }],
      description: { role: 'REQUIRED', level },
    },
    ctx.skillMatcher,
  );
}

/** TELECOMMUTE with no place is remote (ONLINE); with a place too it is HYBRID; otherwise in person. */
function jobMode(jobLocationType: unknown, hasPlace: boolean): DeliveryMode {
  const types = Array.isArray(jobLocationType) ? jobLocationType : [jobLocationType];
  const remote = types.some((t) => typeof t === 'string' && /telecommute|remote/i.test(t));
  if (!remote) return 'IN_PERSON';
  return hasPlace ? 'HYBRID' : 'ONLINE';
}

function hoursOf(workHours: unknown): number | undefined {
  const text = textOf(workHours);
  if (text === undefined) return undefined;
  const m = /(\d+(?:\.\d+)?)/.exec(text);
  const hours = m ? Number(m[1]) : undefined;
  return hours !== undefined && hours > 0 && hours <= 100 ? hours : undefined;
}

const PERIODS_PER_YEAR: Record<string, number> = { YEAR: 1, MONTH: 12, WEEK: 52 };

/**
 * `baseSalary` (a number, or a MonetaryAmount whose value is a number or a QuantitativeValue) as pence a
 * year. A range counts at its minimum: what the employer commits to. Non-GBP pay is left unknown.
 */
function salaryPencePerYear(baseSalary: unknown, hoursPerWeek: number | undefined): number | undefined {
  if (baseSalary === undefined || baseSalary === null) return undefined;
  let amount: number | undefined;
  let unit = 'YEAR';
  if (isObject(baseSalary)) {
    const currency = textOf(baseSalary.currency);
    if (currency !== undefined && currency.toUpperCase() !== 'GBP') return undefined;
    const value = baseSalary.value;
    if (isObject(value)) {
      amount = numberOf(value.minValue, 'baseSalary.minValue') ?? numberOf(value.value, 'baseSalary.value');
      amount ??= numberOf(value.maxValue, 'baseSalary.maxValue');
      unit = (textOf(value.unitText) ?? unit).toUpperCase();
    } else {
      amount = numberOf(value, 'baseSalary.value');
    }
    unit = (textOf(baseSalary.unitText) ?? unit).toUpperCase();
  } else {
    amount = optionalNumber(baseSalary);
  }
  if (amount === undefined) return undefined;
  if (amount < 0) throw new RecordError(`baseSalary ${amount} is negative`);
  const hours = hoursPerWeek ?? DEFAULT_HOURS_PER_WEEK;
  const perYear =
    unit === 'HOUR'
      ? amount * hours * 52
      : unit === 'DAY'
        ? amount * 5 * 52
        : amount * (PERIODS_PER_YEAR[unit] ?? 1);
  return Math.round(perYear * 100);
}
