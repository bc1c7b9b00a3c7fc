import { RecordError, describeValue } from './record-error';

export type JsonObject = Record<string, unknown>;

export function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * The text of a field that feeds send in many shapes: a string, a number, a JSON-LD value object
 * (`{"@value": ...}`), a thing with a `name`, or an array of those (the first with text wins).
 */
export function textOf(value: unknown): string | undefined {
  if (typeof value === 'string') {
    const trimmed = value.trim();
    return trimmed === '' ? undefined : trimmed;
  }
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  if (Array.isArray(value)) {
    for (const item of value) {
      const text = textOf(item);
      if (text !== undefined) return text;
    }
    return undefined;
  }
  if (isObject(value)) return textOf(value['@value'] ?? value.name ?? value.value);
  return undefined;
}

/** Every text in a list-ish field: an array, one object, or one `;`/`,`/newline separated string. */
export function textList(value: unknown): string[] {
  if (value === undefined || value === null) return [];
  if (typeof value === 'string') {
    return value
      .split(/[;,\n]/)
      .map((part) => part.trim())
      .filter((part) => part !== '');
  }
  // Items of an array are already one skill each: a comma inside one is part of its text.
  const items = Array.isArray(value) ? value : [value];
  const texts: string[] = [];
  for (const item of items) {
    const text = textOf(item);
    if (text !== undefined) texts.push(text);
  }
  return texts;
}

/** The first element when a field may be one object or an array of them. */
export function firstOf(value: unknown): unknown {
  return Array.isArray(value) ? value[0] : value;
}

/** A finite number from a number or a numeric string; undefined when absent; RecordError when present but not a number. */
export function numberOf(value: unknown, field: string): number | undefined {
  if (value === undefined || value === null || value === '') return undefined;
  if (typeof value === 'number') {
    if (Number.isFinite(value)) return value;
  } else if (typeof value === 'string') {
    const n = Number(value.trim().replace(/,/g, ''));
    if (value.trim() !== '' && Number.isFinite(n)) return n;
  } else if (isObject(value) && '@value' in value) {
    return numberOf(value['@value'], field);
  }
  throw new RecordError(`${field} ${describeValue(value)} is not a number`);
}

/** Like numberOf, but a value that is not a number is treated as absent (for fields we can live without). */
export function optionalNumber(value: unknown): number | undefined {
  try {
    return numberOf(value, '');
  } catch {
    return undefined;
  }
}

export function latitudeOf(value: unknown): number | undefined {
  const n = optionalNumber(value);
  return n !== undefined && n >= -90 && n <= 90 ? n : undefined;
}

export function longitudeOf(value: unknown): number | undefined {
  const n = optionalNumber(value);
  return n !== undefined && n >= -180 && n <= 180 ? n : undefined;
}

/**
 * Money in pounds (a number, or text like "£1,250.00" or "Free") to integer pence.
 * Throws RecordError for a negative amount or text that is not money.
 */
export function poundsToPence(value: unknown, field: string): number | undefined {
  if (value === undefined || value === null || value === '') return undefined;
  let pounds: number | undefined;
  if (typeof value === 'number') pounds = value;
  else if (typeof value === 'string') {
    const cleaned = value
      .trim()
      .replace(/^£\s*/, '')
      .replace(/,/g, '')
      .replace(/\s*GBP$/i, '');
    if (/^(free|nil|none)$/i.test(cleaned)) return 0;
    pounds = cleaned === '' ? undefined : Number(cleaned);
  } else if (isObject(value) && '@value' in value) {
    return poundsToPence(value['@value'], field);
  }
  if (pounds === undefined || !Number.isFinite(pounds)) {
    throw new RecordError(`${field} ${describeValue(value)} is not an amount of money`);
  }
  if (pounds < 0) throw new RecordError(`${field} ${describeValue(value)} is negative`);
  return Math.round(pounds * 100);
}

const POSTCODE = /^([A-Z]{1,2}\d[A-Z\d]?)\s*(\d[A-Z]{2})$/;

/** UK postcode, upper case with one space ("m46de" → "M4 6DE"); other text is kept trimmed and upper-cased. */
export function normalisePostcode(value: unknown): string | undefined {
  const text = textOf(value);
  if (text === undefined) return undefined;
  const upper = text.toUpperCase().replace(/\s+/g, ' ');
  const m = POSTCODE.exec(upper);
  return m ? `${m[1]} ${m[2]}` : upper;
}

