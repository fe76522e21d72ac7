/** Which calendar week pages the build makes, and what each shows: shared by the two page files. */
import { addWeeks, displayedWeek, isoWeekOf, todayInVietnam, weeksToBuild, weekKey } from './calendar-week.ts';
import { calendarEntries, type CalendarEntry } from './cms-portal.ts';
import type { IsoWeek } from './routes.ts';

export type CalendarWeekProps = {
  week: IsoWeek;
  entries: CalendarEntry[];
  previous: IsoWeek | undefined;
  next: IsoWeek | undefined;
};

export async function calendarWeeks(today = todayInVietnam()) {
  const entries = await calendarEntries();
  const current = isoWeekOf(today);
  const weeks = weeksToBuild(
    entries.map((entry) => entry.date),
    current,
  );
  const built = new Set(weeks.map(weekKey));
  const props = (week: IsoWeek): CalendarWeekProps => {
    const previous = addWeeks(week, -1);
    const next = addWeeks(week, 1);
    return {
      week,
      entries: entries.filter((entry) => weekKey(isoWeekOf(entry.date)) === weekKey(week)),
      previous: built.has(weekKey(previous)) ? previous : undefined,
      next: built.has(weekKey(next)) ? next : undefined,
    };
  };
  return {
    current,
    weeks: weeks.map(props),
    shown: props(
      displayedWeek(
        entries.map((entry) => entry.date),
        current,
      ),
    ),
  };
}
