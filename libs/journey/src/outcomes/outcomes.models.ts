import { Field, Int, ObjectType } from '@nestjs/graphql';

@ObjectType('OutcomeFigure', {
  description: 'A count of people, hidden when small enough to identify someone',
})
export class OutcomeFigureModel {
  @Field(() => Int, { nullable: true, description: 'null when hidden' }) value!: number | null;
  @Field() hidden!: boolean;
  @Field({ description: 'The figure as a resident reads it, or "hidden to protect privacy"' }) text!: string;
}

@ObjectType('OutcomeFigures')
export class OutcomeFiguresModel {
  @Field(() => OutcomeFigureModel, { description: 'People who started (enrolled or completed)' })
  starts!: OutcomeFigureModel;
  @Field(() => OutcomeFigureModel, { description: 'Completions confirmed by the provider and the learner' })
  completions!: OutcomeFigureModel;
  @Field(() => OutcomeFigureModel, { description: 'Completers who had a job interview afterwards' })
  interviews!: OutcomeFigureModel;
  @Field(() => OutcomeFigureModel, { description: 'Completers in work afterwards' })
  jobs!: OutcomeFigureModel;
}

@ObjectType('OpportunityOutcomes', {
  description:
    'What happened to people who took this course and to everyone who learnt with its provider. Counts of 1 to 4 people, and figures that would give them away, are hidden.',
})
export class OpportunityOutcomesModel {
  @Field(() => OutcomeFiguresModel) course!: OutcomeFiguresModel;
  @Field(() => OutcomeFiguresModel, { description: "All the provider's courses together" })
  provider!: OutcomeFiguresModel;
  @Field(() => OutcomeFigureModel, {
    nullable: true,
    description: 'When an interview is guaranteed (Skills Bootcamps): interviews promised, one per completer',
  })
  interviewsPromised!: OutcomeFigureModel | null;
  @Field(() => OutcomeFigureModel, {
    nullable: true,
    description: 'When an interview is guaranteed: interviews held',
  })
  interviewsHeld!: OutcomeFigureModel | null;
  @Field({ description: 'The figures in one plain sentence' }) summary!: string;
}
