/**
 * Malformed question submissions for the fuzz test: wrong types, missing and oversized fields, bad JSON
 * and encodings, markup, forged or replayed proof-of-work, filled honeypots, wrong content types.
 * Every one must be refused with a 4xx and store nothing. Seeded: the same seed gives the same requests.
 */
import { seededRandom } from '@portal/scripts/random';

export interface FuzzRequest {
  kind: string;
  headers: Record<string, string>;
  body: Buffer;
}

export function validQuestion(fieldId: string, consentVersion: string): Record<string, string> {
  return {
    hoTen: 'Trần Thị Bình',
    email: 'binh@example.vn',
    linhVuc: fieldId,
    tieuDe: 'Hỏi về thời hạn cấp giấy chứng nhận quyền sử dụng đất',
    noiDung: 'Gia đình tôi nộp hồ sơ cấp giấy chứng nhận đã ba tháng, xin hỏi thời hạn giải quyết là bao lâu?',
    dongY: 'on',
    phienBanDongY: consentVersion,
  };
}

const json = (value: unknown) => Buffer.from(JSON.stringify(value));
const form = (value: Record<string, string>) => Buffer.from(new URLSearchParams(value).toString());
const JSON_TYPE = { 'Content-Type': 'application/json' };
const FORM_TYPE = { 'Content-Type': 'application/x-www-form-urlencoded' };

