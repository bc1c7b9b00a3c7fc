import type { DeliveryMode } from '../gql/generated';

const money = new Intl.NumberFormat('en-GB', {
  style: 'currency',
  currency: 'GBP',
  maximumFractionDigits: 0,
});
const date = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'short',
  year: 'numeric',
  timeZone: 'UTC',
});

export function formatPence(pence: number): string {
  if (pence === 0) return '£0';
  return money.format(pence / 100);
}

export function formatDate(iso: string | null | undefined): string | null {
  if (!iso) return null;
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? null : date.format(d);
}

export function formatHours(hours: number | null | undefined): string | null {
  if (hours == null) return null;
  const h = Math.round(hours);
  return `${h} hour${h === 1 ? '' : 's'}`;
}

export function formatKm(km: number | null | undefined): string | null {
  if (km == null) return null;
  if (km < 0.05) return 'less than 100 metres';
  const miles = km * 0.621371;
  return `${km < 9.95 ? km.toFixed(1) : Math.round(km)} km (${miles < 9.95 ? miles.toFixed(1) : Math.round(miles)} miles)`;
}

export function percent(share: number): string {
  return `${Math.round(share * 100)}%`;
}

export const LEVEL_NAMES: Record<number, string> = {
  1: 'Just starting',
  2: 'Basic',
  3: 'Confident',
  4: 'Skilled',
  5: 'Expert',
};

/** Every delivery mode (typed from the API's schema, so a new one fails the build here) and its name. */
export const MODE_NAMES: Record<DeliveryMode, string> = {
  IN_PERSON: 'In person',
  ONLINE: 'Online',
  HYBRID: 'Mix of online and in person',
};
export const DELIVERY_MODES = Object.keys(MODE_NAMES) as DeliveryMode[];

export const KIND_NAMES: Record<string, string> = {
  COURSE: 'Course',
  BOOTCAMP: 'Skills Bootcamp',
  APPRENTICESHIP: 'Apprenticeship',
  VACANCY: 'Job',
};

/**
 * Roadmap progress in words, from the API's one figure (Roadmap.progress for the resident,
 * stepsCompleted/stepsTotal for employers and partnerships): the same words on every page.
 */
export function progressWords(done: number, total: number): string {
  return `${done} of ${total} learning step${total === 1 ? '' : 's'} done`;
}
