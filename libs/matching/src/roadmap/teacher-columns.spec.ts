import { CatalogueIndex } from '../index/catalogue-index';
import { LearnerRecord, OpportunityRecord } from '../lib/matching.types';
import { planRoadmap } from './plan-roadmap';
import { taughtLevel, teacherColumns } from './teacher-columns';
import { courseRecord } from '../testing/course-record';

const HOME = { lat: 53.4794, lon: -2.2453 };
const course = (id: string, costPence: number, o: Partial<OpportunityRecord> = {}): OpportunityRecord =>
  courseRecord(id, { mode: 'IN_PERSON', location: { lat: HOME.lat + 0.01, lon: HOME.lon }, costPence, ...o });
const skills = [{ id: 'sql', label: 'SQL' }];
const learner: LearnerRecord = { skills: [], location: HOME, travelRadiusKm: 15 };
const goal = { title: 'Analyst', skills: [{ skill: 'sql', level: 2 }] };
const today = '2025-01-06';
const stepsOf = (index: CatalogueIndex) =>
  planRoadmap(index, learner, goal, { today }).steps.map((s) => s.opportunityId);

describe('teacher columns (what a candidate scan reads, side by side)', () => {
  it('hold what the index holds for each teacher, copied block by block as far as asked', () => {
    const records = Array.from({ length: 600 }, (_, i) =>
      course(`c${i}`, i * 100, {
        mode: i % 3 === 0 ? 'ONLINE' : 'IN_PERSON',
        teaches: [
          { skill: 'sql', level: 1 + (i % 3) },
          { skill: 'sql', level: i % 2 },
        ],
        closingDate: i % 5 === 0 ? '2025-03-01' : undefined,
      }),
    );
    const index = CatalogueIndex.build(records, skills);
    const code = index.skillCode('sql');
    const cols = teacherColumns(index, code);
    expect(cols.filled).toBe(0);
    // A course naming the skill twice is listed twice.
    expect(cols.postings.length).toBe(1200);
    cols.reach(10);
    expect(cols.filled).toBeGreaterThan(10);
    expect(cols.filled).toBeLessThan(1200);
    cols.reach(1199);
    expect(cols.filled).toBe(1200);
    cols.postings.forEach((slot, i) => {
      expect(cols.mode[i]).toBe(index.mode.data[slot]);
      expect(cols.flags[i]).toBe(index.flags.data[slot]);
      expect(cols.closingDay[i]).toBe(index.closingDay.data[slot]);
      expect(cols.lat[i]).toBe(index.lat.data[slot]);
      expect(cols.level[i]).toBe(taughtLevel(index, slot, code));
    });
    expect(teacherColumns(index, code)).toBe(cols);
  });

  it('are made afresh when a listing expires, changes or the index is compacted: a roadmap never uses a stale copy', () => {
    const index = CatalogueIndex.build([course('cheap', 0), course('dear', 50_000)], skills);
    expect(stepsOf(index)).toEqual(['cheap']);

    index.expire(['cheap']);
    expect(stepsOf(index)).toEqual(['dear']);

    // The same id comes back, now too far away: its new slot is read, not the old one's copy.
    index.upsert([course('cheap', 0, { location: { lat: HOME.lat + 1, lon: HOME.lon } })]);
    expect(stepsOf(index)).toEqual(['dear']);

    index.upsert([course('cheap', 0)]);
    expect(stepsOf(index)).toEqual(['cheap']);
    index.compact();
    expect(stepsOf(index)).toEqual(['cheap']);
    index.expire(['cheap']);
    expect(stepsOf(index)).toEqual(['dear']);
  });
});
