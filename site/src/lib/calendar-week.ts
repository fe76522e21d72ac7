/**
 * The leaders' calendar is published a week at a time (Monday to Sunday, ISO 8601 week numbers, as
 * "Tuần 48 năm 2026"). Pure date arithmetic on calendar dates (YYYY-MM-DD), in UTC so the build
 * machine's time zone cannot shift a day; "today" is taken in Asia/Ho_Chi_Minh by the caller.
 */
import type { IsoWeek } from './routes.ts';
import { vietnamDay } from '@portal/cms/model/dates';

const DAY = 86_400_000;
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

function parseDate(date: string): number {
  const match = DATE.exec(date);
  if (!match) throw new RangeError(`Not a calendar date (YYYY-MM-DD): "${date}"`);
  const time = Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]));
  if (new Date(time).toISOString().slice(0, 10) !== date) throw new RangeError(`No such date: "${date}"`);
  return time;
}

const toDate = (time: number): string => new Date(time).toISOString().slice(0, 10);

/** The ISO week a date falls in (the week belongs to the year of its Thursday). */
export function isoWeekOf(date: string): IsoWeek {
  const time = parseDate(date);
  const weekday = (new Date(time).getUTCDay() + 6) % 7; // Monday 0 … Sunday 6
  const thursday = new Date(time + (3 - weekday) * DAY);
  const year = thursday.getUTCFullYear();
  const week = 1 + Math.floor((thursday.getTime() - Date.UTC(year, 0, 1)) / (7 * DAY));
  return { year, week };
}

/** The Monday of an ISO week. */
export function mondayOf({ year, week }: IsoWeek): string {
  const jan4 = Date.UTC(year, 0, 4);
  const jan4Weekday = (new Date(jan4).getUTCDay() + 6) % 7;
  return toDate(jan4 - jan4Weekday * DAY + (week - 1) * 7 * DAY);
}

/** The seven dates of a week, Monday first. */
export function daysOf(week: IsoWeek): string[] {
  const monday = parseDate(mondayOf(week));
  return Array.from({ length: 7 }, (_, index) => toDate(monday + index * DAY));
}

/** The week `offset` weeks after (or before, if negative) the given one. */
export function addWeeks(week: IsoWeek, offset: number): IsoWeek {
  return isoWeekOf(toDate(parseDate(mondayOf(week)) + offset * 7 * DAY));
}

export const weekKey = ({ year, week }: IsoWeek): number => year * 100 + week;
export const sameWeek = (a: IsoWeek, b: IsoWeek): boolean => weekKey(a) === weekKey(b);

/**
 * The weeks to build: every week from the earliest to the latest of the weeks with entries and the
 * current week, so "previous week" and "next week" always lead to a page.
 */
export function weeksToBuild(entryDates: readonly string[], current: IsoWeek): IsoWeek[] {
  const keys = [...entryDates.map((date) => isoWeekOf(date)), current];
  const first = keys.reduce((a, b) => (weekKey(b) < weekKey(a) ? b : a));
  const last = keys.reduce((a, b) => (weekKey(b) > weekKey(a) ? b : a));
  const weeks: IsoWeek[] = [];
  for (let week = first; weekKey(week) <= weekKey(last); week = addWeeks(week, 1)) weeks.push(week);
  return weeks;
}

/**
 * Which week /lich-cong-tac/ shows: the current week when it has entries; otherwise the nearest
 * week ahead that has some (the calendar is often published before the week starts); otherwise the
 * latest past week that has some; otherwise the current week, empty.
 */
export function displayedWeek(entryDates: readonly string[], current: IsoWeek): IsoWeek {
  const weeks = entryDates.map((date) => isoWeekOf(date)).sort((a, b) => weekKey(a) - weekKey(b));
  if (weeks.some((week) => sameWeek(week, current))) return current;
  return (
    weeks.find((week) => weekKey(week) > weekKey(current)) ??
    weeks.findLast((week) => weekKey(week) < weekKey(current)) ??
    current
  );
}

/** Today's date where the portal is (Asia/Ho_Chi_Minh), whatever the build machine's zone. */
export function todayInVietnam(now: Date = new Date()): string {
  return vietnamDay(now);
}

/** "2026-11-23" → "Thứ Hai", … "Chủ nhật". */
export function weekdayName(date: string): string {
  const names = ['Chủ nhật', 'Thứ Hai', 'Thứ Ba', 'Thứ Tư', 'Thứ Năm', 'Thứ Sáu', 'Thứ Bảy'];
  return names[new Date(parseDate(date)).getUTCDay()] ?? '';
}

/** "2026-11-23" → "23/11/2026". */
export function formatCalendarDate(date: string): string {
  parseDate(date);
  const [year, month, day] = date.split('-');
  return `${day}/${month}/${year}`;
}
