import { Args, Field, Int, ObjectType, Query, Resolver } from '@nestjs/graphql';
import { RateLimited, Roles } from '@skillpath/auth';
import { SkillModel } from '../graphql/catalogue.models';
import { SkillSuggestionsService } from './skill-suggestions.service';

@ObjectType('SkillSuggestion')
export class SkillSuggestionModel {
  @Field(() => SkillModel) skill!: SkillModel;
  @Field(() => Int, {
    description: 'Suggested level 1..3, from how it was described (a little, some, a lot)',
  })
  level!: number;
  @Field({ description: "The resident's own words the suggestion comes from" }) because!: string;
}

@Resolver()
export class SkillSuggestionsResolver {
  constructor(private readonly suggestions: SkillSuggestionsService) {}

  /**
   * Skills a resident describes in their own words ("I look after my mum's money"), with levels, for
   * them to confirm. Stores nothing. Text: 1 to 5,000 characters (BAD_USER_INPUT otherwise).
   */
  @Roles('LEARNER')
  @RateLimited('suggestSkills')
  @Query(() => [SkillSuggestionModel], {
    description:
      'Skills suggested from a description in your own words (1–5,000 characters), to confirm with setSkills. Stores nothing.',
  })
  suggestSkills(@Args('text') text: string): Promise<SkillSuggestionModel[]> {
    return this.suggestions.suggest(text);
  }
}
