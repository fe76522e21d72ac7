import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import {
  addWeeks,
  daysOf,
  displayedWeek,
  formatCalendarDate,
  isoWeekOf,
  mondayOf,
  todayInVietnam,
  weekdayName,
  weeksToBuild,
} from './calendar-week.ts';

describe('ISO weeks', () => {
  const cases: Array<[string, number, number]> = [
    ['2026-11-23', 2026, 48], // the demo calendar's Monday
    ['2026-11-29', 2026, 48], // its Sunday
    ['2026-01-01', 2026, 1], // a Thursday: week 1
    ['2027-01-01', 2026, 53], // a Friday: still the last week of 2026
    ['2024-12-30', 2025, 1], // a Monday that belongs to the next year
  ];
  for (const [date, year, week] of cases)
    it(`${date} is in week ${week} of ${year}`, () => assert.deepEqual(isoWeekOf(date), { year, week }));

  it('a week starts on Monday and has seven days', () => {
    assert.equal(mondayOf({ year: 2026, week: 48 }), '2026-11-23');
    assert.deepEqual(daysOf({ year: 2026, week: 48 }), [
      '2026-11-23',
      '2026-11-24',
      '2026-11-25',
      '2026-11-26',
      '2026-11-27',
      '2026-11-28',
      '2026-11-29',
    ]);
  });

  it('moves across the end of a year', () => {
    assert.deepEqual(addWeeks({ year: 2026, week: 53 }, 1), { year: 2027, week: 1 });
    assert.deepEqual(addWeeks({ year: 2027, week: 1 }, -1), { year: 2026, week: 53 });
  });

  it('refuses dates that do not exist', () => {
    assert.throws(() => isoWeekOf('2026-02-30'), RangeError);
    assert.throws(() => isoWeekOf('23/11/2026'), RangeError);
  });
});

describe('which weeks the calendar shows', () => {
  const entries = ['2026-11-23', '2026-11-27'];
  it('builds every week between the entries and today, so previous/next always lead somewhere', () => {
    assert.deepEqual(weeksToBuild(entries, { year: 2026, week: 46 }), [
      { year: 2026, week: 46 },
      { year: 2026, week: 47 },
      { year: 2026, week: 48 },
    ]);
  });
  it('shows the current week when it has entries', () =>
    assert.deepEqual(displayedWeek(entries, { year: 2026, week: 48 }), { year: 2026, week: 48 }));
  it('shows the next week with entries when this week has none', () =>
    assert.deepEqual(displayedWeek(entries, { year: 2026, week: 47 }), { year: 2026, week: 48 }));
  it('falls back to the latest past week with entries', () =>
    assert.deepEqual(displayedWeek(entries, { year: 2027, week: 5 }), { year: 2026, week: 48 }));
  it('shows the current week, empty, when there are no entries at all', () =>
    assert.deepEqual(displayedWeek([], { year: 2027, week: 5 }), { year: 2027, week: 5 }));
});

describe('calendar dates for Vietnamese readers', () => {
  it('names weekdays in Vietnamese', () => {
    assert.equal(weekdayName('2026-11-23'), 'Thứ Hai');
    assert.equal(weekdayName('2026-11-29'), 'Chủ nhật');
  });
  it('formats a date as dd/mm/yyyy', () => assert.equal(formatCalendarDate('2026-11-03'), '03/11/2026'));
  it("takes today's date in Vietnam, not in UTC", () =>
    assert.equal(todayInVietnam(new Date('2026-11-22T18:30:00Z')), '2026-11-23'));
});
