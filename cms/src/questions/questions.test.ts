import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { randomInt } from 'node:crypto';
import {
  CODE_ALPHABET,
  newTrackingCode,
  normaliseTrackingCode,
  PERSONAL_FIELDS,
  QUESTION_PRIVATE_FIELDS,
  QUESTION_STATUSES,
} from './questions.ts';
import { CONSENT, HONEYPOT_FIELD, parseSubmission } from './submission.ts';

const here = path.dirname(new URL(import.meta.url).pathname);
const schema = JSON.parse(
  readFileSync(path.join(here, '../api/question/content-types/question/schema.json'), 'utf8'),
) as {
  attributes: Record<string, { enum?: string[]; private?: boolean }>;
};

const valid = {
  hoTen: 'Nguyễn Văn An',
  email: 'an@example.vn',
  linhVuc: 'abcdefghij0123456789abcd',
  tieuDe: 'Hỏi về thủ tục đăng ký hộ kinh doanh',
  noiDung: 'Tôi muốn đăng ký hộ kinh doanh tại xã, cần chuẩn bị những giấy tờ gì?',
  dongY: 'on',
  phienBanDongY: CONSENT.version,
};

describe('question content model', () => {
  it('takes its statuses from the list, filled in at register time (enumerations.ts)', () => {
    assert.deepEqual(schema.attributes.processingStatus?.enum, []);
    assert.deepEqual(
      QUESTION_STATUSES.map((s) => s.key),
      ['moi_nhan', 'dang_xu_ly', 'da_tra_loi', 'tu_choi'],
    );
  });
  it('keeps every personal and handling field private', () => {
    for (const field of [...PERSONAL_FIELDS, ...QUESTION_PRIVATE_FIELDS])
      assert.equal(schema.attributes[field]?.private, true, field);
  });
});

describe('tracking codes', () => {
  it('uses no character that reads like another', () => {
    for (const char of '0O1IL') assert.equal(CODE_ALPHABET.includes(char), false, char);
  });
  it('draws codes of two groups of four from the alphabet, distinct in practice', () => {
    const codes = new Set(Array.from({ length: 5000 }, () => newTrackingCode((n) => randomInt(n))));
    assert.equal(codes.size, 5000);
    for (const code of codes) assert.match(code, /^[A-HJKMNP-Z2-9]{4}-[A-HJKMNP-Z2-9]{4}$/);
  });
  it('reads what a citizen types', () => {
    assert.equal(normaliseTrackingCode(' k7qm 4txp '), 'K7QM-4TXP');
    assert.equal(normaliseTrackingCode('K7QM4TXP'), 'K7QM-4TXP');
    assert.equal(normaliseTrackingCode('K7QM-4TX0'), null);
    assert.equal(normaliseTrackingCode(['K7QM-4TXP']), null);
    assert.equal(normaliseTrackingCode('K7QM-4TXPP'), null);
  });
});

describe('question submission', () => {
  it('accepts a complete question and normalises it', () => {
    const parsed = parseSubmission({ ...valid, hoTen: '  Nguyễn Văn An ', dienThoai: '0912 345.678' });
    assert.ok(parsed.ok);
    assert.equal(parsed.value.hoTen, 'Nguyễn Văn An');
    assert.equal(parsed.value.dienThoai, '0912345678');
  });
  it('names the field in Vietnamese for each problem', () => {
    const parsed = parseSubmission({ ...valid, hoTen: '', email: 'khong-phai-thu', tieuDe: 42, dongY: undefined });
    assert.ok(!parsed.ok);
    const messages = Object.fromEntries(parsed.problems.map((p) => [p.field, p.message]));
    assert.match(messages.hoTen ?? '', /^Họ và tên: /);
    assert.match(messages.email ?? '', /^Thư điện tử: /);
    assert.match(messages.tieuDe ?? '', /^Tiêu đề: phải là văn bản/);
    assert.match(messages.dongY ?? '', /^Đồng ý xử lý dữ liệu cá nhân: /);
  });
  it('needs an e-mail or a phone number', () => {
    const parsed = parseSubmission({ ...valid, email: '' });
    assert.ok(!parsed.ok);
    assert.match(parsed.problems[0]?.message ?? '', /cần ít nhất một cách liên hệ/);
  });
  it('refuses markup, control characters, old consent texts and non-objects', () => {
    for (const body of [
      { ...valid, noiDung: 'Xin hỏi <script>alert(1)</script> về thủ tục này ạ' },
      { ...valid, tieuDe: 'Tiêu đề có ký tự \u0007 lạ ở giữa' },
      // What bytes that were not UTF-8 decode to.
      { ...valid, hoTen: 'Nguy\ufffd\ufffdn Văn An' },
      { ...valid, phienBanDongY: '2020-01-01' },
      [valid],
      'chuỗi',
      null,
    ])
      assert.equal(parseSubmission(body).ok, false, JSON.stringify(body));
  });
  it('has a honeypot name that is no real field', () => {
    assert.equal(HONEYPOT_FIELD in valid, false);
  });
});
