import { parseFeedDate } from './uk-date';

describe('parseFeedDate', () => {
  it('reads offset-less date-times as UK local time (GMT in winter, BST in summer)', () => {
    expect(parseFeedDate('2026-12-15T23:59:59', 'closingDate')?.toISOString()).toBe(
      '2026-12-15T23:59:59.000Z',
    );
    expect(parseFeedDate('2027-07-01T09:00:00', 'startDate')?.toISOString()).toBe('2027-07-01T08:00:00.000Z');
    expect(parseFeedDate('2027-07-01', 'startDate')?.toISOString()).toBe('2027-06-30T23:00:00.000Z');
  });

  it('takes explicit offsets and Z as given', () => {
    expect(parseFeedDate('2027-07-01T09:00:00Z', 'd')?.toISOString()).toBe('2027-07-01T09:00:00.000Z');
    expect(parseFeedDate('2027-07-01T09:00:00+02:00', 'd')?.toISOString()).toBe('2027-07-01T07:00:00.000Z');
    expect(parseFeedDate('2026-12-20T23:59', 'd')?.toISOString()).toBe('2026-12-20T23:59:00.000Z');
  });

  it('accepts UK dd/mm/yyyy from spreadsheets', () => {
    expect(parseFeedDate('01/02/2027', 'start_date')?.toISOString()).toBe('2027-02-01T00:00:00.000Z');
  });

  it('treats null, undefined and empty as absent', () => {
    expect(parseFeedDate(null, 'd')).toBeUndefined();
    expect(parseFeedDate(undefined, 'd')).toBeUndefined();
    expect(parseFeedDate('  ', 'd')).toBeUndefined();
  });

  it('rejects what is not a real date, naming the field and the value', () => {
    expect(() => parseFeedDate('next Tuesday', 'closingDate')).toThrow(
      /closingDate "next Tuesday" is not a date/,
    );
    expect(() => parseFeedDate('2027-02-30', 'startDate')).toThrow(/startDate "2027-02-30" is not a date/);
    expect(() => parseFeedDate('31/02/2027', 'start_date')).toThrow(/not a date/);
    expect(() => parseFeedDate(20270101, 'startDate')).toThrow(/startDate 20270101 is not a date/);
  });
});
