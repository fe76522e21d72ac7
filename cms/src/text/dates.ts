/**
 * Dates as Vietnamese readers expect them: dd/mm/yyyy, in Asia/Ho_Chi_Minh whatever the build
 * machine's time zone (a CI runner in UTC would otherwise show the previous day for evening news).
 * One owner for the site's pages and feeds, the CMS's public answers and the editor's panel; loaded as
 * @portal/cms/model/dates, so it imports nothing.
 */

export const TIME_ZONE = 'Asia/Ho_Chi_Minh';

const partsFormat = new Intl.DateTimeFormat('en-GB', {
  timeZone: TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
});

interface LocalParts {
  year: string;
  month: string;
  day: string;
  hour: string;
  minute: string;
  second: string;
}

function toDate(iso: string): Date {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) throw new RangeError(`Not a date: "${iso}"`);
  return date;
}

function localParts(date: Date): LocalParts {
  const parts: Record<string, string> = {};
  for (const { type, value } of partsFormat.formatToParts(date)) parts[type] = value;
  const { year = '', month = '', day = '', hour = '', minute = '', second = '' } = parts;
  return { year, month, day, hour, minute, second };
}

/** '2026-11-17T18:30:00Z' → '18/11/2026' */
export function formatDate(iso: string): string {
  const { day, month, year } = localParts(toDate(iso));
  return `${day}/${month}/${year}`;
}

/** The calendar day an instant falls on in Vietnam, as YYYY-MM-DD: 2026-11-17T18:30:00Z → '2026-11-18'. */
export function vietnamDay(instant: Date): string {
  const { year, month, day } = localParts(instant);
  return `${year}-${month}-${day}`;
}

/** '2026-11-17T18:30:00Z' → '01:30 18/11/2026' (with `seconds`: '01:30:00 18/11/2026') */
export function formatDateTime(iso: string, { seconds = false }: { seconds?: boolean } = {}): string {
  const { hour, minute, second, day, month, year } = localParts(toDate(iso));
  return `${hour}:${minute}${seconds ? `:${second}` : ''} ${day}/${month}/${year}`;
}

/** For <time datetime>: the same instant in local time with its offset, '2026-11-18T01:30:00+07:00'. */
export function isoDateTime(iso: string): string {
  const date = toDate(iso);
  const p = localParts(date);
  const localAsUtc = Date.UTC(+p.year, +p.month - 1, +p.day, +p.hour, +p.minute, +p.second);
  const offset = Math.round((localAsUtc - Math.floor(date.getTime() / 1000) * 1000) / 60_000);
  const sign = offset < 0 ? '-' : '+';
  const hh = String(Math.floor(Math.abs(offset) / 60)).padStart(2, '0');
  const mm = String(Math.abs(offset) % 60).padStart(2, '0');
  return `${p.year}-${p.month}-${p.day}T${p.hour}:${p.minute}:${p.second}${sign}${hh}:${mm}`;
}

/**
 * A date as the database or a request holds it (ISO text, epoch milliseconds, or a driver's `Date`) in
 * epoch milliseconds; null when it is empty or not a date.
 */
export function timeOf(value: unknown): number | null {
  if (typeof value !== 'string' && typeof value !== 'number' && !(value instanceof Date)) return null;
  if (value === '') return null;
  const time = new Date(value).getTime();
  return Number.isNaN(time) ? null : time;
}
