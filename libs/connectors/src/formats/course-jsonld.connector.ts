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
import {
  firstOf,
  isObject,
  isoDurationHours,
  isoDurationWeeks,
  latitudeOf,
  longitudeOf,
  normalisePostcode,
  optionalNumber,
  poundsToPence,
  round2,
  textList,
  textOf,
  urlOf,
  type JsonObject,
} from '../normalise/field-values';
import { htmlToText } from '../normalise/html-text';
import { buildOpportunity, parseRecord, requireText } from '../normalise/opportunity-builder';
import { RecordError } from '../normalise/record-error';
import {
  DEFAULT_TAUGHT_LEVEL,
  prerequisiteLevel,
  proficiencyForRqf,
  rqfLevelFromText,
} from '../normalise/skill-levels';
import { parseFeedDate } from '../normalise/uk-date';
import { fetchJsonLdPage, hasType, jsonLdConnectorPage, resolveRef } from './jsonld-page';

/**
 * schema.org `Course` JSON-LD, paged by following `nextPage`.
 *
 * One opportunity per CourseInstance: instances differ in what a learner chooses between (start date,
 * mode, venue), so each is its own listing, and one that is cancelled expires on its own. The source
 * reference is `{course id}#{instance id}`, the instance id being its `@id`/identifier or, failing that,
 * its start date, mode and postcode (stable when the feed reorders instances). A Course with no instances
 * is one opportunity keyed by the course id.
 *
 * Skills: `teaches` (and the description) are taught at the proficiency of the course's RQF level;
 * `coursePrerequisites` are required one level below.
 */
export const courseJsonLdConnector: Connector = {
  format: 'course-jsonld',

  async fetchPage(ctx: ConnectorContext, cursor: string | null): Promise<ConnectorPage> {
    const page = await fetchJsonLdPage(ctx, cursor);
    return this.parsePage(page.body, ctx, cursor, page.url);
  },

  parsePage(body: string, ctx: ParseContext, cursor: string | null, pageUrl?: string): ConnectorPage {
    return jsonLdConnectorPage(body, 'Course', cursor, pageUrl, (page) =>
      page.items.flatMap((raw) => parseCourse(raw, page.nodesById, ctx, pageUrl)),
    );
  },
};

function courseIdOf(raw: unknown): string | undefined {
  if (!isObject(raw)) return undefined;
  const identifier = firstOf(raw.identifier);
  const id = isObject(identifier) ? textOf(identifier.value) : textOf(identifier);
  return textOf(raw.courseCode) ?? id ?? textOf(raw['@id']) ?? textOf(raw.url);
}

function parseCourse(
  raw: unknown,
  nodesById: Map<string, JsonObject>,
  ctx: ParseContext,
  pageUrl: string | undefined,
): ParseResult[] {
  const courseRef = () => courseIdOf(raw);
  if (!hasType(raw, 'Course') || !isObject(raw)) {
    return [
      parseRecord(raw, courseRef, () => {
        throw new RecordError('item is not a schema.org Course');
      }),
    ];
  }
  const instances =
    raw.hasCourseInstance === undefined || raw.hasCourseInstance === null
      ? []
      : [raw.hasCourseInstance].flat();
  if (instances.length === 0) {
    return [
      parseRecord(raw, courseRef, () =>
        normaliseCourseInstance(raw, undefined, undefined, nodesById, ctx, pageUrl),
      ),
    ];
  }
  const seen = new Map<string, number>();
  return instances.map((instanceValue) => {
    const instance = resolveRef(instanceValue, nodesById);
    let instanceKey: string | undefined;
    try {
      instanceKey = instanceKeyOf(instance);
    } catch {
      instanceKey = undefined;
    }
    // Two instances with the same derived key (same start, mode and venue) are told apart by order.
    if (instanceKey !== undefined) {
      const count = (seen.get(instanceKey) ?? 0) + 1;
      seen.set(instanceKey, count);
      if (count > 1) instanceKey = `${instanceKey}~${count}`;
    }
    const ref = () => {
      const course = courseIdOf(raw);
      return course === undefined ? undefined : `${course}#${instanceKey ?? '?'}`;
    };
    return parseRecord({ course: raw, instance }, ref, () =>
      normaliseCourseInstance(raw, instance, instanceKey, nodesById, ctx, pageUrl),
    );
  });
}

