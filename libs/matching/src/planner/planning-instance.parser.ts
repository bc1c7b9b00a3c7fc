import {
  DELIVERY_MODES,
  DeliveryMode,
  GeoPoint,
  OPPORTUNITY_KINDS,
  OpportunityKind,
  SkillLevel,
} from '../lib/matching.types';
import { PlanningInstance, PlanningOpportunity } from './planning.types';

export class PlanningInstanceError extends Error {}

type Json = Record<string, unknown>;
const isObject = (x: unknown): x is Json => typeof x === 'object' && x !== null && !Array.isArray(x);
const fail = (msg: string): never => {
  throw new PlanningInstanceError(msg);
};

function finiteNumber(x: unknown, where: string, min = 0): number {
  if (typeof x !== 'number' || !Number.isFinite(x) || x < min) fail(`${where} must be a number >= ${min}`);
  return x as number;
}

function skillLevels(x: unknown, where: string): SkillLevel[] {
  if (!Array.isArray(x)) return fail(`${where} must be an array`);
  return x.map((s, i) => {
    if (!isObject(s) || typeof s.skill !== 'string' || s.skill === '')
      fail(`${where}[${i}].skill must be a non-empty string`);
    const level = (s as Json).level;
    if (typeof level !== 'number' || !Number.isInteger(level) || level < 1 || level > 5) {
      fail(`${where}[${i}].level must be an integer 1..5`);
    }
    return { skill: (s as Json).skill as string, level: level as number };
  });
}

function geo(x: unknown, where: string): GeoPoint | undefined {
  if (x === undefined || x === null) return undefined;
  if (!isObject(x)) return fail(`${where} must be {lat, lon}`);
  const lat = x.lat;
  const lon = x.lon;
  if (
    typeof lat !== 'number' ||
    lat < -90 ||
    lat > 90 ||
    typeof lon !== 'number' ||
    lon < -180 ||
    lon > 180
  ) {
    fail(`${where} must have lat in -90..90 and lon in -180..180`);
  }
  return { lat: lat as number, lon: lon as number };
}

function mode(x: unknown, where: string): DeliveryMode {
  if (!DELIVERY_MODES.includes(x as DeliveryMode))
    fail(`${where} must be one of ${DELIVERY_MODES.join(', ')}`);
  return x as DeliveryMode;
}

/** Validates untrusted JSON into a planning instance; throws PlanningInstanceError with a clear message. */
export function parsePlanningInstance(raw: unknown): PlanningInstance {
  if (!isObject(raw)) return fail('instance must be a JSON object');
  if (typeof raw.id !== 'string') fail('id must be a string');
  const l = raw.learner;
  if (!isObject(l)) return fail('learner must be an object');
  const learner: PlanningInstance['learner'] = { skills: skillLevels(l.skills, 'learner.skills') };
  if (l.budgetPence !== undefined && l.budgetPence !== null)
    learner.budgetPence = finiteNumber(l.budgetPence, 'learner.budgetPence');
  if (l.modes !== undefined && l.modes !== null) {
    if (!Array.isArray(l.modes)) fail('learner.modes must be an array');
    learner.modes = (l.modes as unknown[]).map((m, i) => mode(m, `learner.modes[${i}]`));
  }
  const loc = geo(l.location, 'learner.location');
  if (loc) learner.location = loc;
  if (l.travelRadiusKm !== undefined && l.travelRadiusKm !== null) {
    learner.travelRadiusKm = finiteNumber(l.travelRadiusKm, 'learner.travelRadiusKm');
  }
  if (!isObject(raw.goal)) return fail('goal must be an object');
  const goal = { skills: skillLevels(raw.goal.skills, 'goal.skills') };
  if (!Array.isArray(raw.opportunities)) return fail('opportunities must be an array');
  const seen = new Set<string>();
  const opportunities = raw.opportunities.map((o, i): PlanningOpportunity => {
    const where = `opportunities[${i}]`;
    if (!isObject(o)) return fail(`${where} must be an object`);
    if (typeof o.id !== 'string' || o.id === '') fail(`${where}.id must be a non-empty string`);
    if (seen.has(o.id as string)) fail(`${where}.id ${o.id as string} is repeated`);
    seen.add(o.id as string);
    if (o.kind !== undefined && !OPPORTUNITY_KINDS.includes(o.kind as OpportunityKind)) {
      fail(`${where}.kind must be one of ${OPPORTUNITY_KINDS.join(', ')}`);
    }
    const opp: PlanningOpportunity = {
      id: o.id as string,
      teaches: skillLevels(o.teaches, `${where}.teaches`),
      requires: o.requires === undefined ? [] : skillLevels(o.requires, `${where}.requires`),
      hours: o.hours === undefined ? 0 : finiteNumber(o.hours, `${where}.hours`),
      costPence: o.costPence === undefined ? 0 : finiteNumber(o.costPence, `${where}.costPence`),
      mode: mode(o.mode, `${where}.mode`),
    };
    if (o.kind !== undefined) opp.kind = o.kind as OpportunityKind;
    const ol = geo(o.location, `${where}.location`);
    if (ol) opp.location = ol;
    return opp;
  });
  const instance: PlanningInstance = { id: raw.id as string, learner, goal, opportunities };
  if (raw.weights !== undefined && raw.weights !== null) {
    if (!isObject(raw.weights)) fail('weights must be an object');
    const w = raw.weights as Json;
    instance.weights = {};
    if (w.perHour !== undefined) instance.weights.perHour = finiteNumber(w.perHour, 'weights.perHour');
    if (w.perPound !== undefined) instance.weights.perPound = finiteNumber(w.perPound, 'weights.perPound');
  }
  return instance;
}
