import { AgeBand, FundingRule, LearnerRecord, OpportunityRecord } from './matching.types';

const AGE_BAND_RANGE: Record<AgeBand, [number, number]> = {
  '16-18': [16, 18],
  '19-23': [19, 23],
  '24-49': [24, 49],
  '50+': [50, 120],
};

/**
 * Whether every condition of a funding rule holds for the learner. A condition the learner has not
 * told us about counts as not met: we never promise funding we cannot justify.
 */
export function fundingApplies(rule: FundingRule, learner: Pick<LearnerRecord, 'eligibility'>): boolean {
  const e = learner.eligibility ?? {};
  if (rule.minAge !== undefined || rule.maxAge !== undefined) {
    if (!e.ageBand) return false;
    const [lo, hi] = AGE_BAND_RANGE[e.ageBand];
    // The whole band must satisfy the rule, since we only know the band.
    if (rule.minAge !== undefined && lo < rule.minAge) return false;
    if (rule.maxAge !== undefined && hi > rule.maxAge) return false;
  }
  if (rule.employmentStatuses && rule.employmentStatuses.length > 0) {
    if (!e.employmentStatus || !rule.employmentStatuses.includes(e.employmentStatus)) return false;
  }
  if (rule.requiresBenefits && e.receivingBenefits !== true) return false;
  if (rule.maxPriorQualificationLevel !== undefined) {
    if (
      e.highestQualificationLevel === undefined ||
      e.highestQualificationLevel > rule.maxPriorQualificationLevel
    ) {
      return false;
    }
  }
  return true;
}

/** What this learner would pay: the funded price when every funding rule holds, else the list price. */
export function effectiveCostPence(
  opp: Pick<OpportunityRecord, 'costPence' | 'funding'>,
  learner: Pick<LearnerRecord, 'eligibility'>,
): number {
  if (opp.funding && fundingApplies(opp.funding, learner))
    return Math.min(opp.costPence, opp.funding.fundedCostPence);
  return opp.costPence;
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
