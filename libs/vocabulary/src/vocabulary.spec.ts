import {
  DELIVERY_MODES,
  EMPLOYMENT_STATUSES,
  enumOf,
  isDeliveryMode,
  isEmploymentStatus,
  isJobKind,
  isLearningKind,
  isOpportunityKind,
  JOB_KINDS,
  LEARNING_KINDS,
  LEARNING_ONLY_KINDS,
  OPPORTUNITY_KINDS,
} from './index';

describe('vocabulary', () => {
  it('keeps the order the engine encodes kinds and modes by', () => {
    expect(OPPORTUNITY_KINDS).toEqual(['COURSE', 'BOOTCAMP', 'APPRENTICESHIP', 'VACANCY']);
    expect(DELIVERY_MODES).toEqual(['IN_PERSON', 'ONLINE', 'HYBRID']);
  });

  it('splits kinds into learning, work and learning-only consistently', () => {
    for (const k of OPPORTUNITY_KINDS) {
      expect(isLearningKind(k) || isJobKind(k)).toBe(true);
      expect(LEARNING_ONLY_KINDS.includes(k)).toBe(isLearningKind(k) && !isJobKind(k));
    }
    expect(LEARNING_ONLY_KINDS).toEqual(['COURSE', 'BOOTCAMP']);
    expect(JOB_KINDS.filter((k) => LEARNING_KINDS.includes(k))).toEqual(['APPRENTICESHIP']);
  });

  it('recognises its own values and nothing else (the demo copy once said ECONOMICALLY_INACTIVE)', () => {
    expect(EMPLOYMENT_STATUSES.every(isEmploymentStatus)).toBe(true);
    expect(isEmploymentStatus('ECONOMICALLY_INACTIVE')).toBe(false);
    expect(isOpportunityKind('JOB')).toBe(false);
    expect(isDeliveryMode('REMOTE')).toBe(false);
  });

  it('builds enum objects whose keys are their values', () => {
    expect(enumOf(DELIVERY_MODES)).toEqual({ IN_PERSON: 'IN_PERSON', ONLINE: 'ONLINE', HYBRID: 'HYBRID' });
    expect(Object.isFrozen(enumOf(OPPORTUNITY_KINDS))).toBe(true);
  });
});
