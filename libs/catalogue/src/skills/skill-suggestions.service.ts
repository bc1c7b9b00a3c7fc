import { Injectable } from '@nestjs/common';
import { badInput } from '@skillpath/common';
import { MAX_SUGGEST_TEXT_LENGTH, SkillSuggester } from '@skillpath/taxonomy';
import { SkillModel } from '../graphql/catalogue.models';
import { SkillRecordsRepository } from './skill-records.repository';

// How stale the suggester may be before a request checks the skills table for changes.
const RECHECK_MS = 30_000;

export interface SuggestedSkill {
  skill: SkillModel;
  level: number;
  because: string;
}

/**
 * Skills a resident describes in their own words, for them to confirm. Reads only: nothing about the
 * request or the resident is stored (the page stores what they confirm, through setSkills).
 */
@Injectable()
export class SkillSuggestionsService {
  private suggester?: SkillSuggester;
  private version = '';
  private checkedAt = 0;
  private loading?: Promise<void>;

  constructor(private readonly skills: SkillRecordsRepository) {}

  async suggest(text: string): Promise<SuggestedSkill[]> {
    if (!text.trim())
      throw badInput(
        'Describe something you do or have done, for example "I run the football club\'s Facebook page".',
      );
    if (text.length > MAX_SUGGEST_TEXT_LENGTH)
      throw badInput(
        `That is ${text.length} characters; describe it in at most ${MAX_SUGGEST_TEXT_LENGTH} (a few sentences is plenty).`,
        { maxLength: MAX_SUGGEST_TEXT_LENGTH },
      );
    await this.ensureFresh();
    const found = this.suggester!.suggest(text);
    const models = await this.skills.byIds(found.map((s) => s.skillId));
    return found
      .filter((s) => models.has(s.skillId))
      .map((s) => ({ skill: models.get(s.skillId)!, level: s.level, because: s.because }));
  }

  private async ensureFresh(): Promise<void> {
    if (this.suggester && Date.now() - this.checkedAt < RECHECK_MS) return;
    this.loading ??= this.reloadIfChanged().finally(() => (this.loading = undefined));
    await this.loading;
  }

  private async reloadIfChanged(): Promise<void> {
    const version = await this.skills.version();
    this.checkedAt = Date.now();
    if (this.suggester && version === this.version) return;
    this.suggester = new SkillSuggester(await this.skills.records());
    this.version = version;
  }
}
