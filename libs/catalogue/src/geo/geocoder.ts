export interface GeocodeResult {
  /** Normalised postcode ("M4 6DE"), or the outward code when only that was given. */
  postcode: string;
  outward: string;
  latitude: number;
  longitude: number;
  /** Local authority, e.g. "Manchester", when known. */
  borough?: string;
}

/**
 * Turns a postcode or outward code into coordinates.
 * Rejects with InvalidPostcodeError (malformed), UnknownPostcodeError (well-formed, not known) or
 * GeocoderUnavailableError (lookup service failed).
 */
export interface Geocoder {
  geocode(postcode: string): Promise<GeocodeResult>;
}
