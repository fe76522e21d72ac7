/**
 * `npm run holidays:propose -- --year 2027`: the public holidays of a year as a proposal for the Ngày nghỉ lễ, làm bù
 * list the answer deadlines skip (cms/src/questions/working-days.ts). Tết Nguyên đán and Giỗ Tổ Hùng Vương
 * follow the lunar calendar (converted with @dqcai/vn-lunar); the Labour Code (Bộ luật Lao động 2019,
 * Điều 112) fixes the others. The Government sets the exact Tết and Quốc khánh days and the compensatory
 * days each year, so this only proposes: the operator checks against the announcement and enters the days
 * in the admin panel (Content Manager → Ngày nghỉ lễ, làm bù), with the make-up working Saturdays the
 * announcement names (those count as working days).
 */
import { parseArgs } from 'node:util';
import { getSolarDate } from '@dqcai/vn-lunar';
import { isWeekend, nextDay } from '../../cms/src/questions/working-days.ts';

export interface Holiday {
  date: string;
  name: string;
}

const iso = (year: number, month: number, day: number) =>
  `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;

function lunarToSolar(day: number, month: number, lunarYear: number): string {
  const solar = getSolarDate(day, month, lunarYear);
  return iso(solar.year, solar.month, solar.day);
}

/** The day before, as YYYY-MM-DD. */
function previousDay(date: string): string {
  const value = new Date(`${date}T00:00:00Z`);
  value.setUTCDate(value.getUTCDate() - 1);
  return value.toISOString().slice(0, 10);
}

/** The proposal for a solar year, sorted by date, compensatory days included. */
export function proposeHolidays(year: number): Holiday[] {
  const days: Holiday[] = [{ date: iso(year, 1, 1), name: 'Tết Dương lịch' }];
  // Tết of the lunar year that starts in this solar year: the last day of the old year and mùng 1–4.
  const tet = lunarToSolar(1, 1, year);
  days.push({ date: previousDay(tet), name: 'Tết Nguyên đán (ngày cuối năm âm lịch)' });
  let day = tet;
  for (let n = 1; n <= 4; n += 1, day = nextDay(day)) days.push({ date: day, name: `Tết Nguyên đán (mùng ${n})` });
  days.push({ date: lunarToSolar(10, 3, year), name: 'Giỗ Tổ Hùng Vương (10/3 âm lịch)' });
  days.push({ date: iso(year, 4, 30), name: 'Ngày Chiến thắng (30/4)' });
  days.push({ date: iso(year, 5, 1), name: 'Ngày Quốc tế Lao động (1/5)' });
  days.push({ date: iso(year, 9, 2), name: 'Quốc khánh (2/9)' });
  // The second Quốc khánh day is the day before or after 2/9; after, unless 2/9 is a Monday.
  const monday = new Date(`${iso(year, 9, 2)}T00:00:00Z`).getUTCDay() === 1;
  days.push({ date: monday ? iso(year, 9, 1) : iso(year, 9, 3), name: 'Quốc khánh (ngày liền kề)' });
  // A holiday on a Saturday or Sunday gives a compensatory day on the next working day.
  const taken = new Set(days.map((d) => d.date));
  for (const holiday of [...days].sort((a, b) => a.date.localeCompare(b.date))) {
    if (!isWeekend(holiday.date)) continue;
    let off = nextDay(holiday.date);
    while (isWeekend(off) || taken.has(off)) off = nextDay(off);
    taken.add(off);
    days.push({ date: off, name: `Nghỉ bù ${holiday.name}` });
  }
  return days.filter((d) => d.date.startsWith(`${year}-`)).sort((a, b) => a.date.localeCompare(b.date));
}

if (import.meta.main) {
  const { values } = parseArgs({ options: { year: { type: 'string' }, json: { type: 'boolean' } }, strict: true });
  const year = Number(values.year ?? new Date().getFullYear() + 1);
  if (!Number.isInteger(year) || year < 1900 || year > 2199) {
    console.error('--year: một năm từ 1900 đến 2199, ví dụ --year 2027');
    process.exit(2);
  }
  const proposal = proposeHolidays(year);
  if (values.json) console.log(JSON.stringify(proposal, null, 2));
  else {
    console.log(`Đề xuất ngày nghỉ lễ năm ${year} (đối chiếu với thông báo của Chính phủ trước khi nhập):`);
    for (const holiday of proposal) console.log(`  ${holiday.date}  ${holiday.name}`);
  }
}
