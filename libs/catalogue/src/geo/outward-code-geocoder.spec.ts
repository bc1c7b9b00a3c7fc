import { GeocoderErrorCode, InvalidPostcodeError, UnknownPostcodeError } from './geocoder.errors';
import { OutwardCodeGeocoder } from './outward-code-geocoder';

describe('OutwardCodeGeocoder', () => {
  const table = new OutwardCodeGeocoder([
    { outward: 'M4', borough: 'Manchester', lat: 53.4846, lon: -2.225 },
    { outward: 'SK1', borough: 'Stockport', lat: 53.408, lon: -2.15 },
  ]);

  it('resolves a full postcode to its district centroid, normalised', async () => {
    await expect(table.geocode('m46de')).resolves.toEqual({
      postcode: 'M4 6DE',
      outward: 'M4',
      latitude: 53.4846,
      longitude: -2.225,
      borough: 'Manchester',
    });
  });

  it('resolves an outward code on its own', async () => {
    await expect(table.geocode(' sk1 ')).resolves.toMatchObject({
      postcode: 'SK1',
      outward: 'SK1',
      borough: 'Stockport',
    });
  });

  it('does not confuse M4 with M46 or M44', async () => {
    await expect(table.geocode('M46 9AB')).rejects.toBeInstanceOf(UnknownPostcodeError);
    await expect(table.geocode('M44')).rejects.toBeInstanceOf(UnknownPostcodeError);
  });

  it('rejects a well-formed but unknown postcode with a message naming the region and a way forward', async () => {
    const error = await table.geocode('ZZ9 9ZZ').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UnknownPostcodeError);
    expect((error as UnknownPostcodeError).code).toBe(GeocoderErrorCode.UnknownPostcode);
    expect((error as Error).message).toBe(
      '\u201cZZ9 9ZZ\u201d is not a postcode we know in Greater Manchester. Check it, or enter just the first part, like M4.',
    );
  });

  it('says "postcode area" for an unknown outward code', async () => {
    await expect(table.geocode('ZZ9')).rejects.toThrow(
      '\u201cZZ9\u201d is not a postcode area we know in Greater Manchester. Check it, or enter a full postcode like M4 6DE.',
    );
  });

  it('rejects malformed input as invalid, not unknown', async () => {
    await expect(table.geocode('not a postcode')).rejects.toBeInstanceOf(InvalidPostcodeError);
  });

  it('loads the demo region table by default and knows all ten boroughs', async () => {
    const demo = new OutwardCodeGeocoder();
    const samples: [string, string][] = [
      ['BL1 1AA', 'Bolton'],
      ['BL9 0AA', 'Bury'],
      ['M4 6DE', 'Manchester'],
      ['OL1 1AA', 'Oldham'],
      ['OL16 1AA', 'Rochdale'],
      ['M50 3AA', 'Salford'],
      ['SK1 3AA', 'Stockport'],
      ['OL6 6AA', 'Tameside'],
      ['WA14 1AA', 'Trafford'],
      ['WN1 1AA', 'Wigan'],
    ];
    for (const [postcode, borough] of samples) {
      await expect(demo.geocode(postcode)).resolves.toMatchObject({ postcode, borough });
    }
  });
});
