/**
 * Malformed submissions to the public write routes, the question (POST /api/hoi-dap/cau-hoi) and the
 * comment on a draft (POST /api/du-thao/gop-y), drawn from a seeded generator so a failure replays: wrong
 * types, missing and oversized fields, broken encodings, markup and script, forged and replayed
 * proofs-of-work, a filled honeypot, wrong content types, unknown choices. None of them may be stored. Used
 * by cms/tests/officer.test.ts (a few hundred) and scripts/bench/submit-fuzz.ts (10,000 per route and the
 * throttling run).
 */
import http from 'node:http';
import { seededRandom } from '@portal/scripts/random';
import { COMMENT_CONSENT } from '../src/consultations/consultations.ts';
import { CONSENT } from '../src/questions/questions.ts';

export interface FuzzCase {
  kind: string;
  contentType: string;
  body: Buffer;
}

/** A submission the route accepts (without proof-of-work). */
export function validSubmission(fieldId: string, n = 0): Record<string, unknown> {
  return {
    hoTen: 'Nguyễn Văn An',
    email: `nguoi.hoi.${n}@example.vn`,
    dienThoai: '0912 345 678',
    linhVuc: fieldId,
    tieuDe: `Hỏi về thủ tục cấp đổi giấy phép lái xe số ${n}`,
    noiDung: 'Giấy phép lái xe của tôi sắp hết hạn. Tôi cần chuẩn bị những giấy tờ gì để cấp đổi?',
    dongY: true,
    phienBanDongY: CONSENT.version,
  };
}

/** A comment on the draft `slug` the route accepts (without proof-of-work). */
export function validComment(slug: string, n = 0): Record<string, unknown> {
  return {
    duThao: slug,
    hoTen: 'Trần Thị Góp',
    email: `nguoi.gop.y.${n}@example.vn`,
    dienThoai: '0912 000 111',
    dieuKhoan: 'Điều 5, khoản 2',
    noiDung: `Đề nghị bổ sung quy định về vệ sinh an toàn thực phẩm tại chợ đầu mối (ý kiến số ${n}).`,
    dongY: true,
    phienBanDongY: COMMENT_CONSENT.version,
  };
}

/** What the generator needs to know of a route's form. */
export interface SubmissionForm {
  valid(n: number): Record<string, unknown>;
  required: readonly string[];
  /** Optional fields that also get wrong-typed values. */
  optional: readonly string[];
  textFields: readonly string[];
  /** A field's maximum length plus one. */
  oversize: Readonly<Record<string, number>>;
  markupFields: readonly string[];
  /** Fields naming something that must exist (a field, an agency, a draft). */
  choiceFields: readonly string[];
  consentVersion: string;
}

export const questionForm = (fieldId: string): SubmissionForm => ({
  valid: (n) => validSubmission(fieldId, n),
  required: ['hoTen', 'linhVuc', 'tieuDe', 'noiDung', 'dongY', 'phienBanDongY'],
  optional: ['email', 'coQuan', 'altcha'],
  textFields: ['hoTen', 'diaChi', 'tieuDe', 'noiDung', 'email', 'dienThoai'],
  oversize: { hoTen: 101, diaChi: 301, tieuDe: 201, noiDung: 5001, email: 255, dienThoai: 31 },
  markupFields: ['hoTen', 'tieuDe', 'noiDung', 'diaChi'],
  choiceFields: ['linhVuc', 'coQuan'],
  consentVersion: CONSENT.version,
});

