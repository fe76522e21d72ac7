import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { proposeHolidays } from './holidays.ts';

describe('proposed days off', () => {
  it('puts Tết and Giỗ Tổ on their lunar dates', () => {
    const days = proposeHolidays(2027);
    const on = (date: string) => days.filter((d) => d.date === date).map((d) => d.name);
    // Tết Đinh Mùi: mùng 1 is Saturday 6 February 2027; Giỗ Tổ (10/3 âm lịch) is Friday 16 April 2027.
    assert.deepEqual(on('2027-02-05'), ['Tết Nguyên đán (ngày cuối năm âm lịch)']);
    assert.deepEqual(on('2027-02-06'), ['Tết Nguyên đán (mùng 1)']);
    assert.deepEqual(on('2027-02-09'), ['Tết Nguyên đán (mùng 4)']);
    assert.deepEqual(on('2027-04-16'), ['Giỗ Tổ Hùng Vương (10/3 âm lịch)']);
    // Tết Bính Ngọ: mùng 1 is 17 February 2026.
    assert.ok(proposeHolidays(2026).some((d) => d.date === '2026-02-17' && d.name.includes('mùng 1')));
  });

  it('gives a compensatory working day for a holiday on a weekend, never on another holiday', () => {
    const days = proposeHolidays(2027);
    // 1 May 2027 is a Saturday: Monday 3 May is the compensatory day.
    assert.ok(days.some((d) => d.date === '2027-05-03' && d.name.startsWith('Nghỉ bù')));
    // Mùng 1 (Sat) and mùng 2 (Sun): compensated after mùng 4 (Tue 9 Feb), on Wed 10 and Thu 11.
    const bu = days.filter((d) => d.name.startsWith('Nghỉ bù Tết')).map((d) => d.date);
    assert.deepEqual(bu, ['2027-02-10', '2027-02-11']);
    assert.equal(new Set(days.map((d) => d.date)).size, days.length, 'one line per day');
  });
});
