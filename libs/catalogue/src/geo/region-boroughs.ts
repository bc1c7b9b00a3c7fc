import { loadPostcodeDistricts, type PostcodeDistrict } from './postcode-districts';
import { outwardCodeOf } from './postcode-format';

/**
 * The region's boroughs and which borough a postcode is in, from the region's postcode-district table
 * (the same table the OutwardCodeGeocoder places learners with). Synchronous and in memory, so the
 * listing refresh can call it for every record.
 */
export class RegionBoroughs {
  private readonly byOutward: ReadonlyMap<string, string>;
  /** Every borough of the region, sorted. */
  readonly boroughs: readonly string[];

  /** @param districts defaults to the region's table, libs/catalogue/region/postcode-districts.json */
  constructor(districts: readonly Pick<PostcodeDistrict, 'outward' | 'borough'>[] = loadPostcodeDistricts()) {
    this.byOutward = new Map(districts.map((d) => [d.outward.toUpperCase(), d.borough]));
    this.boroughs = [...new Set(this.byOutward.values())].sort();
  }

  /** The borough of a postcode or outward code in the region; null when it is malformed, missing or outside. */
  boroughOf(postcode: string | null | undefined): string | null {
    if (!postcode) return null;
    const outward = outwardCodeOf(postcode);
    return (outward && this.byOutward.get(outward)) ?? null;
  }
}

let region: RegionBoroughs | undefined;

/** One shared instance over the region's table (it is read from disk once). */
export function regionBoroughs(): RegionBoroughs {
  return (region ??= new RegionBoroughs());
}
