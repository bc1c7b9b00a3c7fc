import { advertsCloseSentence } from './roadmap.service';
import { learningProgress } from './roadmap-progress';

describe("the roadmap's honest figures", () => {
  it('says how often similar jobs come up when every advert closes before the plan ends', () => {
    expect(advertsCloseSentence(6.4)).toBe(
      'Every advert here closes before your plan ends: similar jobs come up about 6 times a month, so look for new ones as you finish.',
    );
    expect(advertsCloseSentence(1.2)).toMatch(/about once a month/);
    expect(advertsCloseSentence(0.3)).toMatch(/less than once a month/);
  });

  it('counts progress in learning steps, without the jobs at the end or dropped steps', () => {
    expect(
      learningProgress([
        { kind: 'LEARN', status: 'COMPLETED' },
        { kind: 'LEARN', status: 'PLANNED' },
        { kind: 'LEARN', status: 'DROPPED' },
        { kind: 'LEARN', status: 'ENROLLED' },
        { kind: 'APPLY', status: 'PLANNED' },
        { kind: 'APPLY', status: 'COMPLETED' },
      ]),
    ).toEqual({ done: 1, total: 3 });
  });
});
