/**
 * The one occupation the demo region deliberately cannot take anyone to: it needs deep learning,
 * which no course, bootcamp or apprenticeship in the region teaches. It exists so the planner's
 * "this goal cannot be reached with what is on offer, and here is what is missing" can be shown.
 */
export const DEMO_UNREACHABLE_OCCUPATION = 'machine-learning-engineer';
export const DEMO_UNTAUGHT_SKILL = 'deep-learning';

/** "Today" for the demo data: start and closing dates are set relative to it. */
export const DEMO_REFERENCE_DATE = '2026-11-22';

/** A box around Greater Manchester's ten boroughs, in decimal degrees. */
export const GREATER_MANCHESTER_BOUNDS = {
  minLat: 53.32,
  maxLat: 53.69,
  minLon: -2.74,
  maxLon: -1.9,
} as const;
