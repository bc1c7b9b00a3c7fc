import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'http';
import type { AddressInfo } from 'net';
import { GeocoderUnavailableError, InvalidPostcodeError, UnknownPostcodeError } from './geocoder.errors';
import { PostcodesIoGeocoder } from './postcodes-io-geocoder';

/** A local stand-in for postcodes.io, answering with its response shapes. */
function fakePostcodesIo(
  handler: (req: IncomingMessage, res: ServerResponse) => void,
): Promise<{ server: Server; baseUrl: string }> {
  const server = createServer(handler);
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      resolve({ server, baseUrl: `http://127.0.0.1:${port}` });
    });
  });
}

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify(body));
}

describe('PostcodesIoGeocoder against a local postcodes.io-shaped server', () => {
  let server: Server;
  let baseUrl: string;
  const requested: string[] = [];

  beforeAll(async () => {
    ({ server, baseUrl } = await fakePostcodesIo((req, res) => {
      const url = decodeURIComponent(req.url ?? '');
      requested.push(url);
      if (url === '/postcodes/M4 6DE') {
        sendJson(res, 200, {
          status: 200,
          result: {
            postcode: 'M4 6DE',
            outcode: 'M4',
            latitude: 53.48461,
            longitude: -2.22395,
            admin_district: 'Manchester',
          },
        });
      } else if (url === '/postcodes/SK1 3XE') {
        sendJson(res, 200, {
          status: 200,
          result: { postcode: 'SK1 3XE', latitude: null, longitude: null, admin_district: null },
        });
      } else if (url === '/outcodes/OL16') {
        sendJson(res, 200, {
          status: 200,
          result: {
            outcode: 'OL16',
            latitude: 53.6121,
            longitude: -2.1255,
            admin_district: ['Rochdale', 'Oldham'],
          },
        });
      } else if (url === '/postcodes/BL1 1AA') {
        sendJson(res, 500, { status: 500, error: 'Internal server error' });
      } else if (url === '/postcodes/WN1 1AA') {
        setTimeout(
          () => sendJson(res, 200, { status: 200, result: { latitude: 53.55, longitude: -2.63 } }),
          1500,
        );
      } else if (url === '/postcodes/WN2 2AA') {
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end('{not json');
      } else {
        sendJson(res, 404, { status: 404, error: 'Postcode not found' });
      }
    }));
  });

  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });

  const geocoder = (timeoutMs = 1000) => new PostcodesIoGeocoder({ baseUrl: `${baseUrl}/`, timeoutMs });

  it('normalises the postcode, asks /postcodes/{pc} and returns coordinates and district', async () => {
    await expect(geocoder().geocode('m46de')).resolves.toEqual({
      postcode: 'M4 6DE',
      outward: 'M4',
      latitude: 53.48461,
      longitude: -2.22395,
      borough: 'Manchester',
    });
    expect(requested).toContain('/postcodes/M4 6DE');
  });

  it('asks /outcodes/{oc} for an outward code alone and takes its first district', async () => {
    await expect(geocoder().geocode('ol16')).resolves.toEqual({
      postcode: 'OL16',
      outward: 'OL16',
      latitude: 53.6121,
      longitude: -2.1255,
      borough: 'Rochdale',
    });
  });

  it('turns a 404 into UnknownPostcodeError with a message a person can act on', async () => {
    const error = await geocoder()
      .geocode('ZZ9 9ZZ')
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UnknownPostcodeError);
    expect((error as Error).message).toBe(
      '\u201cZZ9 9ZZ\u201d is not a postcode we know in the UK. Check it, or enter just the first part, like M4.',
    );
  });

  it('treats a postcode without coordinates as unknown', async () => {
    await expect(geocoder().geocode('SK1 3XE')).rejects.toBeInstanceOf(UnknownPostcodeError);
  });

  it('rejects malformed input before making any request', async () => {
    const before = requested.length;
    await expect(geocoder().geocode('M4-6DE')).rejects.toBeInstanceOf(InvalidPostcodeError);
    expect(requested.length).toBe(before);
  });

  it('reports a server error as unavailable, not as the user\u2019s mistake', async () => {
    await expect(geocoder().geocode('BL1 1AA')).rejects.toThrow(GeocoderUnavailableError);
    await expect(geocoder().geocode('BL1 1AA')).rejects.toThrow('HTTP 500');
  });

  it('reports a garbled answer as unavailable', async () => {
    await expect(geocoder().geocode('WN2 2AA')).rejects.toBeInstanceOf(GeocoderUnavailableError);
  });

  it('gives up after the timeout', async () => {
    const started = Date.now();
    const error = await geocoder(200)
      .geocode('WN1 1AA')
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GeocoderUnavailableError);
    expect((error as Error).message).toContain('no answer within 200 ms');
    expect(Date.now() - started).toBeLessThan(1200);
  });

  it('reports an unreachable service as unavailable', async () => {
    const closed = await fakePostcodesIo(() => undefined);
    const deadUrl = closed.baseUrl;
    await new Promise((resolve) => closed.server.close(resolve));
    await expect(
      new PostcodesIoGeocoder({ baseUrl: deadUrl, timeoutMs: 1000 }).geocode('M4 6DE'),
    ).rejects.toBeInstanceOf(GeocoderUnavailableError);
  });
});
