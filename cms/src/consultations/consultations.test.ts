/**
 * The pure rules of lấy ý kiến dự thảo: the phase from the period, the comment form's validation with
 * Vietnamese messages naming the field, the refusal outside the period, and the demo's periods placed in
 * Vietnam's calendar day.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { COMMENT_CONSENT, COMMENT_PERSONAL_FIELDS, consultationPhase, phaseLabel } from './consultations.ts';
import { parseComment } from './comment-submission.ts';
import { HONEYPOT_FIELD, MAX_BODY_BYTES } from '../citizen/fields.ts';

const period = { openAt: '2027-01-05T01:00:00.000Z', closeAt: '2027-02-05T10:00:00.000Z' };

describe('consultation phase', () => {
  it('is upcoming before the open, open from it, closed from the close', () => {
    assert.equal(consultationPhase(period, new Date('2027-01-05T00:59:59.999Z')), 'sap_mo');
    assert.equal(consultationPhase(period, new Date('2027-01-05T01:00:00.000Z')), 'dang_lay_y_kien');
    assert.equal(consultationPhase(period, new Date('2027-02-05T09:59:59.999Z')), 'dang_lay_y_kien');
    assert.equal(consultationPhase(period, new Date('2027-02-05T10:00:00.000Z')), 'da_ket_thuc');
    assert.equal(phaseLabel('dang_lay_y_kien'), 'Đang lấy ý kiến');
  });

  it('keeps the commenter and the consent among the personal fields', () => {
    for (const field of ['commenterName', 'commenterEmail', 'commenterPhone', 'commenterAddress', 'consentText'])
      assert.ok((COMMENT_PERSONAL_FIELDS as readonly string[]).includes(field), field);
    assert.equal(COMMENT_CONSENT.text, COMMENT_CONSENT.text.normalize('NFC'));
  });
});

const valid = {
  duThao: 'du-thao-quy-dinh-quan-ly-cho',
  hoTen: '  Nguyễn Văn Góp ',
  email: '',
  dienThoai: '0912.345.678',
  dieuKhoan: 'Điều 5',
  noiDung: 'Đề nghị bổ sung quy định về vệ sinh an toàn thực phẩm tại chợ.',
  dongY: 'on',
  phienBanDongY: COMMENT_CONSENT.version,
  [HONEYPOT_FIELD]: '',
};

describe('comment submission', () => {
  it('accepts a form post, trimming, dropping blanks and normalising the phone number', () => {
    const parsed = parseComment(valid);
    assert.ok(parsed.ok);
    assert.equal(parsed.value.hoTen, 'Nguyễn Văn Góp');
    assert.equal(parsed.value.email, undefined);
    assert.equal(parsed.value.dienThoai, '0912345678');
    assert.equal(parsed.value.dieuKhoan, 'Điều 5');
  });

  it('names each wrong field in Vietnamese', () => {
    const parsed = parseComment({
      ...valid,
      duThao: '../admin',
      noiDung: '<script>alert(1)</script> nội dung đủ dài để qua độ dài',
      dongY: undefined,
      phienBanDongY: '2020-01-01',
    });
    assert.ok(!parsed.ok);
    const messages = Object.fromEntries(parsed.problems.map((p) => [p.field, p.message]));
    assert.equal(messages.duThao, 'Dự thảo: không hợp lệ.');
    assert.equal(messages.noiDung, 'Nội dung góp ý: không được chứa mã HTML.');
    assert.equal(messages.dongY, 'Đồng ý xử lý dữ liệu cá nhân: cần đánh dấu đồng ý để gửi góp ý.');
    assert.match(messages.phienBanDongY ?? '', /đã thay đổi; hãy tải lại trang/);
    const noContact = parseComment({ ...valid, dienThoai: ' ' });
    assert.deepEqual(noContact.ok ? [] : noContact.problems, [
      { field: 'email', message: 'Thư điện tử hoặc Số điện thoại: cần ít nhất một cách liên hệ.' },
    ]);
  });

  it('refuses what is not an object, and text longer than the body limit allows', () => {
    assert.deepEqual(parseComment([valid]), {
      ok: false,
      problems: [{ field: '', message: 'Dữ liệu gửi lên phải là một biểu mẫu hoặc đối tượng JSON.' }],
    });
    const long = parseComment({ ...valid, noiDung: 'ạ'.repeat(5001) });
    assert.ok(!long.ok && long.problems[0]?.message === 'Nội dung góp ý: không quá 5000 ký tự.');
    // 5,000 characters of ordinary Vietnamese prose fit the route's body limit as a form.
    const prose = 'Đề nghị cơ quan soạn thảo làm rõ trách nhiệm của Ban quản lý chợ khi bố trí lại điểm kinh doanh. ';
    const longest = prose.repeat(60).slice(0, 5000);
    assert.ok(parseComment({ ...valid, noiDung: longest }).ok);
    assert.ok(new URLSearchParams({ ...valid, noiDung: longest }).toString().length < MAX_BODY_BYTES);
  });
});
