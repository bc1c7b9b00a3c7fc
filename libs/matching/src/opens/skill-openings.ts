import { CatalogueIndex } from '../index/catalogue-index';
import { JOB_KINDS, LearnerRecord, OccupationRecord } from '../lib/matching.types';
import { GapHoursEstimator } from '../ranking/gap-hours-estimator';
import { LearnerQuery } from '../ranking/learner-query';
import { LearnerFilter } from '../ranking/rank-opportunities';

export interface SkillOpening {
  skill: string;
  label: string;
  /** The level to learn it to (the highest any of the opened jobs asks). */
  level: number;
  /** Live jobs within reach whose only missing requirement this is. */
  jobs: number;
  /** Occupations whose only missing essential skill this is. */
  roles: number;
  /** Opportunity ids of (up to 5 of) those jobs, best known first by id. */
  exampleJobIds: string[];
  /** Hours of the quickest usable course teaching it to that level (estimate); absent when none in reach. */
  hours?: number;
  message: string;
}

export interface SkillOpeningOptions {
  occupations?: readonly OccupationRecord[];
  /** How many skills to return (default 3). */
  limit?: number;
  /** ISO date (closing dates before it do not count). */
  today?: string;
}

/**
 * The few skills that would open the most local jobs and roles if learnt next: for each live job in
 * the learner's reach missing exactly one requirement (by the one credit formula: a need is met only
 * at full credit), that skill opens it; likewise for occupations missing one essential skill. Only
 * skills that some course the learner can use teaches are offered. From the live index.
 */
export function skillsThatOpen(
  index: CatalogueIndex,
  learner: LearnerRecord,
  opts: SkillOpeningOptions = {},
): SkillOpening[] {
  const q = new LearnerQuery(index, learner);
  const filter = new LearnerFilter(index, learner, q, opts.today ?? new Date().toISOString().slice(0, 10));
  const jobs = new Map<number, { count: number; level: number; ids: string[] }>();
  const skill = index.requires.skill.data;
  const level = index.requires.level.data;
  const start = index.requires.start.data;
  for (const kind of JOB_KINDS) {
    for (const key of filter.keysFor(kind)) {
      index.forEachInKey(key, (slot) => {
        let missingCode = -1;
        let missingLevel = 0;
        for (let i = start[slot]; i < start[slot + 1]; i++) {
          if (q.credit(skill[i], level[i]) >= 1) continue;
          if (missingCode >= 0 && missingCode !== skill[i]) return;
          missingCode = skill[i];
          missingLevel = Math.max(missingLevel, level[i]);
        }
        if (missingCode < 0 || !filter.passesCheap(slot) || !filter.withinRadius(slot)) return;
        let e = jobs.get(missingCode);
        if (!e) jobs.set(missingCode, (e = { count: 0, level: 0, ids: [] }));
        e.count++;
        e.level = Math.max(e.level, missingLevel);
        e.ids.push(index.ids[slot]);
      });
    }
  }
  const roles = new Map<string, { count: number; level: number }>();
  const held = new Map(learner.skills.map((s) => [s.skill, s.level]));
  for (const occ of opts.occupations ?? []) {
    const missing = occ.essential.filter((n) => (held.get(n.skill) ?? 0) < n.level);
    if (missing.length === 0 || missing.some((m) => m.skill !== missing[0].skill)) continue;
    const e = roles.get(missing[0].skill) ?? { count: 0, level: 0 };
    e.count++;
    e.level = Math.max(e.level, ...missing.map((m) => m.level));
    roles.set(missing[0].skill, e);
  }
  const skills = new Set<string>([...[...jobs.keys()].map((c) => index.skillName(c)), ...roles.keys()]);
  const estimate = new GapHoursEstimator(index, filter);
  const where =
    learner.location && learner.travelRadiusKm !== undefined
      ? `within ${learner.travelRadiusKm} km`
      : 'near you';
  const out: SkillOpening[] = [];
  for (const id of skills) {
    const code = index.findSkill(id);
    const j = code === undefined ? undefined : jobs.get(code);
    const r = roles.get(id);
    const lvl = Math.max(j?.level ?? 0, r?.level ?? 0);
    const hours = estimate.hoursFor({ skill: id, level: lvl });
    if (!Number.isFinite(hours)) continue;
    const label = index.graph.label(id);
    const jobCount = j?.count ?? 0;
    const roleCount = r?.count ?? 0;
    const parts: string[] = [];
    if (jobCount > 0) parts.push(`${jobCount} more job${jobCount === 1 ? '' : 's'} ${where}`);
    if (roleCount > 0) parts.push(`${roleCount} more role${roleCount === 1 ? '' : 's'}`);
    out.push({
      skill: id,
      label,
      level: lvl,
      jobs: jobCount,
      roles: roleCount,
      exampleJobIds: [...(j?.ids ?? [])].sort().slice(0, 5),
      hours: Math.round(hours * 10) / 10,
      message: `Learning ${label} opens ${parts.join(' and ')}.`,
    });
  }
  out.sort((a, b) => b.jobs - a.jobs || b.roles - a.roles || (a.skill < b.skill ? -1 : 1));
  return out.slice(0, opts.limit ?? 3);
}
