import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import {
  dueDate,
  isOverdue,
  isWeekend,
  isWorkingDay,
  localDate,
  nextDay,
  recountDueDate,
  workingDaysBetween,
  workingDaysLeft,
} from './working-days.ts';

/** An instant given as Vietnam wall-clock time (UTC+7, no daylight saving). */
const vn = (local: string) => new Date(`${local}+07:00`);
const none = new Set<string>();

describe('working days (Asia/Ho_Chi_Minh)', () => {
  it('takes the day of receipt in Vietnam, not in UTC or the server zone', () => {
    assert.equal(localDate(new Date('2026-03-01T17:30:00Z')), '2026-03-02');
    assert.equal(localDate(new Date('2026-03-01T16:59:59Z')), '2026-03-01');
    assert.equal(localDate(vn('2026-12-31T23:59:00')), '2026-12-31');
    assert.equal(localDate(vn('2027-01-01T00:00:00')), '2027-01-01');
  });

  it('knows weekends and steps over month and leap days', () => {
    assert.equal(isWeekend('2026-12-05'), true); // Saturday
    assert.equal(isWeekend('2026-12-06'), true); // Sunday
    assert.equal(isWeekend('2026-12-07'), false);
    assert.equal(nextDay('2028-02-28'), '2028-02-29');
    assert.equal(nextDay('2027-02-28'), '2027-03-01');
    assert.equal(nextDay('2026-12-31'), '2027-01-01');
  });

  it('counts 10 working days from the day after receipt, skipping weekends', () => {
    // Monday 7 Dec 2026 → Tue 8 … Fri 11 (4), Mon 14 … Fri 18 (9), Mon 21 (10).
    assert.equal(dueDate(vn('2026-12-07T09:00:00'), 10, none), '2026-12-21');
    // Friday evening counts from Monday; Saturday and Sunday receipts too.
    assert.equal(dueDate(vn('2026-12-11T22:00:00'), 1, none), '2026-12-14');
    assert.equal(dueDate(vn('2026-12-12T10:00:00'), 1, none), '2026-12-14');
    assert.equal(dueDate(vn('2026-12-13T10:00:00'), 5, none), '2026-12-18');
  });

  it('uses the Vietnamese day for a question sent just after midnight local time (still the previous day in UTC)', () => {
    // 00:30 on Saturday in Vietnam is 17:30 UTC on Friday: the receipt day is Saturday, so Monday is day 1.
    assert.equal(dueDate(new Date('2026-12-11T17:30:00Z'), 1, none), '2026-12-14');
    // 23:30 on Thursday in Vietnam: Friday is day 1.
    assert.equal(dueDate(new Date('2026-12-10T16:30:00Z'), 1, none), '2026-12-11');
  });

  it('skips the listed days off, across the year boundary', () => {
    const holidays = new Set(['2027-01-01']);
    // Wed 30 Dec 2026 → Thu 31 (1), [Fri 1 Jan off], Mon 4 (2), Tue 5 (3).
    assert.equal(dueDate(vn('2026-12-30T08:00:00'), 3, holidays), '2027-01-05');
    assert.equal(dueDate(vn('2026-12-30T08:00:00'), 3, none), '2027-01-04');
  });

  it('skips a long Tết break given as data', () => {
    // Tết Đinh Mùi 2027: 6 Feb is the first day of the lunar year; the break below is an example list.
    const tet = new Set(['2027-02-04', '2027-02-05', '2027-02-08', '2027-02-09', '2027-02-10']);
    // Tue 2 Feb 2027 → Wed 3 (1), [Thu 4, Fri 5 off, weekend, Mon 8 – Wed 10 off], Thu 11 (2), Fri 12 (3).
    assert.equal(dueDate(vn('2027-02-02T15:00:00'), 3, tet), '2027-02-12');
  });

  it('refuses nonsense instead of looping', () => {
    assert.throws(() => dueDate(new Date('x'), 10, none), RangeError);
    assert.throws(() => dueDate(vn('2026-12-07T09:00:00'), 0, none), RangeError);
    assert.throws(() => dueDate(vn('2026-12-07T09:00:00'), 1.5, none), RangeError);
    assert.throws(() => nextDay('2026-02-30'), RangeError);
  });

  it('says when an unanswered question is overdue, on the Vietnamese day', () => {
    assert.equal(isOverdue('2026-12-21', false, vn('2026-12-21T23:59:00')), false);
    assert.equal(isOverdue('2026-12-21', false, vn('2026-12-22T00:00:00')), true);
    assert.equal(isOverdue('2026-12-21', true, vn('2026-12-30T00:00:00')), false);
    assert.equal(isOverdue(null, false, vn('2026-12-30T00:00:00')), false);
  });

  it('counts working days left and late', () => {
    assert.equal(workingDaysLeft('2026-12-21', vn('2026-12-18T10:00:00'), none), 1);
    assert.equal(workingDaysLeft('2026-12-21', vn('2026-12-21T10:00:00'), none), 0);
    assert.equal(workingDaysLeft('2026-12-18', vn('2026-12-22T10:00:00'), none), -2);
  });

  // 30/4–1/5/2024 for civil servants: Mon 29 Apr off in exchange for working Saturday 4 May (ngày làm bù).
  const swapOff = new Set(['2024-04-29', '2024-04-30', '2024-05-01']);
  const swapWorked = new Set(['2024-05-04']);

  it('counts a make-up Saturday (ngày làm bù) as a working day', () => {
    assert.equal(isWorkingDay('2024-05-04', swapOff), false);
    assert.equal(isWorkingDay('2024-05-04', swapOff, swapWorked), true);
    assert.equal(isWorkingDay('2024-04-29', swapOff, swapWorked), false);
    // Fri 26 Apr → [Mon 29 – Wed 1 off] Thu 2 (1), Fri 3 (2), Sat 4 worked (3); without it Mon 6.
    assert.equal(dueDate(vn('2024-04-26T10:00:00'), 3, swapOff, swapWorked), '2024-05-04');
    assert.equal(dueDate(vn('2024-04-26T10:00:00'), 3, swapOff), '2024-05-06');
    assert.equal(workingDaysBetween('2024-04-26', '2024-05-06', swapOff, swapWorked), 4);
    assert.equal(workingDaysLeft('2024-05-06', vn('2024-05-02T08:00:00'), swapOff, swapWorked), 3);
  });

  it('recounts an open deadline when the calendar changes, keeping its number of working days', () => {
    const received = vn('2024-04-22T09:00:00');
    const holidaysOnly = { holidays: new Set(['2024-04-30', '2024-05-01']), makeUpDays: none };
    // Mon 22 Apr + 10 working days under the law's days off alone: Wed 8 May.
    const due = dueDate(received, 10, holidaysOnly.holidays);
    assert.equal(due, '2024-05-08');
    // The swap: one day off more, one Saturday worked: the deadline does not move.
    assert.equal(recountDueDate(received, due, holidaysOnly, { holidays: swapOff, makeUpDays: swapWorked }), null);
    // The day off without its make-up Saturday: one day later.
    assert.equal(recountDueDate(received, due, holidaysOnly, { holidays: swapOff, makeUpDays: none }), '2024-05-09');
    // And back when the operator adds the make-up day.
    assert.equal(
      recountDueDate(
        received,
        '2024-05-09',
        { holidays: swapOff, makeUpDays: none },
        { holidays: swapOff, makeUpDays: swapWorked },
      ),
      '2024-05-08',
    );
    // A deadline the board set by hand (5 working days) keeps 5 working days.
    assert.equal(
      recountDueDate(
        received,
        '2024-04-29',
        { holidays: none, makeUpDays: none },
        { holidays: swapOff, makeUpDays: none },
      ),
      '2024-05-02',
    );
    // A due date on or before the day of receipt has nothing to recount.
    assert.equal(recountDueDate(received, '2024-04-22', holidaysOnly, { holidays: swapOff, makeUpDays: none }), null);
  });
});
