import type { ReplanTrigger } from '@skillpath/persistence';

/** The sentence that heads a roadmap version: why it was made, for the learner. */
export function reasonFor(trigger: ReplanTrigger, detail?: string): string {
  switch (trigger) {
    case 'REQUESTED':
      return 'You asked for a new plan.';
    case 'PROFILE_CHANGED':
      return 'Your details changed, so your plan was updated to match.';
    case 'GOAL_CHANGED':
      return detail ? `You chose a new goal: ${detail}.` : 'You chose a new goal.';
    case 'SKILLS_CHANGED':
      return 'Your skills changed, so your plan was updated.';
    case 'STEP_COMPLETED':
      return detail
        ? `You finished ${detail}. Well done! The rest of your plan was updated.`
        : 'You finished a step. Well done!';
    case 'STEP_DROPPED':
      return detail
        ? `You stopped ${detail}, so your plan found another way.`
        : 'You stopped a step, so your plan found another way.';
    case 'LISTING_EXPIRED':
      return detail
        ? `${detail} is no longer available, so your plan was updated.`
        : 'Something in your plan closed, so it was updated.';
    case 'GOAL_CLOSED':
      return detail
        ? `${detail}, so your plan was updated.`
        : 'The listing you were aiming for has closed, so your plan was updated.';
    case 'LISTING_CHANGED':
      return detail
        ? `${detail} changed, so your plan was checked again.`
        : 'New courses or jobs appeared that may suit you.';
  }
}
