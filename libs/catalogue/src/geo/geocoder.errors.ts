/** Error codes the API maps to BAD_USER_INPUT (invalid/unknown) or a retryable failure (unavailable). */
export enum GeocoderErrorCode {
  InvalidPostcode = 'INVALID_POSTCODE',
  UnknownPostcode = 'UNKNOWN_POSTCODE',
  Unavailable = 'GEOCODER_UNAVAILABLE',
}

export abstract class GeocoderError extends Error {
  abstract readonly code: GeocoderErrorCode;
}

/** The text is not shaped like a UK postcode or postcode district. */
export class InvalidPostcodeError extends GeocoderError {
  readonly code = GeocoderErrorCode.InvalidPostcode;

  constructor(readonly input: string) {
    super(
      input.trim() === ''
        ? 'Enter a postcode, like M4 6DE, or just the first part, like M4.'
        : `\u201c${input.trim()}\u201d doesn\u2019t look like a UK postcode. Enter a postcode like M4 6DE, or just the first part, like M4.`,
    );
    this.name = 'InvalidPostcodeError';
  }
}

/** Well-formed, but the geocoder does not know it. */
export class UnknownPostcodeError extends GeocoderError {
  readonly code = GeocoderErrorCode.UnknownPostcode;

  /**
   * @param postcode the normalised postcode or outward code
   * @param region where the geocoder looks, for the message ("Greater Manchester", "the UK")
   */
  constructor(
    readonly postcode: string,
    region: string,
    outwardOnly = !postcode.includes(' '),
  ) {
    super(
      outwardOnly
        ? `\u201c${postcode}\u201d is not a postcode area we know in ${region}. Check it, or enter a full postcode like M4 6DE.`
        : `\u201c${postcode}\u201d is not a postcode we know in ${region}. Check it, or enter just the first part, like M4.`,
    );
    this.name = 'UnknownPostcodeError';
  }
}

/** The lookup service failed or timed out; worth retrying later. */
export class GeocoderUnavailableError extends GeocoderError {
  readonly code = GeocoderErrorCode.Unavailable;

  constructor(
    readonly reason: string,
    options?: { cause?: unknown },
  ) {
    super(
      `We couldn\u2019t look up that postcode just now (${reason}). Please try again in a minute.`,
      options,
    );
    this.name = 'GeocoderUnavailableError';
  }
}