export const commentForm = (slug: string): SubmissionForm => ({
  valid: (n) => validComment(slug, n),
  required: ['duThao', 'hoTen', 'noiDung', 'dongY', 'phienBanDongY'],
  optional: ['email', 'toChuc', 'dieuKhoan', 'altcha'],
  textFields: ['hoTen', 'diaChi', 'toChuc', 'dieuKhoan', 'noiDung', 'email', 'dienThoai'],
  oversize: { hoTen: 101, diaChi: 301, toChuc: 201, dieuKhoan: 201, noiDung: 5001, email: 255, dienThoai: 31 },
  markupFields: ['hoTen', 'toChuc', 'dieuKhoan', 'noiDung', 'diaChi'],
  choiceFields: ['duThao'],
  consentVersion: COMMENT_CONSENT.version,
});
const WRONG_VALUES: unknown[] = [42, -1.5e308, true, false, null, [], ['a', 'b'], {}, { $ne: '' }, { __proto__: 1 }];
const HOSTILE = [
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  '"><svg/onload=alert(1)>',
  '</textarea><script>fetch("//evil")</script>',
  '<a href="javascript:alert(1)">bấm vào đây</a>',
  '<!-- bình luận --> <b>đậm</b>',
];
const CONTROL = ['\u0000', '\u0007', '\u001b[31m', '\u202e', '\u2066', '\u007f'];
const WRONG_TYPES = ['text/plain', 'application/xml', 'multipart/form-data', 'text/html', 'application/octet-stream'];
const JSON_TYPE = 'application/json';
const FORM_TYPE = 'application/x-www-form-urlencoded';

const json = (value: unknown) => Buffer.from(JSON.stringify(value));
const formBody = (value: Record<string, unknown>) =>
  Buffer.from(new URLSearchParams(Object.entries(value).map(([k, v]): [string, string] => [k, String(v)])).toString());

/** A proof that looks right but was never issued by the server (bad signature, bad key, or junk). */
function forgedProof(random: () => number): string {
  const hex = (n: number) => Array.from({ length: n }, () => Math.floor(random() * 16).toString(16)).join('');
  const choice = Math.floor(random() * 4);
  if (choice === 0) return Buffer.from(hex(40)).toString('base64');
  if (choice === 1) return '!!!not base64!!!';
  const payload = {
    challenge: {
      parameters: {
        algorithm: 'PBKDF2/SHA-256',
        nonce: hex(32),
        salt: hex(32),
        cost: 50,
        keyLength: 32,
        keyPrefix: hex(4),
        expiresAt: Math.floor(Date.now() / 1000) + (choice === 2 ? 600 : -600),
      },
      signature: hex(64),
    },
    solution: { counter: Math.floor(random() * 5000), derivedKey: hex(64) },
  };
  return Buffer.from(JSON.stringify(payload)).toString('base64');
}

/**
 * `count` malformed submissions. `replayedProof`, when given, is a proof already spent on an accepted
 * question: sent again with otherwise valid fields, it must be refused as replayed.
 */
