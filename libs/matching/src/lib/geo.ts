import { GeoPoint } from './matching.types';

/** Mean Earth radius (IUGG), as fixed by the planning contract. */
export const EARTH_RADIUS_KM = 6371.0088;
const RAD = Math.PI / 180;

/** Great-circle distance in km (haversine). */
export function haversineKm(a: GeoPoint, b: GeoPoint): number {
  return haversineKmRaw(a.lat, a.lon, b.lat, b.lon);
}

export function haversineKmRaw(lat1: number, lon1: number, lat2: number, lon2: number): number {
  const dLat = (lat2 - lat1) * RAD;
  const dLon = (lon2 - lon1) * RAD;
  const s1 = Math.sin(dLat / 2);
  const s2 = Math.sin(dLon / 2);
  const h = s1 * s1 + Math.cos(lat1 * RAD) * Math.cos(lat2 * RAD) * s2 * s2;
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(h)));
}

/**
 * A distance as a resident reads it: "1.4 km away.", "12 km away.", never "0.0 km away." Rounded the same
 * way the web client rounds the "Where" line (one decimal under 10 km, whole kilometres above), so the
 * two never disagree on one page.
 */
export function distanceWords(km: number): string {
  if (km < 0.05) return 'Less than 100 metres away.';
  return `${km < 9.95 ? km.toFixed(1) : Math.round(km)} km away.`;
}
