import { badInput } from './app-error';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Whether a string is a UUID (every id in the API is one): checked before it reaches SQL. */
export function isUuid(value: unknown): value is string {
  return typeof value === 'string' && UUID.test(value);
}

/** The page size every list accepts: a whole number from 1 to `max`, or BAD_USER_INPUT. */
export function checkPageSize(first: number, max = 100): void {
  if (!Number.isInteger(first) || first < 1 || first > max) {
    throw badInput(`first must be a whole number from 1 to ${max} (got ${first})`);
  }
}
