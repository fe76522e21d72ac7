/**
 * The citizens' forms as the public write routes define them (a question, a comment on a draft): the
 * length limits of each text field and the honeypot's name. The routes' zod checks (citizen/fields.ts,
 * questions/submission.ts, consultations/comment-submission.ts) decide with these numbers, and the site's
 * forms offer the same ones to the browser (minlength, maxlength, the hints), so a limit changes here
 * only. No imports: the site reads it through `@portal/cms/model/citizen-forms`.
 */

/** The hidden field people never see and bots fill in. */
export const HONEYPOT_FIELD = 'trangWeb';

/** Characters allowed in each text field (after NFC and trimming). */
export const TEXT_LIMITS = {
  hoTen: { min: 2, max: 100 },
  diaChi: { min: 5, max: 300 },
  tieuDe: { min: 10, max: 200 },
  noiDung: { min: 20, max: 5000 },
  toChuc: { min: 2, max: 200 },
  dieuKhoan: { min: 1, max: 200 },
  email: { min: 0, max: 254 },
  dienThoai: { min: 0, max: 30 },
} as const satisfies Record<string, { min: number; max: number }>;

/** A count as Vietnamese writes it (5.000). */
const count = (value: number) => new Intl.NumberFormat('vi-VN').format(value);

/** The length rule of a field in words, for a form's hint: "từ 20 đến 5.000 ký tự". */
export function lengthRule(field: keyof typeof TEXT_LIMITS): string {
  const { min, max } = TEXT_LIMITS[field];
  return min > 0 ? `từ ${count(min)} đến ${count(max)} ký tự` : `không quá ${count(max)} ký tự`;
}
