import { RecordError, describeValue } from './record-error';

const ISO_DATE_TIME =
  /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?)?\s*(Z|[+-]\d{2}:?\d{2})?$/i;
const UK_DATE = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/;

const londonParts = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/London',
  hourCycle: 'h23',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
});
const offsetCache = new Map<number, number>();

/** Minutes London is ahead of UTC at the given instant (0 or 60), cached per UTC hour. */
function londonOffsetMinutes(utcMs: number): number {
  const hourKey = Math.floor(utcMs / 3_600_000);
  const cached = offsetCache.get(hourKey);
  if (cached !== undefined) return cached;
  const parts: Record<string, string> = {};
  for (const part of londonParts.formatToParts(new Date(hourKey * 3_600_000))) parts[part.type] = part.value;
  const asIfUtc = Date.UTC(+parts.year, +parts.month - 1, +parts.day, +parts.hour, +parts.minute);
  const offset = Math.round((asIfUtc - hourKey * 3_600_000) / 60_000);
  if (offsetCache.size > 50_000) offsetCache.clear();
  offsetCache.set(hourKey, offset);
  return offset;
}

/**
 * Parses a feed date. ISO 8601 with an offset is taken as given; without one (as Find an apprenticeship
 * sends "2026-12-15T23:59:59") it is UK local time, so the result does not depend on the server's zone.
 * UK "dd/mm/yyyy" (spreadsheet exports) is accepted too. Returns undefined for absent values and throws
 * RecordError for present values that are not dates.
 */
const parsedCache = new Map<string, number>();

export function parseFeedDate(value: unknown, field: string): Date | undefined {
  if (value === undefined || value === null || value === '') return undefined;
  if (typeof value !== 'string') throw notADate(value, field);
  // Feeds repeat the same few dates (closing at 23:59:59 on a handful of days) across many listings.
  const cached = parsedCache.get(value);
  if (cached !== undefined) return new Date(cached);
  const parsed = parseDateText(value.trim(), value, field);
  if (parsed !== undefined) {
    if (parsedCache.size > 20_000) parsedCache.clear();
    parsedCache.set(value, parsed.getTime());
  }
  return parsed;
}

function parseDateText(text: string, value: string, field: string): Date | undefined {
  if (text === '') return undefined;
  let y: number,
    mo: number,
    d: number,
    h = 0,
    mi = 0,
    s = 0,
    ms = 0;
  let zone: string | undefined;
  const iso = ISO_DATE_TIME.exec(text);
  if (iso) {
    [y, mo, d] = [+iso[1], +iso[2], +iso[3]];
    if (iso[4] !== undefined) [h, mi, s] = [+iso[4], +iso[5], +(iso[6] ?? 0)];
    if (iso[7] !== undefined) ms = Math.floor(+`0.${iso[7]}` * 1000);
    zone = iso[8];
  } else {
    const uk = UK_DATE.exec(text);
    if (!uk) throw notADate(value, field);
    [d, mo, y] = [+uk[1], +uk[2], +uk[3]];
  }
  const wallClockAsUtc = Date.UTC(y, mo - 1, d, h, mi, s, ms);
  const check = new Date(wallClockAsUtc);
  if (
    mo < 1 ||
    mo > 12 ||
    h > 24 ||
    mi > 59 ||
    s > 60 ||
    check.getUTCDate() !== d ||
    check.getUTCMonth() !== mo - 1
  ) {
    throw notADate(value, field);
  }
  if (zone) {
    if (zone.toUpperCase() === 'Z') return check;
    const sign = zone[0] === '-' ? -1 : 1;
    const digits = zone.slice(1).replace(':', '');
    const offsetMinutes = sign * (+digits.slice(0, 2) * 60 + +digits.slice(2));
    return new Date(wallClockAsUtc - offsetMinutes * 60_000);
  }
  // First guess with the offset at the wall-clock instant, then correct once (exact except inside the
  // non-existent hour of the spring change, where it lands an hour later).
  const guess = wallClockAsUtc - londonOffsetMinutes(wallClockAsUtc) * 60_000;
  return new Date(wallClockAsUtc - londonOffsetMinutes(guess) * 60_000);
}

function notADate(value: unknown, field: string): RecordError {
  return new RecordError(
    `${field} ${describeValue(value)} is not a date: expected ISO 8601 (e.g. 2027-01-11 or 2027-01-11T09:00:00) or dd/mm/yyyy`,
  );
}
