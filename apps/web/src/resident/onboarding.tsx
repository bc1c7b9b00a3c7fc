import { useQuery } from 'urql';
import { LearnerProfileDocument } from '../gql/generated';

/**
 * True while a resident is still setting up (no goal chosen yet): only then do pages speak of
 * "Step 2 of 4" and "Save and continue". A returning resident just edits and goes back to their plan.
 */
export function useOnboarding(): boolean {
  const [{ data }] = useQuery({ query: LearnerProfileDocument, requestPolicy: 'cache-first' });
  return !!data && !data.learnerProfile?.goal;
}

export function StepLabel({ step }: { step: number }) {
  return useOnboarding() ? <p className="step-label">Step {step} of 4</p> : null;
}
