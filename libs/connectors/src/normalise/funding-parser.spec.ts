import { parseFundingText } from './funding-parser';

describe('parseFundingText', () => {
  it.each([
    [
      '19+; adults in work or unemployed',
      { fundedCostPence: 0, minAge: 19, employmentStatuses: ['EMPLOYED', 'UNEMPLOYED'] },
    ],
    ['19+', { fundedCostPence: 0, minAge: 19 }],
    [
      'Free for residents aged 19+ who are unemployed or earn under the threshold',
      { fundedCostPence: 0, minAge: 19, employmentStatuses: ['EMPLOYED', 'UNEMPLOYED'] },
    ],
    ['Aged 16 to 18', { fundedCostPence: 0, minAge: 16, maxAge: 18 }],
    [
      'Adults aged under 25 who are self-employed',
      { fundedCostPence: 0, maxAge: 24, employmentStatuses: ['SELF_EMPLOYED'] },
    ],
    [
      'Fully funded for people on Universal Credit or other benefits',
      { fundedCostPence: 0, requiresBenefits: true },
    ],
    [
      'Free if you do not already have a level 3 qualification',
      { fundedCostPence: 0, maxPriorQualificationLevel: 2 },
    ],
    ['Economically inactive or returning to work', { fundedCostPence: 0, employmentStatuses: ['INACTIVE'] }],
  ])('%s', (text, expected) => {
    expect(parseFundingText(text, 0)).toEqual(expected);
  });

  it('charges a co-funded learner their stated share of the listed cost', () => {
    expect(parseFundingText('Employed: your employer contributes 30% of the cost', 300_000)).toEqual({
      fundedCostPence: 90_000,
      employmentStatuses: ['EMPLOYED'],
    });
  });

  it('invents no funding from text that states no eligibility', () => {
    expect(parseFundingText('Evening classes, bring a pen', 5000)).toBeUndefined();
    expect(parseFundingText('', 0)).toBeUndefined();
    expect(parseFundingText(undefined, 0)).toBeUndefined();
  });

  it('does not mistake a course length for an age range', () => {
    expect(parseFundingText('Funded; 10 to 12 weeks', 0)).toEqual({ fundedCostPence: 0 });
  });
});
