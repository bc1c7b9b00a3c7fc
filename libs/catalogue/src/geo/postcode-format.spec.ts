import { InvalidPostcodeError } from './geocoder.errors';
import { isValidPostcode, parsePostcode } from './postcode-format';

describe('parsePostcode', () => {
  it.each([
    ['m46de', 'M4 6DE', 'M4', '6DE'],
    ['M4 6DE', 'M4 6DE', 'M4', '6DE'],
    ['  sk1   3xe ', 'SK1 3XE', 'SK1', '3XE'],
    ['OL16 1AB', 'OL16 1AB', 'OL16', '1AB'],
    ['wa156nl', 'WA15 6NL', 'WA15', '6NL'],
    ['EC1A 1BB', 'EC1A 1BB', 'EC1A', '1BB'],
    ['W1A 0AX', 'W1A 0AX', 'W1A', '0AX'],
    ['bl0 9ab', 'BL0 9AB', 'BL0', '9AB'],
  ])('normalises the full postcode %p to %p', (input, postcode, outward, inward) => {
    expect(parsePostcode(input)).toEqual({ postcode, outward, inward });
  });

  it.each([
    ['m4', 'M4'],
    [' M46 ', 'M46'],
    ['sk16', 'SK16'],
    ['EC1A', 'EC1A'],
  ])('accepts the outward code alone: %p', (input, outward) => {
    expect(parsePostcode(input)).toEqual({ postcode: outward, outward, inward: null });
  });

  it.each([
    '',
    '   ',
    'M',
    '4M 6DE',
    'M4 6D',
    'M4 6DEE',
    'MANCHESTER',
    'M4-6DE',
    'M4 6CI',
    'M4 DE6',
    '12345',
    'M4 6DE extra',
  ])('rejects %p as malformed', (input) => {
    expect(() => parsePostcode(input)).toThrow(InvalidPostcodeError);
    expect(isValidPostcode(input)).toBe(false);
  });

  it('explains a malformed postcode in a way a person can act on', () => {
    expect(() => parsePostcode('M4-6DE')).toThrow(
      '\u201cM4-6DE\u201d doesn\u2019t look like a UK postcode. Enter a postcode like M4 6DE, or just the first part, like M4.',
    );
    expect(() => parsePostcode('  ')).toThrow(
      'Enter a postcode, like M4 6DE, or just the first part, like M4.',
    );
  });
});
