/**
 * The answer deadline of a citizen's question in working days (ngày làm việc): Saturdays, Sundays and the
 * days off an operator lists (the Ngày nghỉ lễ type: Tết and Giỗ Tổ follow the lunar calendar, and the
 * Government moves days off every year, so the list is data, not code) do not count; a weekend day the
 * same list marks as a make-up working day (ngày làm bù, when the Government swaps a working day for a
 * bridge day off) does. Days are calendar days in Vietnam (Asia/Ho_Chi_Minh), whatever the server's time
 * zone. Pure (dates from text/dates.ts): unit-tested directly, used by the CMS (questions/deadline.ts) and the desk.
 */

import { TIME_ZONE, vietnamDay } from '../text/dates.ts';

export const PORTAL_TIME_ZONE = TIME_ZONE;

/** A calendar day as `YYYY-MM-DD`. */
export type IsoDate = string;

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** The day an instant falls on in Vietnam (a question sent at 23:30 UTC on the 1st arrives on the 2nd). */
export function localDate(instant: Date): IsoDate {
  if (Number.isNaN(instant.getTime())) throw new RangeError('Invalid instant');
  return vietnamDay(instant);
}

function parse(date: IsoDate): Date {
  const match = ISO_DATE.exec(date);
  if (!match) throw new RangeError(`Not a YYYY-MM-DD date: ${date}`);
  const value = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
  if (value.toISOString().slice(0, 10) !== date) throw new RangeError(`No such day: ${date}`);
  return value;
}

const format = (value: Date): IsoDate => value.toISOString().slice(0, 10);

/** The next calendar day (dates are handled as UTC midnights, so no offset can skip or repeat a day). */
export function nextDay(date: IsoDate): IsoDate {
  const value = parse(date);
  value.setUTCDate(value.getUTCDate() + 1);
  return format(value);
}

export function isWeekend(date: IsoDate): boolean {
  const weekday = parse(date).getUTCDay();
  return weekday === 0 || weekday === 6;
}

const NONE: ReadonlySet<IsoDate> = new Set();

/**
 * A make-up day is a working day even on a weekend; a day that is both (an operator's slip) counts as
 * worked, since the Government's announcement names make-up days explicitly.
 */
export function isWorkingDay(
  date: IsoDate,
  holidays: ReadonlySet<IsoDate>,
  makeUpDays: ReadonlySet<IsoDate> = NONE,
): boolean {
  return makeUpDays.has(date) || (!isWeekend(date) && !holidays.has(date));
}

/**
 * The last day to answer a question received at `receivedAt`: the `days`-th working day after the day of
 * receipt (the day of receipt itself does not count, whatever the hour; a question received on a Saturday
 * starts counting on Monday). At most 366 working days, so a holiday list covering everything cannot loop.
 */
export function dueDate(
  receivedAt: Date,
  days: number,
  holidays: ReadonlySet<IsoDate>,
  makeUpDays: ReadonlySet<IsoDate> = NONE,
): IsoDate {
  if (!Number.isInteger(days) || days < 1 || days > 366) throw new RangeError(`Working days out of range: ${days}`);
  let date = localDate(receivedAt);
  let counted = 0;
  // Ten years of days: more than enough for 366 working days with any realistic list of days off.
  for (let step = 0; step < 3660; step += 1) {
    date = nextDay(date);
    if (isWorkingDay(date, holidays, makeUpDays) && (counted += 1) === days) return date;
  }
  throw new RangeError('No working day found: check the list of days off');
}

/** Whether a question still waiting for its answer is past its due date on `now`'s day in Vietnam. */
export function isOverdue(due: IsoDate | null | undefined, answered: boolean, now: Date): boolean {
  return !answered && Boolean(due) && localDate(now) > String(due);
}

/** The working days after `from` up to and including `to` (0 when `to` is not after `from`). */
export function workingDaysBetween(
  from: IsoDate,
  to: IsoDate,
  holidays: ReadonlySet<IsoDate>,
  makeUpDays: ReadonlySet<IsoDate> = NONE,
): number {
  parse(to);
  let count = 0;
  for (let date = from; date < to;) {
    date = nextDay(date);
    if (isWorkingDay(date, holidays, makeUpDays)) count += 1;
  }
  return count;
}

/** Working days left until the due date (0 on the due date, negative when overdue, counting working days late). */
export function workingDaysLeft(
  due: IsoDate,
  now: Date,
  holidays: ReadonlySet<IsoDate>,
  makeUpDays: ReadonlySet<IsoDate> = NONE,
): number {
  const today = localDate(now);
  return today <= due
    ? workingDaysBetween(today, due, holidays, makeUpDays)
    : -workingDaysBetween(due, today, holidays, makeUpDays);
}

/** A working calendar: the days off and the make-up working days an operator listed. */
export interface WorkingCalendar {
  holidays: ReadonlySet<IsoDate>;
  makeUpDays: ReadonlySet<IsoDate>;
}

/**
 * The due date of a question after the calendar changed: the same number of working days after receipt as
 * its due date had under the calendar it was computed with (so a deadline the board set by hand, or one given
 * under an earlier `questionAnswerDays`, keeps its length), counted on the new calendar. Null when nothing
 * moves, or when the old due date is not after the day of receipt (nothing to recount).
 */
export function recountDueDate(
  receivedAt: Date,
  due: IsoDate,
  before: WorkingCalendar,
  after: WorkingCalendar,
): IsoDate | null {
  const days = workingDaysBetween(localDate(receivedAt), due, before.holidays, before.makeUpDays);
  if (days < 1 || days > 366) return null;
  const moved = dueDate(receivedAt, days, after.holidays, after.makeUpDays);
  return moved === due ? null : moved;
}
