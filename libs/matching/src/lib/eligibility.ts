import { decideRule, pricePence } from '../funding/price';
import { FundingRule, LearnerEligibility, listingConditions } from '../funding/funding-rules';
import { LearnerRecord, OpportunityRecord } from './matching.types';

/**
 * Whether every condition of a listing's own funding terms holds for the learner. A condition the
 * learner has not told us about counts as not met: we never promise funding we cannot justify.
 */
export function fundingApplies(rule: FundingRule, learner: { eligibility?: LearnerEligibility }): boolean {
  return decideRule([listingConditions(rule)], learner.eligibility ?? {}).status === 'YES';
}

/** What this learner would pay after funding (the listing's terms and national entitlements). */
export function effectiveCostPence(
  opp: Pick<OpportunityRecord, 'costPence' | 'funding' | 'kind' | 'entitlements'>,
  learner: Pick<LearnerRecord, 'eligibility'>,
): number {
  return pricePence(learner.eligibility, opp);
}

/** Access needs: step-free learners cannot attend venues that are not step-free; no own device rules out device-only study. */
export function meetsAccessNeeds(
  opp: Pick<OpportunityRecord, 'mode' | 'stepFree' | 'needsOwnDevice'>,
  learner: Pick<LearnerRecord, 'access'>,
): boolean {
  const a = learner.access;
  if (!a) return true;
  const attends = opp.mode === 'IN_PERSON' || opp.mode === 'HYBRID';
  const remote = opp.mode === 'ONLINE' || opp.mode === 'HYBRID';
  if (a.stepFreeOnly && attends && opp.stepFree === false) return false;
  if ((a.noLaptop || a.mobileOnly) && remote && opp.needsOwnDevice) return false;
  return true;
}
