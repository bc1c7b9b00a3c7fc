export const DAY_MS = 86_400_000;
export const isoDay = (day: number): string => new Date(day * DAY_MS).toISOString().slice(0, 10);
export const dayOf = (iso: string): number => Math.floor(Date.parse(iso) / DAY_MS);
const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];
/** "3 February 2025": plain, and the same in every locale and time zone. */
export const longDate = (day: number): string => {
  const d = new Date(day * DAY_MS);
  return `${d.getUTCDate()} ${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()}`;
};
/** "£450" or "£12.50". */
export const pounds = (pence: number): string =>
  `£${(pence / 100).toFixed(pence % 100 === 0 ? 0 : 2).replace(/\B(?=(\d{3})+(?!\d))/g, ',')}`;