/** An absolute http(s) URL, or undefined (feeds put "N/A" and relative junk in URL fields). */
export function urlOf(value: unknown, base?: string): string | undefined {
  const text = textOf(value);
  if (text === undefined) return undefined;
  try {
    const url = new URL(text, base);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.toString() : undefined;
  } catch {
    return undefined;
  }
}

export interface IsoDuration {
  years: number;
  months: number;
  weeks: number;
  days: number;
  hours: number;
  minutes: number;
}

const ISO_DURATION =
  /^P(?:(\d+(?:\.\d+)?)Y)?(?:(\d+(?:\.\d+)?)M)?(?:(\d+(?:\.\d+)?)W)?(?:(\d+(?:\.\d+)?)D)?(?:T(?:(\d+(?:\.\d+)?)H)?(?:(\d+(?:\.\d+)?)M)?(?:(\d+(?:\.\d+)?)S)?)?$/i;

export function parseIsoDuration(value: unknown): IsoDuration | undefined {
  const text = textOf(value);
  if (text === undefined || text === 'P' || text.endsWith('T')) return undefined;
  const m = ISO_DURATION.exec(text);
  if (!m) return undefined;
  const n = (i: number) => (m[i] === undefined ? 0 : Number(m[i]));
  return { years: n(1), months: n(2), weeks: n(3), days: n(4), hours: n(5) + n(7) / 3600, minutes: n(6) };
}

/** Hours in a time-only ISO duration ("PT20H", "PT1H30M"); undefined for calendar durations or junk. */
export function isoDurationHours(value: unknown): number | undefined {
  const d = parseIsoDuration(value);
  if (!d || d.years || d.months || d.weeks || d.days) return undefined;
  const hours = d.hours + d.minutes / 60;
  return hours > 0 ? round2(hours) : undefined;
}

/** Weeks in a calendar ISO duration ("P1W", "P3M"). */
export function isoDurationWeeks(value: unknown): number | undefined {
  const d = parseIsoDuration(value);
  if (!d) return undefined;
  const weeks = d.years * 52 + (d.months * 52) / 12 + d.weeks + d.days / 7;
  return weeks > 0 ? round2(weeks) : undefined;
}

const WORDY_DURATION = /(\d+(?:\.\d+)?)\s*(years?|yrs?|months?|mths?|weeks?|wks?|days?)\b/gi;

/** Weeks in a wordy duration: "18 Months" → 78, "1 year 6 months" → 78, "12 weeks" → 12. */
const wordyDurationCache = new Map<string, number | undefined>();

export function wordyDurationWeeks(value: unknown): number | undefined {
  const text = textOf(value);
  if (text === undefined) return undefined;
  // Feeds repeat a handful of durations ("12 Months", "18 Months") across thousands of listings.
  if (wordyDurationCache.has(text)) return wordyDurationCache.get(text);
  const weeks = readWordyDuration(text);
  if (wordyDurationCache.size > 10_000) wordyDurationCache.clear();
  wordyDurationCache.set(text, weeks);
  return weeks;
}

function readWordyDuration(text: string): number | undefined {
  let weeks = 0;
  let matched = false;
  // "6 to 12 months": the first figure is the planning figure; ranges are rare and only ever in months.
  const firstRange = /(\d+(?:\.\d+)?)\s*(?:to|-|–)\s*\d+(?:\.\d+)?\s*(years?|months?|weeks?)/i.exec(text);
  const source = firstRange ? `${firstRange[1]} ${firstRange[2]}` : text;
  for (const m of source.matchAll(WORDY_DURATION)) {
    matched = true;
    const amount = Number(m[1]);
    const unit = m[2].toLowerCase();
    if (unit.startsWith('y')) weeks += amount * 52;
    else if (unit.startsWith('m')) weeks += (amount * 52) / 12;
    else if (unit.startsWith('w')) weeks += amount;
    else weeks += amount / 7;
  }
  return matched && weeks > 0 ? round2(weeks) : undefined;
}

export function round2(n: number): number {
  return Math.round(n * 100) / 100;
}

export function booleanOf(value: unknown): boolean | undefined {
  if (typeof value === 'boolean') return value;
  const text = textOf(value)?.toLowerCase();
  if (text === undefined) return undefined;
  if (['true', 'yes', 'y', '1'].includes(text)) return true;
  if (['false', 'no', 'n', '0'].includes(text)) return false;
  return undefined;
}
