import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { periodRefusal, vietnamDayAt, vietnamTime, type OpenConsultation } from './period.ts';

const draft = (phase: OpenConsultation['phase']): OpenConsultation => ({
  documentId: 'd1',
  slug: 'du-thao-a',
  title: 'Dự thảo A',
  openAt: '2027-01-05T01:00:00.000Z',
  closeAt: '2027-02-05T10:00:00.000Z',
  phase,
});

describe('comment period refusal', () => {
  it('shows times in Vietnam (UTC+7)', () => {
    assert.equal(vietnamTime('2027-01-05T01:00:00.000Z'), '08:00 ngày 05/01/2027');
    assert.equal(vietnamTime('2027-02-05T17:30:00.000Z'), '00:30 ngày 06/02/2027');
  });

  it('is none while open, 409 before with the period, 410 after with the close', () => {
    assert.equal(periodRefusal(draft('dang_lay_y_kien')), null);
    assert.deepEqual(periodRefusal(draft('sap_mo')), {
      status: 409,
      message:
        'Dự thảo “Dự thảo A” chưa đến thời gian lấy ý kiến. Cổng nhận góp ý từ 08:00 ngày 05/01/2027 đến 17:00 ngày 05/02/2027.',
    });
    const closed = periodRefusal(draft('da_ket_thuc'));
    assert.equal(closed?.status, 410);
    assert.match(
      closed?.message ?? '',
      /^Đã hết thời gian lấy ý kiến dự thảo “Dự thảo A” \(kết thúc lúc 17:00 ngày 05\/02\/2027\)/,
    );
  });
});

describe('demo comment periods', () => {
  it('are days from the Vietnamese calendar day, at a Vietnamese hour', () => {
    // 23:30 on 1 Dec in UTC is already 2 Dec in Vietnam.
    const now = new Date('2026-12-01T23:30:00.000Z');
    assert.equal(vietnamDayAt(0, 8, now), '2026-12-02T01:00:00.000Z');
    assert.equal(vietnamDayAt(-5, 8, now), '2026-11-27T01:00:00.000Z');
    assert.equal(vietnamDayAt(25, 17, now), '2026-12-27T10:00:00.000Z');
  });
});
