import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { formatDate, formatDateTime, isoDateTime } from './dates.ts';

describe('dates are shown in Asia/Ho_Chi_Minh', () => {
  const cases: Array<{ input: string; date: string; dateTime: string; iso: string; why: string }> = [
    {
      why: 'an evening UTC time is already the next day in Vietnam',
      input: '2026-11-17T18:30:00Z',
      date: '18/11/2026',
      dateTime: '01:30 18/11/2026',
      iso: '2026-11-18T01:30:00+07:00',
    },
    {
      why: 'a time given with the +07:00 offset keeps its wall-clock time',
      input: '2026-11-03T17:20:00+07:00',
      date: '03/11/2026',
      dateTime: '17:20 03/11/2026',
      iso: '2026-11-03T17:20:00+07:00',
    },
    {
      why: 'new year in UTC is still 07:00 on 1 January locally',
      input: '2026-01-01T00:00:00.000Z',
      date: '01/01/2026',
      dateTime: '07:00 01/01/2026',
      iso: '2026-01-01T07:00:00+07:00',
    },
    {
      why: 'the last evening of the year in Vietnam rolls into the next year',
      input: '2026-12-31T17:00:00Z',
      date: '01/01/2027',
      dateTime: '00:00 01/01/2027',
      iso: '2027-01-01T00:00:00+07:00',
    },
    {
      why: 'midnight locally is 00:00, not 24:00',
      input: '2026-09-04T17:00:00Z',
      date: '05/09/2026',
      dateTime: '00:00 05/09/2026',
      iso: '2026-09-05T00:00:00+07:00',
    },
  ];
  for (const { why, input, date, dateTime, iso } of cases) {
    it(why, () => {
      assert.equal(formatDate(input), date);
      assert.equal(formatDateTime(input), dateTime);
      assert.equal(isoDateTime(input), iso);
    });
  }

  it('refuses text that is not a date instead of printing "Invalid Date"', () => {
    for (const bad of ['', 'hôm qua', '2026-13-45']) {
      assert.throws(() => formatDate(bad), RangeError);
      assert.throws(() => isoDateTime(bad), RangeError);
    }
  });
});
