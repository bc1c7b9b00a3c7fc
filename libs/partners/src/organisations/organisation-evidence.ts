import { badInput } from '@skillpath/common';
import type { OrganisationEvidenceKind, OrganisationKind } from '@skillpath/persistence';

/** Which public register numbers say who each kind of organisation is. */
export const EVIDENCE_FOR_KIND: Record<OrganisationKind, OrganisationEvidenceKind[]> = {
  // Every provider the Education and Skills Funding Agency funds is on the UK Register of Learning Providers.
  PROVIDER: ['UKPRN'],
  EMPLOYER: ['COMPANY_NUMBER', 'CHARITY_NUMBER'],
  // Skills partnerships are councils, combined authorities, companies or charities.
  PARTNERSHIP: ['COMPANY_NUMBER', 'CHARITY_NUMBER', 'UKPRN'],
};

const EVIDENCE_NAME: Record<OrganisationEvidenceKind, string> = {
  UKPRN: 'a UKPRN',
  COMPANY_NUMBER: 'a Companies House number',
  CHARITY_NUMBER: 'a charity number',
};

/**
 * The evidence number in its canonical form (upper case, no spaces), or a BAD_USER_INPUT error that
 * says what a valid one looks like. Only the format is checked here; an ADMIN checks the register.
 *  - UKPRN: 8 digits starting with 1 (UK Register of Learning Providers).
 *  - Companies House: 8 characters: 8 digits (England and Wales), or a 2-letter prefix and 6 digits
 *    (SC Scotland, NI Northern Ireland, OC/SO/NC LLPs, LP/SL/NL partnerships, …), or R0 and 6 digits.
 *  - Charity: 6 to 8 digits (England and Wales, Scotland's SC numbers go under Companies House
 *    format), optionally with a `-N` suffix for a linked charity.
 */
export function checkEvidence(
  orgKind: OrganisationKind,
  kind: OrganisationEvidenceKind,
  number: string,
): string {
  if (!EVIDENCE_FOR_KIND[orgKind].includes(kind)) {
    throw badInput(
      `${EVIDENCE_NAME[kind]} does not identify ${orgKind === 'PROVIDER' ? 'a training provider' : `an ${orgKind.toLowerCase()}`}: give ${EVIDENCE_FOR_KIND[
        orgKind
      ]
        .map((k) => EVIDENCE_NAME[k])
        .join(' or ')}.`,
      { field: 'evidenceKind' },
    );
  }
  const n = number.replace(/\s+/g, '').toUpperCase();
  const err = (msg: string) => badInput(msg, { field: 'evidenceNumber' });
  switch (kind) {
    case 'UKPRN':
      if (!/^1\d{7}$/.test(n))
        throw err(
          `"${number}" is not a UKPRN: a UKPRN is 8 digits starting with 1, like 10012345 (find it on the UK Register of Learning Providers).`,
        );
      return n;
    case 'COMPANY_NUMBER':
      if (!/^(\d{8}|[A-Z]{2}\d{6}|R0\d{6})$/.test(n))
        throw err(
          `"${number}" is not a Companies House number: it is 8 characters, either 8 digits (like 01234567, keep the leading zeros) or 2 letters and 6 digits (like SC123456).`,
        );
      return n;
    case 'CHARITY_NUMBER':
      if (!/^\d{6,8}(-\d{1,3})?$/.test(n))
        throw err(
          `"${number}" is not a charity number: it is 6 to 8 digits, sometimes followed by -1 for a linked charity (like 1123456 or 1123456-1).`,
        );
      return n;
  }
}
