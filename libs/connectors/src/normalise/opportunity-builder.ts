import type { NormalisedOpportunity, ParseResult, SkillLevel, SkillMatcher } from '../connector.types';
import { createHash } from 'node:crypto';
import { RecordError } from './record-error';

/** Everything a format reads from a record; skills are matched and the hash computed here. */
export type OpportunityDraft = Omit<
  NormalisedOpportunity,
  'skillTexts' | 'skillsTaught' | 'skillsRequired' | 'unmatchedSkillTexts' | 'contentHash'
>;

/** A free-text skill list from the feed and what it means for the listing. */
export interface SkillList {
  texts: string[];
  role: 'TAUGHT' | 'REQUIRED';
  level: number;
}

export interface SkillPlan {
  lists: SkillList[];
  /** Skills found in the description count as this (the description's unmatched words are not skill texts). */
  description?: { role: 'TAUGHT' | 'REQUIRED'; level: number };
}

/**
 * Matches each listed skill text on its own (a text that matches nothing is kept in unmatchedSkillTexts),
 * then the description. A skill found twice keeps its first role; within a role, its highest level.
 */
export function buildOpportunity(
  draft: OpportunityDraft,
  plan: SkillPlan,
  matcher: SkillMatcher,
): NormalisedOpportunity {
  const taught = new Map<string, number>();
  const required = new Map<string, number>();
  const add = (skillId: string, role: 'TAUGHT' | 'REQUIRED', level: number) => {
    const mine = role === 'TAUGHT' ? taught : required;
    const other = role === 'TAUGHT' ? required : taught;
    if (other.has(skillId)) return;
    mine.set(skillId, Math.max(level, mine.get(skillId) ?? 0));
  };
  const skillTexts: string[] = [];
  const unmatched: string[] = [];
  for (const list of plan.lists) {
    for (const text of list.texts) {
      skillTexts.push(text);
      const found = matcher.match(text);
      if (found.length === 0) unmatched.push(text);
      for (const skill of found) add(skill.skillId, list.role, list.level);
    }
  }
  if (plan.description && draft.description) {
    for (const skill of matcher.match(draft.description))
      add(skill.skillId, plan.description.role, plan.description.level);
  }
  // Every field, keys in sorted order (nested objects are built sorted too): native JSON.stringify, which
  // leaves undefined members out, then gives exactly canonicalJson's text at a fraction of the cost, and
  // contentHashOf(opportunity) recomputes the same hash. A literal, not a spread-and-sort, because
  // building this object was the connector's most expensive step.
  const content: EveryField = {
    closingDate: draft.closingDate,
    costPence: draft.costPence,
    description: draft.description,
    durationWeeks: draft.durationWeeks,
    funding: draft.funding && sortedKeys(draft.funding),
    guaranteedInterview: draft.guaranteedInterview,
    hoursPerWeek: draft.hoursPerWeek,
    kind: draft.kind,
    latitude: draft.latitude,
    longitude: draft.longitude,
    mode: draft.mode,
    organisationName: draft.organisationName,
    postcode: draft.postcode,
    rqfLevel: draft.rqfLevel,
    skillTexts,
    skillsRequired: sortedLevels(required),
    skillsTaught: sortedLevels(taught),
    sourceRef: draft.sourceRef,
    startDate: draft.startDate,
    title: draft.title,
    totalHours: draft.totalHours,
    unmatchedSkillTexts: unmatched,
    url: draft.url,
    wagePencePerYear: draft.wagePencePerYear,
  };
  const contentHash = createHash('sha256').update(JSON.stringify(content)).digest('hex');
  return Object.assign(content as Omit<NormalisedOpportunity, 'contentHash'>, { contentHash });
}

/** Every field but the hash, none optional: the compiler makes the literal above list them all. */
type EveryField = {
  [K in Exclude<keyof NormalisedOpportunity, 'contentHash'>]-?: NormalisedOpportunity[K] | undefined;
};

function sortedLevels(levels: Map<string, number>): SkillLevel[] {
  return [...levels.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([skillId, level]) => ({ level, skillId }));
}

function sortedKeys<T extends object>(value: T): T {
  const out = {} as T;
  for (const key of (Object.keys(value) as (keyof T & string)[]).sort())
    if (value[key] !== undefined) out[key] = value[key];
  return out;
}

/**
 * Runs one record's normalisation; a RecordError (or anything unexpected) becomes a quarantine entry with
 * the record's reference where it could be read, and the raw record so nothing is lost.
 */
export function parseRecord(
  raw: unknown,
  sourceRefOf: (raw: unknown) => string | undefined,
  normalise: () => NormalisedOpportunity,
): ParseResult {
  try {
    return { ok: true, opportunity: normalise() };
  } catch (error) {
    let sourceRef: string | undefined;
    try {
      sourceRef = sourceRefOf(raw);
    } catch {
      sourceRef = undefined;
    }
    const reason =
      error instanceof RecordError
        ? error.message
        : `could not be read: ${error instanceof Error ? error.message : String(error)}`;
    return sourceRef === undefined ? { ok: false, raw, reason } : { ok: false, sourceRef, raw, reason };
  }
}

export function requireText(value: string | undefined, what: string): string {
  if (value === undefined) throw new RecordError(`${what} is missing`);
  return value;
}
