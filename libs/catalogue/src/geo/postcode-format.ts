import { InvalidPostcodeError } from './geocoder.errors';

export interface ParsedPostcode {
  /** "M4 6DE", or just the outward code ("M4") when only that was given. */
  postcode: string;
  outward: string;
  inward: string | null;
}

// Outward code: area (1–2 letters) and district (digit, then an optional digit or letter). The area
// letters are not narrowed further: whether an area exists is the geocoder's "unknown", not a format
// error. Inward code: digit + two letters, never C, I, K, M, O or V.
const OUTWARD = /^[A-Z]{1,2}[0-9][A-Z0-9]?$/;
const INWARD = /^[0-9][ABD-HJLNP-UW-Z]{2}$/;

/**
 * Validates and normalises a UK postcode or outward code: "m46de" → "M4 6DE", " sk1 " → "SK1".
 * @throws InvalidPostcodeError
 */
export function parsePostcode(input: string): ParsedPostcode {
  const compact = input.replace(/\s+/g, '').toUpperCase();
  if (OUTWARD.test(compact)) return { postcode: compact, outward: compact, inward: null };
  if (compact.length >= 5 && compact.length <= 7) {
    const outward = compact.slice(0, -3);
    const inward = compact.slice(-3);
    if (OUTWARD.test(outward) && INWARD.test(inward))
      return { postcode: `${outward} ${inward}`, outward, inward };
  }
  throw new InvalidPostcodeError(input);
}

/** The outward code of a well-formed postcode or outward code ("m4 6de" → "M4"), or null; never throws. */
export function outwardCodeOf(input: string): string | null {
  const compact = input.replace(/\s+/g, '').toUpperCase();
  if (OUTWARD.test(compact)) return compact;
  if (compact.length < 5 || compact.length > 7) return null;
  const outward = compact.slice(0, -3);
  return OUTWARD.test(outward) && INWARD.test(compact.slice(-3)) ? outward : null;
}

/** True when `input` is a well-formed postcode or outward code. */
export function isValidPostcode(input: string): boolean {
  try {
    parsePostcode(input);
    return true;
  } catch {
    return false;
  }
}
