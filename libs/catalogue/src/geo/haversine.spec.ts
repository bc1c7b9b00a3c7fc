import { MEAN_EARTH_RADIUS_KM, haversineKm } from './haversine';

describe('haversineKm', () => {
  it('is zero from a point to itself', () => {
    expect(
      haversineKm({ latitude: 53.4808, longitude: -2.2426 }, { latitude: 53.4808, longitude: -2.2426 }),
    ).toBe(0);
  });

  it('gives one degree of latitude along a meridian as 2πR/360', () => {
    const km = haversineKm({ latitude: 53, longitude: -2 }, { latitude: 54, longitude: -2 });
    expect(km).toBeCloseTo((2 * Math.PI * MEAN_EARTH_RADIUS_KM) / 360, 6);
    expect(km).toBeCloseTo(111.195, 3);
  });

  it('gives equator to pole as a quarter of the circumference, and antipodes as half', () => {
    expect(haversineKm({ latitude: 0, longitude: 0 }, { latitude: 90, longitude: 0 })).toBeCloseTo(
      10007.557,
      2,
    );
    expect(haversineKm({ latitude: 0, longitude: 0 }, { latitude: 0, longitude: 180 })).toBeCloseTo(
      20015.115,
      2,
    );
    expect(haversineKm({ latitude: 10, longitude: 20 }, { latitude: -10, longitude: -160 })).toBeCloseTo(
      20015.115,
      2,
    );
  });

  it('matches the textbook Nashville (BNA) to Los Angeles (LAX) distance, rescaled to this radius', () => {
    // 2887.2599 km is the widely published figure for R = 6372.8 km.
    const expected = (2887.2599506 * MEAN_EARTH_RADIUS_KM) / 6372.8;
    expect(
      haversineKm({ latitude: 36.12, longitude: -86.67 }, { latitude: 33.94, longitude: -118.4 }),
    ).toBeCloseTo(expected, 3);
  });

  it('puts Manchester about 262 km from London, and is symmetric', () => {
    const manchester = { latitude: 53.4808, longitude: -2.2426 };
    const london = { latitude: 51.5074, longitude: -0.1278 };
    expect(haversineKm(manchester, london)).toBeGreaterThan(260);
    expect(haversineKm(manchester, london)).toBeLessThan(265);
    expect(haversineKm(manchester, london)).toBe(haversineKm(london, manchester));
  });

  it('measures across the antimeridian the short way', () => {
    expect(haversineKm({ latitude: 0, longitude: 179.5 }, { latitude: 0, longitude: -179.5 })).toBeCloseTo(
      111.195,
      2,
    );
  });
});
