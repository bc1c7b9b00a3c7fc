import { outwardCodeOf } from './postcode-format';
import { RegionBoroughs, regionBoroughs } from './region-boroughs';

describe('RegionBoroughs', () => {
  const region = new RegionBoroughs([
    { outward: 'M4', borough: 'Manchester' },
    { outward: 'BL1', borough: 'Bolton' },
    { outward: 'm1', borough: 'Manchester' },
  ]);

  it('lists the boroughs once each, sorted', () => {
    expect(region.boroughs).toEqual(['Bolton', 'Manchester']);
  });

  it('places full postcodes and outward codes, however they are written', () => {
    expect(region.boroughOf('BL1 1RU')).toBe('Bolton');
    expect(region.boroughOf('bl11ru')).toBe('Bolton');
    expect(region.boroughOf(' m4 ')).toBe('Manchester');
    expect(region.boroughOf('M1 3HU')).toBe('Manchester');
  });

  it('does not confuse M4 with M44 or M46, and places nothing outside the region', () => {
    expect(region.boroughOf('M44 5AB')).toBeNull();
    expect(region.boroughOf('M46')).toBeNull();
    expect(region.boroughOf('LS1 4AP')).toBeNull();
  });

  it('returns null for missing or malformed postcodes instead of throwing', () => {
    expect(region.boroughOf(null)).toBeNull();
    expect(region.boroughOf(undefined)).toBeNull();
    expect(region.boroughOf('')).toBeNull();
    expect(region.boroughOf('Manchester city centre')).toBeNull();
    expect(region.boroughOf('M4 6DC')).toBeNull(); // C is never in an inward code
  });

  it("covers the demo region's ten boroughs", () => {
    expect(regionBoroughs().boroughs).toHaveLength(10);
    expect(regionBoroughs().boroughOf('WN1 1YN')).toBe('Wigan');
    expect(regionBoroughs()).toBe(regionBoroughs());
  });
});

describe('outwardCodeOf', () => {
  it('agrees with the postcode format: outward code or null', () => {
    expect(outwardCodeOf('sk1 3xe')).toBe('SK1');
    expect(outwardCodeOf('EC1A 1BB')).toBe('EC1A');
    expect(outwardCodeOf('EC1A')).toBe('EC1A');
    expect(outwardCodeOf('12345')).toBeNull();
    expect(outwardCodeOf('M4 6DEE')).toBeNull();
  });
});
