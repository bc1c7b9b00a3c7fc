import { EMPLOYMENT_STATUSES } from '@skillpath/vocabulary';
import type { EmploymentStatus, FundingRules } from '../connector.types';

/**
 * Reads who a listing is funded for from the free text feeds give, e.g. "19+; adults in work or
 * unemployed", "Free for residents aged 19+ who are unemployed or earn under the threshold",
 * "Aged 16 to 18", "for people on Universal Credit", "if you do not already have a level 3".
 *
 * An eligible learner pays `fundedCostPence`: 0 ("free", "fully funded", or eligibility with no other
 * figure: Skills Bootcamps and adult skills courses are free to those eligible), or the stated share of the
 * listed cost for co-funded places ("employers contribute 30%"). Returns undefined when the text states no
 * eligibility at all, so an unrelated note does not invent funding.
 */
export function parseFundingText(
  text: string | undefined,
  listedCostPence: number,
): FundingRules | undefined {
  if (text === undefined) return undefined;
  const t = text.toLowerCase().replace(/\s+/g, ' ');
  if (t.trim() === '') return undefined;
  const funding: FundingRules = { fundedCostPence: 0 };
  let recognised = false;

  const range = /(\d{2})\s*(?:to|-|–)\s*(\d{2})(?:\s*(?:year|yr)s?)?(?:\s*olds?)?/.exec(t);
  const plus = /(?:aged\s*)?(\d{2})\s*\+|(?:aged|age)\s*(\d{2})\s*(?:and|or)\s*(?:over|above|older)/.exec(t);
  const under = /(?:aged\s*)?(?:under|below)\s*(\d{2})\b(?!\s*%)/.exec(t);
  const rangeIsAge = range !== null && (/\bage/.test(t) || /year|yr|old/.test(range[0]));
  if (
    range &&
    rangeIsAge &&
    Number(range[1]) >= 14 &&
    Number(range[2]) <= 99 &&
    Number(range[1]) <= Number(range[2])
  ) {
    funding.minAge = Number(range[1]);
    funding.maxAge = Number(range[2]);
    recognised = true;
  } else if (plus) {
    funding.minAge = Number(plus[1] ?? plus[2]);
    recognised = true;
  }
  if (under && funding.maxAge === undefined && /\b(aged|age|under \d{2}s?\b|year)/.test(t)) {
    funding.maxAge = Number(under[1]) - 1;
    recognised = true;
  }

  const statuses = new Set<EmploymentStatus>();
  if (/\bself[- ]employed\b/.test(t)) statuses.add('SELF_EMPLOYED');
  if (/\bunemployed\b|\bout of work\b|\bnot (?:in|currently in) work\b|\bjob ?seekers?\b/.test(t))
    statuses.add('UNEMPLOYED');
  const withoutSelfOrUn = t.replace(/\bself[- ]employed\b/g, '').replace(/\bunemployed\b/g, '');
  if (
    /\bemployed\b|\bin work\b|\bemployees?\b|\bworking\b|\bearn(?:s|ing)?\b|\bwages?\b|\bsalary\b/.test(
      withoutSelfOrUn,
    )
  ) {
    statuses.add('EMPLOYED');
  }
  if (/\b(?:economically )?inactive\b|\breturn(?:ing|ers?) to work\b|\bcarers?\b/.test(t))
    statuses.add('INACTIVE');
  if (statuses.size > 0) {
    funding.employmentStatuses = EMPLOYMENT_STATUSES.filter((s) => statuses.has(s));
    recognised = true;
  }

  if (/\bbenefits?\b|\buniversal credit\b|\bjsa\b|\besa\b|\bjobseeker'?s allowance\b/.test(t)) {
    funding.requiresBenefits = true;
    recognised = true;
  }

  const firstFull =
    /\b(?:first full|do(?:es)? not (?:already )?(?:have|hold)(?: a)?|without(?: a)?|no prior|below)\s*level\s*(\d)\b/.exec(
      t,
    );
  if (firstFull) {
    funding.maxPriorQualificationLevel = Math.max(0, Number(firstFull[1]) - 1);
    recognised = true;
  } else if (/\bno (?:formal )?qualifications\b/.test(t)) {
    funding.maxPriorQualificationLevel = 0;
    recognised = true;
  }

  const share =
    /(\d{1,2})\s*%\s*(?:co-?fund|contribution|of the cost)|(?:contribut\w*|pays?|co-?fund\w*)\s*(\d{1,2})\s*%/.exec(
      t,
    );
  if (share) {
    funding.fundedCostPence = Math.round((listedCostPence * Number(share[1] ?? share[2])) / 100);
    recognised = true;
  }
  if (/\bfree\b|\bfully funded\b|\bfunded\b/.test(t)) recognised = true;

  return recognised ? funding : undefined;
}
