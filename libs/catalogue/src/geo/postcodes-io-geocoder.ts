import type { GeocodeResult, Geocoder } from './geocoder';
import { GeocoderUnavailableError, UnknownPostcodeError } from './geocoder.errors';
import { parsePostcode } from './postcode-format';

export interface PostcodesIoGeocoderOptions {
  /** e.g. "https://api.postcodes.io" or a self-hosted mirror; no trailing slash needed. */
  baseUrl: string;
  timeoutMs?: number;
  /** Injected for tests; defaults to the global fetch. */
  fetch?: typeof fetch;
  /** Named in "not a postcode we know in …" messages. */
  region?: string;
}

/** The parts of a postcodes.io `/postcodes/{pc}` or `/outcodes/{oc}` result this adapter reads. */
interface PostcodesIoResult {
  latitude: number | null;
  longitude: number | null;
  /** A string for postcodes; a list of districts for outcodes. */
  admin_district?: string | string[] | null;
}

/** HTTP adapter for a postcodes.io-compatible service, for production. */
export class PostcodesIoGeocoder implements Geocoder {
  private readonly baseUrl: string;
  private readonly timeoutMs: number;
  private readonly fetchImpl: typeof fetch;
  private readonly region: string;

  constructor(options: PostcodesIoGeocoderOptions) {
    this.baseUrl = options.baseUrl.replace(/\/+$/, '');
    this.timeoutMs = options.timeoutMs ?? 3000;
    this.fetchImpl = options.fetch ?? fetch;
    this.region = options.region ?? 'the UK';
  }

  async geocode(postcode: string): Promise<GeocodeResult> {
    const parsed = parsePostcode(postcode);
    const outwardOnly = parsed.inward === null;
    const path = outwardOnly
      ? `/outcodes/${encodeURIComponent(parsed.outward)}`
      : `/postcodes/${encodeURIComponent(parsed.postcode)}`;
    const result = await this.get(path, parsed.postcode, outwardOnly);
    if (typeof result.latitude !== 'number' || typeof result.longitude !== 'number') {
      // postcodes.io keeps some postcodes (e.g. large-user or new ones) without coordinates.
      throw new UnknownPostcodeError(parsed.postcode, this.region, outwardOnly);
    }
    const district = Array.isArray(result.admin_district) ? result.admin_district[0] : result.admin_district;
    return {
      postcode: parsed.postcode,
      outward: parsed.outward,
      latitude: result.latitude,
      longitude: result.longitude,
      ...(district ? { borough: district } : {}),
    };
  }

  private async get(path: string, postcode: string, outwardOnly: boolean): Promise<PostcodesIoResult> {
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), this.timeoutMs);
    try {
      const response = await this.fetchImpl(`${this.baseUrl}${path}`, {
        signal: controller.signal,
        headers: { accept: 'application/json' },
      });
      if (response.status === 404) throw new UnknownPostcodeError(postcode, this.region, outwardOnly);
      if (!response.ok)
        throw new GeocoderUnavailableError(`postcode service answered HTTP ${response.status}`);
      const body = (await response.json()) as { result?: PostcodesIoResult | null };
      if (!body.result) throw new UnknownPostcodeError(postcode, this.region, outwardOnly);
      return body.result;
    } catch (error) {
      if (error instanceof UnknownPostcodeError || error instanceof GeocoderUnavailableError) throw error;
      if (controller.signal.aborted) {
        throw new GeocoderUnavailableError(`no answer within ${this.timeoutMs} ms`, { cause: error });
      }
      throw new GeocoderUnavailableError((error as Error).message, { cause: error });
    } finally {
      clearTimeout(timer);
    }
  }
}