export function fuzzCases(
  options: { seed: number; count: number; replayedProof?: string } & ({ fieldId: string } | { form: SubmissionForm }),
) {
  const form = 'form' in options ? options.form : questionForm(options.fieldId);
  const random = seededRandom(options.seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
  const cases: FuzzCase[] = [];
  for (let i = 0; i < options.count; i += 1) {
    const base = form.valid(i);
    const kind = pick([
      'wrong-type',
      'missing',
      'oversized-field',
      'oversized-body',
      'markup',
      'control-chars',
      'bad-utf8',
      'bad-json',
      'wrong-content-type',
      'forged-proof',
      'replayed-proof',
      'honeypot',
      'unknown-choice',
      'no-consent',
      'not-an-object',
      'form-markup',
    ] as const);
    let body: Buffer;
    let contentType = JSON_TYPE;
    switch (kind) {
      case 'wrong-type':
        {
          const field = pick([...form.required, ...form.optional]);
          // Values that are valid for the field are not wrong: consent given as true, an optional field left null.
          const wrong = WRONG_VALUES.filter(
            (v) => !(field === 'dongY' && v === true) && !(!form.required.includes(field) && v === null),
          );
          body = json({ ...base, [field]: pick(wrong) });
        }
        break;
      case 'missing': {
        const copy: Record<string, unknown> = { ...base };
        delete copy[pick(form.required)];
        if (random() < 0.3) {
          delete copy.email;
          delete copy.dienThoai;
        }
        body = json(copy);
        break;
      }
      case 'oversized-field': {
        const field = pick(Object.keys(form.oversize));
        body = json({ ...base, [field]: 'ạ'.repeat(form.oversize[field]!) });
        break;
      }
      case 'oversized-body':
        body = json({ ...base, noiDung: 'x'.repeat(33 * 1024 + Math.floor(random() * 20_000)) });
        break;
      case 'markup':
        body = json({ ...base, [pick(form.markupFields)]: `Câu hỏi ${pick(HOSTILE)} thêm chữ` });
        break;
      case 'control-chars':
        body = json({ ...base, [pick(form.textFields)]: `Nguyễn${pick(CONTROL)}Văn An dài đủ ký tự` });
        break;
      case 'bad-utf8': {
        // Lone continuation and truncated sequences inside a string, or an invalid byte alone.
        const raw = JSON.stringify({ ...base, hoTen: 'AAAA' });
        const at = raw.indexOf('AAAA');
        const junk = pick([
          Buffer.from([0xc3]),
          Buffer.from([0x80, 0x80]),
          Buffer.from([0xff, 0xfe]),
          Buffer.from([0xed, 0xa0, 0x80]),
        ]);
        body = Buffer.concat([Buffer.from(raw.slice(0, at)), junk, Buffer.from(raw.slice(at + 4))]);
        if (random() < 0.5) body = Buffer.concat([Buffer.from([0xef, 0xbb]), body]);
        break;
      }
      case 'bad-json':
        body = Buffer.from(
          pick(['{', '{"hoTen": "An",}', '[1,2', 'null', '"chuỗi"', '{"a":' + '['.repeat(5000), 'NaN', '']),
        );
        break;
      case 'wrong-content-type':
        contentType = pick(WRONG_TYPES);
        body = json(base);
        break;
      case 'forged-proof':
        body = json({ ...base, altcha: forgedProof(random) });
        break;
      case 'replayed-proof':
        body = json({ ...base, altcha: options.replayedProof ?? forgedProof(random) });
        break;
      case 'honeypot':
        body = json({ ...base, trangWeb: 'http://spam.example' });
        break;
      case 'unknown-choice':
        body = json({
          ...base,
          [pick(form.choiceFields)]: pick(['zzzzzzzzzzzzzzzzzzzzzzzz', '../../etc/passwd', '1 OR 1=1']),
        });
        break;
      case 'no-consent':
        body = json({
          ...base,
          dongY: pick([false, 'off', '0', 'không']),
          phienBanDongY: pick([form.consentVersion, '1999-01-01']),
        });
        break;
      case 'not-an-object':
        body = json(pick([[base], 'một chuỗi', 12, true]));
        break;
      case 'form-markup':
        contentType = FORM_TYPE;
        body = formBody({ ...base, dongY: 'on', [pick(form.markupFields)]: `Nội dung ${pick(HOSTILE)} dài` });
        break;
    }
    cases.push({ kind, contentType, body });
  }
  return cases;
}

/** Sends one body as the given client (X-Forwarded-For, the CMS trusting one proxy hop); status and JSON answer. */
export function send(
  agent: http.Agent,
  url: string,
  client: string,
  contentType: string,
  body: Buffer,
): Promise<{ status: number; text: string }> {
  return new Promise((resolve) => {
    const request = http.request(
      url,
      {
        agent,
        method: 'POST',
        headers: {
          'Content-Type': contentType,
          'Content-Length': body.length,
          'X-Forwarded-For': client,
          Accept: 'application/json',
        },
      },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () =>
          resolve({ status: response.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8') }),
        );
      },
    );
    request.on('error', (error) => resolve({ status: -1, text: String(error) }));
    request.end(body);
  });
}

/** The refusal's message when it is a JSON error (or the page's text for a form post). */
export function messageOf(text: string): string {
  try {
    return String((JSON.parse(text) as { error?: { message?: string } }).error?.message ?? '');
  } catch {
    return text.replace(/<[^>]*>/g, ' ');
  }
}

/** Vietnamese with diacritics: a message a person reads, not an English stack trace. */
export const isVietnamese = (message: string) => /[\u0300-\u036f]|đ/i.test(message.normalize('NFD'));