export function questionFuzz(count: number, fieldId: string, consentVersion: string, seed = 12): FuzzRequest[] {
  const random = seededRandom(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
  const valid = validQuestion(fieldId, consentVersion);
  const names = Object.keys(valid);
  const wrongValues: unknown[] = [42, -1, 3.5, true, false, null, [], ['a'], {}, { $ne: '' }, [valid.hoTen], 1e308];
  const markup = [
    '<script>alert(1)</script>',
    '<img src=x onerror=alert(1)>',
    '<svg/onload=alert(1)>',
    '</textarea><script>alert(document.cookie)</script>',
    '<a href="javascript:alert(1)">x</a>',
    '<!-- x -->',
    '<iframe src="//evil.example">',
  ];
  const forgedPow = () => {
    const challenge = {
      parameters: {
        algorithm: pick(['PBKDF2/SHA-256', 'SHA-256', 'ARGON2ID', 'x']),
        nonce: Math.floor(random() * 1e16)
          .toString(16)
          .padStart(32, '0'),
        salt: Math.floor(random() * 1e16)
          .toString(16)
          .padStart(32, '0'),
        cost: pick([1, 1000, 1e9, -5]),
        keyLength: 32,
        keyPrefix: 'abcd',
        expiresAt: Math.floor(Date.now() / 1000) + pick([600, -600]),
      },
      signature: pick(['00'.repeat(32), 'zz', '']),
    };
    const payload = { challenge, solution: { counter: Math.floor(random() * 1e6), derivedKey: 'ab'.repeat(16) } };
    return pick([
      Buffer.from(JSON.stringify(payload)).toString('base64'),
      'bm90IGpzb24=',
      '%%%',
      'a'.repeat(30_000),
      Buffer.from('{"challenge":1,"solution":2}').toString('base64'),
    ]);
  };

  const cases: Array<() => FuzzRequest> = [
    // A field with a value of the wrong type (JSON).
    () => {
      const name = pick(names);
      const value = pick(wrongValues);
      // `true` is a valid consent (a JSON checkbox); every other wrong value must be refused.
      return {
        kind: 'wrong type',
        headers: JSON_TYPE,
        body: json({ ...valid, [name]: name === 'dongY' && value === true ? 1 : value }),
      };
    },
    // A required field missing, or everything missing.
    () => {
      const copy: Record<string, unknown> = { ...valid };
      delete copy[pick(['hoTen', 'linhVuc', 'tieuDe', 'noiDung', 'dongY', 'phienBanDongY'])];
      return { kind: 'missing field', headers: pick([JSON_TYPE, FORM_TYPE]), body: pick([json(copy), json({})]) };
    },
    // Markup in any text field.
    () => {
      const name = pick(['hoTen', 'diaChi', 'tieuDe', 'noiDung']);
      const value = `${pick(['Xin hỏi ', ''])}${pick(markup)}${' về thủ tục đất đai tại địa phương'.repeat(2)}`;
      const body = { ...valid, [name]: value };
      return { kind: 'markup', headers: pick([JSON_TYPE, FORM_TYPE]), body: random() < 0.5 ? json(body) : form(body) };
    },
    // Over the field limits (still under the body limit).
    () => {
      const name = pick(['hoTen', 'tieuDe', 'noiDung', 'diaChi', 'email']);
      const length = { hoTen: 101, tieuDe: 201, noiDung: 5001, diaChi: 301, email: 260 }[name] ?? 300;
      const value = name === 'email' ? `${'a'.repeat(length)}@example.vn` : 'Đ'.repeat(length);
      return { kind: 'field too long', headers: JSON_TYPE, body: json({ ...valid, [name]: value }) };
    },
    // Over the body limit.
    () => ({
      kind: 'body too large',
      headers: pick([JSON_TYPE, FORM_TYPE]),
      body: json({ ...valid, noiDung: 'x'.repeat(33 * 1024 + Math.floor(random() * 20_000)) }),
    }),
    // Broken JSON.
    () => ({
      kind: 'bad JSON',
      headers: JSON_TYPE,
      body: Buffer.from(
        pick(['{', '{"hoTen":', 'null', '[]', '[1,2]', '"x"', '{"a":1}}', '\u0000', '{"hoTen":"\\ud800"}', 'true']),
      ),
    }),
    // Deep nesting.
    () => ({
      kind: 'deep nesting',
      headers: pick([JSON_TYPE, FORM_TYPE]),
      body: Buffer.from(
        random() < 0.5 ? `${'{"a":'.repeat(200)}1${'}'.repeat(200)}` : `hoTen${'[a]'.repeat(60)}=1&tieuDe=x`,
      ),
    }),
    // Bad encodings: invalid UTF-8, control characters, bidi overrides.
    () => {
      const name = pick(['hoTen', 'tieuDe', 'noiDung']);
      const bad = pick(['\u0007chuông', 'chữ\u202egnaođ', 'ký tự\u0000rỗng', 'dòng\u001bthoát']);
      const raw = random() < 0.5;
      const body = raw
        ? Buffer.concat([Buffer.from(`{"hoTen":"`), Buffer.from([0xff, 0xfe, 0xc3]), Buffer.from(`"}`)])
        : json({ ...valid, [name]: `${bad} ${valid.tieuDe}` });
      return { kind: 'bad encoding', headers: JSON_TYPE, body };
    },
    // Wrong content types.
    () => ({
      kind: 'wrong content type',
      headers: {
        'Content-Type': pick([
          'text/plain',
          'application/xml',
          'multipart/form-data; boundary=x',
          'application/octet-stream',
          'text/html',
          'image/png',
        ]),
      },
      body: pick([json(valid), form(valid), Buffer.from('<q><hoTen>x</hoTen></q>'), Buffer.from('--x--\r\n')]),
    }),
    // Forged proof-of-work.
    () => ({ kind: 'forged proof-of-work', headers: JSON_TYPE, body: json({ ...valid, altcha: forgedPow() }) }),
    // The honeypot filled in.
    () => ({
      kind: 'honeypot',
      headers: pick([JSON_TYPE, FORM_TYPE]),
      body: random() < 0.5 ? json({ ...valid, trangWeb: 'http://spam.example' }) : form({ ...valid, trangWeb: 'x' }),
    }),
    // Unknown choices, a bad phone, a bad e-mail, no contact, no consent, an old consent text.
    () => {
      const change = pick<Record<string, string>>([
        { linhVuc: 'aaaaaaaaaaaaaaaaaaaaaaaa' },
        { coQuan: 'bbbbbbbbbbbbbbbbbbbbbbbb' },
        { linhVuc: '../../admin' },
        { dienThoai: '12345' },
        { email: 'khong-phai-email' },
        { email: '', dienThoai: '' },
        { dongY: 'khong' },
        { phienBanDongY: '1999-01-01' },
        { tieuDe: 'ngắn' },
        { noiDung: 'quá ngắn' },
      ]);
      const body = { ...valid, ...change };
      return {
        kind: 'invalid value',
        headers: pick([JSON_TYPE, FORM_TYPE]),
        body: random() < 0.5 ? json(body) : form(body),
      };
    },
  ];
  return Array.from({ length: count }, () => pick(cases)());
}
