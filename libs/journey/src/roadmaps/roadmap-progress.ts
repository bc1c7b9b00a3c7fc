import type { StepKind, StepStatus } from '@skillpath/persistence';

/** How far a resident is along their roadmap: learning steps done of the learning steps in it. */
export interface LearningProgress {
  done: number;
  total: number;
}

/**
 * The one definition of a roadmap's progress, used for the resident's own roadmap and for every
 * figure an employer or a partnership sees about them ("1 of 3 learning steps done"): learning
 * steps only (the jobs at the end are not steps to finish), and a step the resident dropped is no
 * longer part of the plan.
 */
export function learningProgress(
  steps: ReadonlyArray<{ kind: StepKind; status: StepStatus }>,
): LearningProgress {
  const learn = steps.filter((s) => s.kind === 'LEARN' && s.status !== 'DROPPED');
  return { done: learn.filter((s) => s.status === 'COMPLETED').length, total: learn.length };
}

/** learningProgress in the shape employers' and partnerships' GraphQL types carry it. */
export function progressFigures(steps: ReadonlyArray<{ kind: StepKind; status: StepStatus }>): {
  stepsCompleted: number;
  stepsTotal: number;
} {
  const p = learningProgress(steps);
  return { stepsCompleted: p.done, stepsTotal: p.total };
}
