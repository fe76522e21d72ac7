/**
 * The citizen's question as the public route accepts it (JSON or an HTML form), checked with zod at the
 * boundary: every message is Vietnamese and starts with the field's label, so a person can fix it.
 * Pure, so the unit test runs it directly and the fuzz test knows what the route must refuse.
 */
import { z } from 'zod';
import { CONSENT } from './questions.ts';

export { CONSENT };

/** Largest body the route reads; a question of 5,000 characters in Vietnamese is about 15 KB as a form. */
export const MAX_BODY_BYTES = 32 * 1024;

export const LABELS = {
  hoTen: 'Họ và tên',
  email: 'Thư điện tử',
  dienThoai: 'Số điện thoại',
  diaChi: 'Địa chỉ',
  linhVuc: 'Lĩnh vực',
  coQuan: 'Cơ quan nhận câu hỏi',
  tieuDe: 'Tiêu đề',
  noiDung: 'Nội dung câu hỏi',
  dongY: 'Đồng ý xử lý dữ liệu cá nhân',
  phienBanDongY: 'Phiên bản nội dung đồng ý',
  altcha: 'Xác minh chống thư rác',
} as const;
type Field = keyof typeof LABELS;

// Control characters other than tab and line breaks, and markup: plain text only.
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f\u202a-\u202e\u2066-\u2069]/;
const MARKUP = /<\s*\/?\s*[a-z!?]/i;

const blankToUndefined = (value: unknown) =>
  value === null || (typeof value === 'string' && value.trim() === '') ? undefined : value;

function text(field: Field, min: number, max: number, options: { multiline?: boolean } = {}) {
  const label = LABELS[field];
  return z
    .string({ error: (issue) => (issue.input === undefined ? `${label}: cần điền.` : `${label}: phải là văn bản.`) })
    .transform((value) => value.normalize('NFC').trim())
    .pipe(
      z
        .string()
        .min(min, `${label}: cần ít nhất ${min} ký tự.`)
        .max(max, `${label}: không quá ${max} ký tự.`)
        .refine((value) => !CONTROL.test(value), `${label}: có ký tự điều khiển không hợp lệ.`)
        // U+FFFD is what bytes that were not UTF-8 decode to: the text arrived broken.
        .refine(
          (value) => !value.includes('\ufffd'),
          `${label}: có ký tự bị lỗi mã hoá (không phải UTF-8); hãy gõ lại.`,
        )
        .refine((value) => options.multiline || !/[\r\n]/.test(value), `${label}: chỉ được viết trên một dòng.`)
        .refine((value) => !MARKUP.test(value), `${label}: không được chứa mã HTML.`),
    );
}

const optional = <T extends z.ZodType>(schema: T) => z.preprocess(blankToUndefined, schema.optional());

const documentId = (field: Field) =>
  z
    .string({
      error: (issue) =>
        issue.input === undefined ? `${LABELS[field]}: cần chọn.` : `${LABELS[field]}: phải là văn bản.`,
    })
    .regex(/^[a-z0-9]{10,40}$/, `${LABELS[field]}: lựa chọn không hợp lệ.`);

/** Vietnamese numbers: 0 or +84 then 9–10 digits; spaces, dots and dashes are ignored. */
const phone = z
  .string({ error: `${LABELS.dienThoai}: phải là văn bản.` })
  .max(30, `${LABELS.dienThoai}: không quá 30 ký tự.`)
  .transform((value) => value.replace(/[\s.-]/g, ''))
  .pipe(z.string().regex(/^(0|\+84)\d{9,10}$/, `${LABELS.dienThoai}: không đúng định dạng (ví dụ 0912 345 678).`));

const checked = z.preprocess(
  (value) => (value === true || value === 'on' || value === 'true' || value === '1' ? true : value),
  z.literal(true, { error: `${LABELS.dongY}: cần đánh dấu đồng ý để gửi câu hỏi.` }),
);

export const SubmissionSchema = z
  .object({
    hoTen: text('hoTen', 2, 100),
    email: optional(
      z
        .string({ error: `${LABELS.email}: phải là văn bản.` })
        .trim()
        .max(254, `${LABELS.email}: không quá 254 ký tự.`)
        .pipe(z.email(`${LABELS.email}: không đúng định dạng (ví dụ ten@example.vn).`)),
    ),
    dienThoai: optional(phone),
    diaChi: optional(text('diaChi', 5, 300)),
    linhVuc: documentId('linhVuc'),
    coQuan: optional(documentId('coQuan')),
    tieuDe: text('tieuDe', 10, 200),
    noiDung: text('noiDung', 20, 5000, { multiline: true }),
    dongY: checked,
    phienBanDongY: z.literal(CONSENT.version, {
      error: `${LABELS.phienBanDongY}: nội dung đồng ý đã thay đổi; hãy tải lại trang và gửi lại.`,
    }),
    altcha: optional(
      z.string({ error: `${LABELS.altcha}: không hợp lệ.` }).max(20_000, `${LABELS.altcha}: không hợp lệ.`),
    ),
  })
  .refine((value) => value.email !== undefined || value.dienThoai !== undefined, {
    message: `${LABELS.email} hoặc ${LABELS.dienThoai}: cần ít nhất một cách liên hệ.`,
    path: ['email'],
  });
export type Submission = z.infer<typeof SubmissionSchema>;

/** The hidden field people never see and bots fill in. */
export const HONEYPOT_FIELD = 'trangWeb';

export interface FieldProblem {
  field: string;
  message: string;
}

export type Parsed = { ok: true; value: Submission } | { ok: false; problems: FieldProblem[] };

export function parseSubmission(body: unknown): Parsed {
  if (typeof body !== 'object' || body === null || Array.isArray(body))
    return {
      ok: false,
      problems: [{ field: '', message: 'Dữ liệu gửi lên phải là một biểu mẫu hoặc đối tượng JSON.' }],
    };
  const result = SubmissionSchema.safeParse(body);
  if (result.success) return { ok: true, value: result.data };
  const seen = new Set<string>();
  const problems: FieldProblem[] = [];
  for (const issue of result.error.issues) {
    const field = String(issue.path[0] ?? '');
    if (seen.has(field)) continue;
    seen.add(field);
    problems.push({ field, message: issue.message });
  }
  return { ok: false, problems };
}