function instanceKeyOf(instance: unknown): string {
  if (!isObject(instance)) throw new RecordError('hasCourseInstance entry is not an object');
  const identifier = firstOf(instance.identifier);
  const explicit =
    textOf(instance['@id']) ?? (isObject(identifier) ? textOf(identifier.value) : textOf(identifier));
  if (explicit !== undefined) return explicit;
  const schedule = isObject(instance.courseSchedule) ? instance.courseSchedule : undefined;
  const start = textOf(instance.startDate) ?? textOf(schedule?.startDate) ?? 'no-start';
  const mode = (textOf(instance.courseMode) ?? 'no-mode').toLowerCase();
  const postcode = normalisePostcode(postalCodeOf(instance.location, new Map())) ?? '';
  return [start, mode, postcode].filter((part) => part !== '').join('/');
}

function postalCodeOf(location: unknown, nodesById: Map<string, JsonObject>): unknown {
  const place = resolveRef(firstOf(location), nodesById);
  if (!isObject(place)) return undefined;
  const address = resolveRef(place.address, nodesById);
  return isObject(address) ? address.postalCode : undefined;
}

function normaliseCourseInstance(
  course: JsonObject,
  instanceValue: unknown,
  instanceKey: string | undefined,
  nodesById: Map<string, JsonObject>,
  ctx: ParseContext,
  pageUrl: string | undefined,
): NormalisedOpportunity {
  const courseId = requireText(courseIdOf(course), 'course id (courseCode, identifier, @id or url)');
  const instance: JsonObject = isObject(instanceValue) ? instanceValue : {};
  if (instanceValue !== undefined && !isObject(instanceValue))
    throw new RecordError('hasCourseInstance entry is not an object');
  const sourceRef = instanceKey === undefined ? courseId : `${courseId}#${instanceKey}`;
  const title = requireText(textOf(course.name), 'name');
  const organisationName = requireText(
    textOf(resolveRef(firstOf(course.provider), nodesById)) ??
      textOf(resolveRef(firstOf(instance.organizer), nodesById)),
    'provider name',
  );
  const schedule = isObject(instance.courseSchedule) ? instance.courseSchedule : undefined;
  const place = resolveRef(firstOf(instance.location ?? course.location), nodesById);
  const placeObject = isObject(place) && !hasType(place, 'VirtualLocation') ? place : undefined;
  const address = resolveRef(placeObject?.address, nodesById);
  const geo = isObject(placeObject?.geo) ? placeObject.geo : undefined;
  const postcode = normalisePostcode(isObject(address) ? address.postalCode : undefined);

  const startDate = parseFeedDate(
    textOf(instance.startDate) ?? textOf(schedule?.startDate) ?? textOf(course.startDate),
    'startDate',
  );
  const endDate = parseFeedDate(textOf(instance.endDate) ?? textOf(schedule?.endDate), 'endDate');
  if (startDate && endDate && endDate < startDate) throw new RecordError('endDate is before startDate');
  const totalHours = isoDurationHours(
    instance.courseWorkload ?? course.courseWorkload ?? course.timeRequired,
  );
  const durationWeeks = weeksOf(schedule, startDate, endDate);
  const hoursPerWeek =
    totalHours !== undefined && durationWeeks !== undefined ? round2(totalHours / durationWeeks) : undefined;

  const offer = firstOf(instance.offers ?? course.offers);
  const { costPence, fundingText } = priceOf(offer);
  const rqfLevel =
    optionalNumber(course.educationalLevel) ??
    rqfLevelFromText(textOf(course.educationalLevel)) ??
    rqfLevelFromText(textOf(course.educationalCredentialAwarded));
  const taughtLevel = proficiencyForRqf(rqfLevel) ?? DEFAULT_TAUGHT_LEVEL;
  const descriptionHtml = textOf(course.description);
  return buildOpportunity(
    {
      sourceRef,
      kind: /\bskills bootcamp\b/i.test(title) ? 'BOOTCAMP' : 'COURSE',
      title,
      description: descriptionHtml === undefined ? undefined : htmlToText(descriptionHtml) || undefined,
      organisationName,
      mode: courseMode(instance.courseMode, placeObject !== undefined),
      postcode,
      latitude: latitudeOf(geo?.latitude),
      longitude: longitudeOf(geo?.longitude),
      hoursPerWeek,
      durationWeeks,
      totalHours,
      costPence,
      rqfLevel,
      startDate,
      closingDate: parseFeedDate(
        textOf(course.applicationDeadline ?? instance.applicationDeadline),
        'applicationDeadline',
      ),
      url: urlOf(instance.url, pageUrl) ?? urlOf(course.url, pageUrl) ?? urlOf(course['@id'], pageUrl),
      funding: parseFundingText(fundingText ?? textOf(course.financialAidEligible), costPence),
    },
    {
      lists: [
        { texts: textList(course.teaches), role: 'TAUGHT', level: taughtLevel },
        {
          texts: textList(course.coursePrerequisites),
          role: 'REQUIRED',
          level: prerequisiteLevel(taughtLevel),
        },
      ],
      description: { role: 'TAUGHT', level: taughtLevel },
    },
    ctx.skillMatcher,
  );
}

