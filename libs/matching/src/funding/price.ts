import type { OpportunityKind } from '../lib/matching.types';
import {
  Condition,
  ENTITLEMENTS,
  EntitlementId,
  FundingQuestion,
  FundingRule,
  FundingRuleId,
  LearnerEligibility,
  Verdict,
  isEntitlementId,
  listingConditions,
} from './funding-rules';

/** What pricing needs to know about an opportunity. */
export interface PricedOpportunity {
  kind: OpportunityKind;
  costPence: number;
  /** The listing's own funding terms. */
  funding?: FundingRule;
  /** National entitlements the provider declares for this listing. */
  entitlements?: readonly string[];
}

/** One unanswered question, and what answering it would do to the price. */
export interface FundingAsk {
  question: FundingQuestion;
  /** The profile facts that, set, make the rule apply (e.g. { hasMathsLevel2: false }). */
  patch: Partial<LearnerEligibility>;
  /** The price with that answer. */
  pricePence: number;
  ruleId: FundingRuleId;
  /** "if you do not have maths at level 2 (a GCSE at grade 4 or C) it is free" */
  message: string;
}

export interface PriceDecision {
  listPence: number;
  /** What this learner pays on what we know. */
  pricePence: number;
  /** The rule that set the price; absent when the list price stands. */
  ruleId?: FundingRuleId;
  note?: string;
  /** When only unanswered questions stand between the learner and a lower price: the best such. */
  ask?: FundingAsk;
}

interface RuleView {
  id: FundingRuleId;
  fundedCostPence: number;
  clauses: readonly (readonly Condition[])[];
  note?: string;
}

/** All conditions of one clause: NO if any fails, YES if all hold, else the first unknown (with every unknown's patch). */
function decideClause(clause: readonly Condition[], facts: LearnerEligibility): Verdict {
  let ask: Extract<Verdict, { status: 'ASK' }> | undefined;
  for (const c of clause) {
    const v = c.decide(facts);
    if (v.status === 'NO') return v;
    if (v.status === 'ASK')
      ask = ask
        ? { ...ask, patch: { ...ask.patch, ...v.patch }, condition: `${ask.condition} and ${v.condition}` }
        : v;
  }
  return ask ?? { status: 'YES' };
}

/** A rule holds when any clause holds; otherwise the clause needing the fewest answers is what to ask. */
export function decideRule(clauses: readonly (readonly Condition[])[], facts: LearnerEligibility): Verdict {
  let best: Extract<Verdict, { status: 'ASK' }> | undefined;
  for (const clause of clauses) {
    const v = decideClause(clause, facts);
    if (v.status === 'YES') return v;
    if (v.status === 'ASK' && (!best || Object.keys(v.patch).length < Object.keys(best.patch).length))
      best = v;
  }
  return best ?? { status: 'NO' };
}

/** Entitlements that apply to some kinds without being declared, in ENTITLEMENTS order. */
const AUTOMATIC_ENTITLEMENTS = Object.values(ENTITLEMENTS).filter((e) => e.automaticForKinds);

/** The rules that may apply to an opportunity: declared entitlements, automatic ones, and the listing's own terms. */
export function rulesFor(opp: PricedOpportunity): RuleView[] {
  const out: RuleView[] = [];
  // Priced once per opportunity a learner might use: no set or entitlement list made when none is declared.
  const seen = opp.entitlements?.length ? new Set<EntitlementId>() : undefined;
  for (const id of opp.entitlements ?? []) {
    if (!isEntitlementId(id) || seen!.has(id)) continue;
    seen!.add(id);
    out.push(ENTITLEMENTS[id]);
  }
  for (const e of AUTOMATIC_ENTITLEMENTS)
    if (!seen?.has(e.id) && e.automaticForKinds!.includes(opp.kind)) out.push(e);
  if (opp.funding)
    out.push({
      id: 'LISTING_FUNDING',
      fundedCostPence: opp.funding.fundedCostPence,
      clauses: [listingConditions(opp.funding)],
    });
  return out;
}

const money = (pence: number): string =>
  pence === 0 ? 'free' : `£${(pence / 100).toFixed(pence % 100 === 0 ? 0 : 2)}`;

/**
 * What a learner pays for an opportunity after funding, which rule set that price, and — when an
 * unanswered question is what stands between the learner and a lower price — the question and the
 * price its answer would bring. A fact we have not been told never earns funding: we do not promise
 * what we cannot justify, we ask.
 */
export function priceFor(facts: LearnerEligibility | undefined, opp: PricedOpportunity): PriceDecision {
  const f = facts ?? {};
  const list = opp.costPence;
  const decision: PriceDecision = { listPence: list, pricePence: list };
  let ask: FundingAsk | undefined;
  for (const rule of rulesFor(opp)) {
    const price = Math.min(list, rule.fundedCostPence);
    if (price >= decision.pricePence && (ask === undefined || price >= ask.pricePence)) continue;
    const v = decideRule(rule.clauses, f);
    if (v.status === 'YES' && price < decision.pricePence) {
      decision.pricePence = price;
      decision.ruleId = rule.id;
      if (rule.note) decision.note = rule.note;
      else delete decision.note;
    } else if (v.status === 'ASK' && (ask === undefined || price < ask.pricePence)) {
      ask = {
        question: v.question,
        patch: v.patch,
        pricePence: price,
        ruleId: rule.id,
        message: `if you ${v.condition} it is ${money(price)}`,
      };
    }
  }
  if (ask && ask.pricePence < decision.pricePence) decision.ask = ask;
  return decision;
}

/** Kinds some entitlement applies to without being declared. */
export const AUTOMATIC_FUNDING_KINDS: ReadonlySet<OpportunityKind> = new Set(
  Object.values(ENTITLEMENTS).flatMap((e) => e.automaticForKinds ?? []),
);

/** Just the price (the hot path of filters and planners). */
export function pricePence(facts: LearnerEligibility | undefined, opp: PricedOpportunity): number {
  if (!opp.funding && !opp.entitlements?.length && !AUTOMATIC_FUNDING_KINDS.has(opp.kind))
    return opp.costPence;
  return priceFor(facts, opp).pricePence;
}
