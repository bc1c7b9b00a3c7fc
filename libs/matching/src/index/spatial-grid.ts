/** A fixed lat/lon grid over Great Britain; points outside clamp to the edge cells, so any point works. */
export const GRID = {
  latMin: 49.8,
  latMax: 61.0,
  lonMin: -8.8,
  lonMax: 2.0,
  latStep: 0.1,
  lonStep: 0.16,
} as const;
export const GRID_ROWS = Math.ceil((GRID.latMax - GRID.latMin) / GRID.latStep);
export const GRID_COLS = Math.ceil((GRID.lonMax - GRID.lonMin) / GRID.lonStep);
/** One extra cell for opportunities without a location. */
export const NOWHERE_CELL = GRID_ROWS * GRID_COLS;
export const CELL_COUNT = NOWHERE_CELL + 1;

const clamp = (x: number, lo: number, hi: number): number => (x < lo ? lo : x > hi ? hi : x);

export function rowOf(lat: number): number {
  return clamp(Math.floor((lat - GRID.latMin) / GRID.latStep), 0, GRID_ROWS - 1);
}

export function colOf(lon: number): number {
  return clamp(Math.floor((lon - GRID.lonMin) / GRID.lonStep), 0, GRID_COLS - 1);
}

export function cellOf(lat: number, lon: number): number {
  if (Number.isNaN(lat) || Number.isNaN(lon)) return NOWHERE_CELL;
  return rowOf(lat) * GRID_COLS + colOf(lon);
}

/** Cells that may hold points within radiusKm of (lat, lon) (a bounding box, generous at high latitude). */
export function cellsWithin(lat: number, lon: number, radiusKm: number): number[] {
  const dLat = radiusKm / 110.574;
  const cosLat = Math.max(0.01, Math.cos((Math.min(89, Math.abs(lat) + dLat) * Math.PI) / 180));
  const dLon = radiusKm / (111.32 * cosLat);
  const r0 = rowOf(lat - dLat);
  const r1 = rowOf(lat + dLat);
  const c0 = colOf(lon - dLon);
  const c1 = colOf(lon + dLon);
  const out: number[] = [];
  for (let r = r0; r <= r1; r++) for (let c = c0; c <= c1; c++) out.push(r * GRID_COLS + c);
  return out;
}
