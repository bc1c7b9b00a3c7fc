import { AppError } from '@skillpath/common';
import { checkEvidence } from './organisation-evidence';

const codeOf = (fn: () => unknown): { code: string; field: unknown; message: string } | null => {
  try {
    fn();
    return null;
  } catch (e) {
    const err = e as AppError;
    return { code: err.code, field: err.details?.field, message: err.message };
  }
};

describe('checkEvidence', () => {
  it('accepts well-formed numbers and gives them in canonical form', () => {
    expect(checkEvidence('PROVIDER', 'UKPRN', '10012345')).toBe('10012345');
    expect(checkEvidence('EMPLOYER', 'COMPANY_NUMBER', '01234567')).toBe('01234567');
    expect(checkEvidence('EMPLOYER', 'COMPANY_NUMBER', 'sc 123456')).toBe('SC123456');
    expect(checkEvidence('EMPLOYER', 'COMPANY_NUMBER', 'NI123456')).toBe('NI123456');
    expect(checkEvidence('EMPLOYER', 'COMPANY_NUMBER', 'OC301234')).toBe('OC301234');
    expect(checkEvidence('EMPLOYER', 'CHARITY_NUMBER', '1123456')).toBe('1123456');
    expect(checkEvidence('EMPLOYER', 'CHARITY_NUMBER', '1123456-1')).toBe('1123456-1');
    expect(checkEvidence('EMPLOYER', 'CHARITY_NUMBER', '212345')).toBe('212345');
  });

  it.each([
    ['PROVIDER', 'UKPRN', '20012345', /8 digits starting with 1/],
    ['PROVIDER', 'UKPRN', '1001234', /8 digits starting with 1/],
    ['PROVIDER', 'UKPRN', '1001234X', /8 digits starting with 1/],
    ['EMPLOYER', 'COMPANY_NUMBER', '1234567', /keep the leading zeros/],
    ['EMPLOYER', 'COMPANY_NUMBER', 'S1234567', /2 letters and 6 digits/],
    ['EMPLOYER', 'COMPANY_NUMBER', 'SC12345', /8 characters/],
    ['EMPLOYER', 'CHARITY_NUMBER', '12345', /6 to 8 digits/],
    ['EMPLOYER', 'CHARITY_NUMBER', '123456789', /6 to 8 digits/],
    ['EMPLOYER', 'CHARITY_NUMBER', '1123456-', /6 to 8 digits/],
  ] as const)('refuses %s %s "%s" with an error that says what is expected', (org, kind, n, msg) => {
    const e = codeOf(() => checkEvidence(org, kind, n));
    expect(e).toMatchObject({ code: 'BAD_USER_INPUT', field: 'evidenceNumber' });
    expect(e!.message).toMatch(msg);
  });

  it('refuses evidence of the wrong kind for the organisation', () => {
    expect(codeOf(() => checkEvidence('PROVIDER', 'COMPANY_NUMBER', '01234567'))).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'evidenceKind',
      message: expect.stringMatching(/give a UKPRN/),
    });
    expect(codeOf(() => checkEvidence('EMPLOYER', 'UKPRN', '10012345'))).toMatchObject({
      field: 'evidenceKind',
      message: expect.stringMatching(/Companies House number or a charity number/),
    });
  });
});
