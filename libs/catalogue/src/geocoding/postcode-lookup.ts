import { badInput } from '@skillpath/common';
import { Geocoder, InvalidPostcodeError, UnknownPostcodeError } from '../geo';

export const GEOCODER = Symbol('GEOCODER');

export interface Place {
  postcode: string;
  latitude: number;
  longitude: number;
  borough?: string;
}

/** Postcodes to places for the API: a malformed or unknown postcode is the user's to fix. */
export interface PostcodeLookup {
  lookup(postcode: string): Promise<Place>;
}

export class GeocoderPostcodeLookup implements PostcodeLookup {
  constructor(private readonly geocoder: Geocoder) {}

  async lookup(postcode: string): Promise<Place> {
    try {
      const g = await this.geocoder.geocode(postcode);
      return { postcode: g.postcode, latitude: g.latitude, longitude: g.longitude, borough: g.borough };
    } catch (e) {
      if (e instanceof InvalidPostcodeError || e instanceof UnknownPostcodeError)
        throw badInput(e.message, { field: 'postcode' });
      throw e;
    }
  }
}
