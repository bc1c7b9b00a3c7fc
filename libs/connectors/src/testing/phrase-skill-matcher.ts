import type { SkillMatcher } from '../connector.types';

export interface PhraseSkill {
  skillId: string;
  label: string;
  altLabels?: string[];
}

/**
 * A small real SkillMatcher for tests and local runs: finds each skill's label or alt labels as a whole
 * phrase, case-insensitively ("SQL" in "SQL queries", not in "MySQLi"). Longest phrase wins where phrases
 * overlap. The taxonomy lib's extractor is the production implementation.
 */
export class PhraseSkillMatcher implements SkillMatcher {
  private readonly pattern: RegExp | undefined;
  private readonly byPhrase = new Map<string, PhraseSkill>();

  constructor(skills: PhraseSkill[]) {
    for (const skill of skills) {
      for (const phrase of [skill.label, ...(skill.altLabels ?? [])])
        this.byPhrase.set(phrase.toLowerCase(), skill);
    }
    const phrases = [...this.byPhrase.keys()].sort((a, b) => b.length - a.length).map(escapeRegExp);
    this.pattern =
      phrases.length === 0
        ? undefined
        : new RegExp(`(?<![\\p{L}\\p{N}])(?:${phrases.join('|')})(?![\\p{L}\\p{N}])`, 'giu');
  }

  match(text: string): { skillId: string; label: string }[] {
    if (!this.pattern) return [];
    const found = new Map<string, { skillId: string; label: string }>();
    for (const m of text.matchAll(this.pattern)) {
      const skill = this.byPhrase.get(m[0].toLowerCase());
      if (skill && !found.has(skill.skillId))
        found.set(skill.skillId, { skillId: skill.skillId, label: skill.label });
    }
    return [...found.values()];
  }
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