/** Offer price in pence (an absent offer or price is free: course directories omit it for free courses). */
function priceOf(offer: unknown): { costPence: number; fundingText?: string } {
  if (offer === undefined || offer === null) return { costPence: 0 };
  if (!isObject(offer)) return { costPence: poundsToPence(offer, 'offers') ?? 0 };
  const currency = textOf(offer.priceCurrency);
  if (currency !== undefined && currency.toUpperCase() !== 'GBP') {
    throw new RecordError(`offers.priceCurrency is ${currency}: only GBP prices can be compared`);
  }
  const costPence = poundsToPence(offer.price, 'offers.price') ?? 0;
  const fundingText = [offer.category, offer.eligibleCustomerType, offer.description]
    .map((v) => textOf(v))
    .filter((t): t is string => t !== undefined)
    .join('; ');
  return { costPence, fundingText: fundingText === '' ? undefined : fundingText };
}

/**
 * Weeks the instance runs: repeatCount × repeatFrequency when the schedule says so (10 weekly sessions =
 * 10 weeks), else the start-to-end span counting the last week (12 Jan to 16 Mar = 10 weeks), else the
 * schedule's duration.
 */
function weeksOf(
  schedule: JsonObject | undefined,
  start: Date | undefined,
  end: Date | undefined,
): number | undefined {
  const repeatCount = optionalNumber(schedule?.repeatCount);
  const every = isoDurationWeeks(schedule?.repeatFrequency);
  if (repeatCount !== undefined && repeatCount > 0 && every !== undefined) return round2(repeatCount * every);
  if (start && end) return Math.ceil(((end.getTime() - start.getTime()) / 86_400_000 + 1) / 7);
  return isoDurationWeeks(schedule?.duration);
}

/** courseMode words feeds use; an unrecognised or missing mode is in person when there is a venue. */
function courseMode(value: unknown, hasVenue: boolean): DeliveryMode {
  const text = textList(value).join(' ').toLowerCase();
  if (/blended|hybrid|mixed/.test(text)) return 'HYBRID';
  if (/online|distance|remote|virtual|e-?learning/.test(text)) return 'ONLINE';
  if (/onsite|on-site|on site|in[- ]person|classroom|campus|face[- ]to[- ]face|workplace/.test(text))
    return 'IN_PERSON';
  return hasVenue ? 'IN_PERSON' : 'ONLINE';
}
