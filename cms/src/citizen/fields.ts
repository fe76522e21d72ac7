/**
 * The pieces every public submission form is checked with (a citizen's question, a comment on a draft):
 * zod builders whose messages are Vietnamese and start with the field's label, so a person can fix the
 * field; the honeypot's name; the body limit; turning zod's issues into one problem per field. Pure.
 */
import { z } from 'zod';
import { TEXT_LIMITS } from './form-fields.ts';

/** Largest body a public write route reads; a text of 5,000 characters in Vietnamese is about 15 KB as a form. */
export const MAX_BODY_BYTES = 32 * 1024;

export { HONEYPOT_FIELD } from './form-fields.ts';

export interface FieldProblem {
  field: string;
  message: string;
}

export type ParseResult<T> = { ok: true; value: T } | { ok: false; problems: FieldProblem[] };

// Control characters other than tab and line breaks, and markup: plain text only.
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f\u202a-\u202e\u2066-\u2069]/;
const MARKUP = /<\s*\/?\s*[a-z!?]/i;

const blankToUndefined = (value: unknown) =>
  value === null || (typeof value === 'string' && value.trim() === '') ? undefined : value;

/** Plain text, NFC, trimmed, between min and max characters (form-fields.ts); one line unless `multiline`. */
export function plainText(
  label: string,
  { min, max }: { min: number; max: number },
  options: { multiline?: boolean } = {},
) {
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

/** An empty form field (or null) counts as not given. */
export const optional = <T extends z.ZodType>(schema: T) => z.preprocess(blankToUndefined, schema.optional());

/** The documentId of an entry picked from a list (lĩnh vực, cơ quan). */
export const documentId = (label: string) =>
  z
    .string({ error: (issue) => (issue.input === undefined ? `${label}: cần chọn.` : `${label}: phải là văn bản.`) })
    .regex(/^[a-z0-9]{10,40}$/, `${label}: lựa chọn không hợp lệ.`);

export const email = (label: string) =>
  z
    .string({ error: `${label}: phải là văn bản.` })
    .trim()
    .max(TEXT_LIMITS.email.max, `${label}: không quá ${TEXT_LIMITS.email.max} ký tự.`)
    .pipe(z.email(`${label}: không đúng định dạng (ví dụ ten@example.vn).`));

/** Vietnamese numbers: 0 or +84 then 9–10 digits; spaces, dots and dashes are ignored. */
export const phone = (label: string) =>
  z
    .string({ error: `${label}: phải là văn bản.` })
    .max(TEXT_LIMITS.dienThoai.max, `${label}: không quá ${TEXT_LIMITS.dienThoai.max} ký tự.`)
    .transform((value) => value.replace(/[\s.-]/g, ''))
    .pipe(z.string().regex(/^(0|\+84)\d{9,10}$/, `${label}: không đúng định dạng (ví dụ 0912 345 678).`));

/** A ticked checkbox (consent): "on" from a form, true from JSON. */
export const checked = (message: string) =>
  z.preprocess(
    (value) => (value === true || value === 'on' || value === 'true' || value === '1' ? true : value),
    z.literal(true, { error: message }),
  );

/** The consent version the form showed must be the one in force. */
export const consentVersion = (label: string, version: string) =>
  z.literal(version, { error: `${label}: nội dung đồng ý đã thay đổi; hãy tải lại trang và gửi lại.` });

/** The altcha widget's payload, when JavaScript ran. */
export const proofPayload = (label: string) =>
  optional(z.string({ error: `${label}: không hợp lệ.` }).max(20_000, `${label}: không hợp lệ.`));

/** Runs a schema over a submitted body: the value, or one Vietnamese problem per field. */
export function parseWith<T>(schema: z.ZodType<T>, body: unknown): ParseResult<T> {
  if (typeof body !== 'object' || body === null || Array.isArray(body))
    return {
      ok: false,
      problems: [{ field: '', message: 'Dữ liệu gửi lên phải là một biểu mẫu hoặc đối tượng JSON.' }],
    };
  const result = schema.safeParse(body);
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
