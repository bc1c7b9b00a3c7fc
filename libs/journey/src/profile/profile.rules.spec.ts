import type { LearnerProfileEntity } from '@skillpath/persistence';
import { planningFieldsChanged, toLearnerRecord } from './profile.service';

const profile = (over: Partial<LearnerProfileEntity> = {}): LearnerProfileEntity => ({
  userId: 'u1',
  postcode: null,
  latitude: null,
  longitude: null,
  borough: null,
  travelRadiusKm: null,
  modes: [],
  hoursPerWeek: null,
  budgetPence: null,
  ageBand: null,
  employmentStatus: null,
  receivingBenefits: null,
  highestQualificationLevel: null,
  hasMathsLevel2: null,
  hasEnglishLevel2: null,
  hasEssentialDigitalSkills: null,
  earnsUnderLowWageThreshold: null,
  noLaptop: false,
  mobileOnly: false,
  stepFreeOnly: false,
  shareWithEmployers: false,
  shareWithPartnerships: false,
  goalOccupationId: null,
  goalOpportunityId: null,
  selfCheckCompletedAt: null,
  updatedAt: new Date(0),
  ...over,
});

describe('which profile changes re-plan', () => {
  it('counts a field that changes value', () => {
    expect(planningFieldsChanged(profile({ budgetPence: 0 }), { budgetPence: 45000 })).toEqual([
      'budgetPence',
    ]);
  });

  it('ignores a field set to the value it already has, and sharing choices', () => {
    expect(planningFieldsChanged(profile({ budgetPence: 0 }), { budgetPence: 0 })).toEqual([]);
    expect(
      planningFieldsChanged(profile(), { shareWithEmployers: true, shareWithPartnerships: true }),
    ).toEqual([]);
  });

  it('treats an unknown answer and a cleared one as the same, and an array by value', () => {
    expect(planningFieldsChanged(profile(), { receivingBenefits: null })).toEqual([]);
    expect(planningFieldsChanged(profile({ modes: ['ONLINE'] }), { modes: ['ONLINE'] })).toEqual([]);
    expect(planningFieldsChanged(profile({ modes: ['ONLINE'] }), { modes: ['IN_PERSON'] })).toEqual([
      'modes',
    ]);
  });
});

describe('the learner as the engine sees them', () => {
  it('has no location, radius or eligibility it was not told', () => {
    const r = toLearnerRecord(profile(), []);
    expect(r.location).toBeUndefined();
    expect(r.travelRadiusKm).toBeUndefined();
    expect(r.modes).toBeUndefined();
    expect(r.eligibility).toEqual({
      ageBand: undefined,
      employmentStatus: undefined,
      receivingBenefits: undefined,
      highestQualificationLevel: undefined,
      hasMathsLevel2: undefined,
      hasEnglishLevel2: undefined,
      hasEssentialDigitalSkills: undefined,
      earnsUnderLowWageThreshold: undefined,
    });
  });

  it('travels 15 km by default once it knows where they live, and keeps what they said', () => {
    const r = toLearnerRecord(
      profile({ latitude: 53.47, longitude: -2.24, budgetPence: 0, highestQualificationLevel: 1 }),
      [{ skillId: 's1', level: 2 }],
    );
    expect(r.location).toEqual({ lat: 53.47, lon: -2.24 });
    expect(r.travelRadiusKm).toBe(15);
    expect(r.budgetPence).toBe(0);
    expect(r.eligibility?.highestQualificationLevel).toBe(1);
    expect(r.skills).toEqual([{ skill: 's1', level: 2 }]);
    expect(
      toLearnerRecord(profile({ latitude: 53, longitude: -2, travelRadiusKm: 5 }), []).travelRadiusKm,
    ).toBe(5);
  });
});
