import { loadPostcodeDistricts, type PostcodeDistrict } from './postcode-districts';
import type { GeocodeResult, Geocoder } from './geocoder';
import { UnknownPostcodeError } from './geocoder.errors';
import { parsePostcode } from './postcode-format';

/**
 * Geocodes from a table of postcode districts: a full postcode resolves to the centroid of its
 * district (good to a couple of kilometres, enough for travel-radius filters). Offline; the
 * default for the region.
 */
export class OutwardCodeGeocoder implements Geocoder {
  private readonly districts: ReadonlyMap<string, PostcodeDistrict>;

  /** @param districts defaults to the region's table, libs/catalogue/region/postcode-districts.json */
  constructor(
    districts: readonly PostcodeDistrict[] = loadPostcodeDistricts(),
    private readonly region = 'Greater Manchester',
  ) {
    this.districts = new Map(districts.map((d) => [d.outward.toUpperCase(), d]));
  }

  geocode(postcode: string): Promise<GeocodeResult> {
    try {
      return Promise.resolve(this.lookup(postcode));
    } catch (error) {
      return Promise.reject(error);
    }
  }

  private lookup(input: string): GeocodeResult {
    const parsed = parsePostcode(input);
    const district = this.districts.get(parsed.outward);
    if (!district) throw new UnknownPostcodeError(parsed.postcode, this.region, parsed.inward === null);
    return {
      postcode: parsed.postcode,
      outward: parsed.outward,
      latitude: district.lat,
      longitude: district.lon,
      borough: district.borough,
    };
  }
}
