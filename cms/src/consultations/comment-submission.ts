/**
 * A citizen's comment on a draft (góp ý dự thảo) as the public route accepts it, JSON or an HTML form,
 * built from the same builders as the question form (citizen/fields.ts): Vietnamese messages naming the
 * field, plain text only, explicit consent to a versioned text. Pure.
 */
import { z } from 'zod';
import {
  checked,
  consentVersion,
  email,
  optional,
  parseWith,
  phone,
  plainText,
  proofPayload,
  type ParseResult,
} from '../citizen/fields.ts';
import { TEXT_LIMITS } from '../citizen/form-fields.ts';
import { COMMENT_CONSENT } from './consultations.ts';

export const COMMENT_LABELS = {
  duThao: 'Dự thảo',
  hoTen: 'Họ và tên',
  email: 'Thư điện tử',
  dienThoai: 'Số điện thoại',
  diaChi: 'Địa chỉ',
  toChuc: 'Tổ chức, doanh nghiệp',
  dieuKhoan: 'Điều, khoản góp ý',
  noiDung: 'Nội dung góp ý',
  dongY: 'Đồng ý xử lý dữ liệu cá nhân',
  phienBanDongY: 'Phiên bản nội dung đồng ý',
  altcha: 'Xác minh chống thư rác',
} as const;
const L = COMMENT_LABELS;

/** A consultation's slug as the form sends it (hidden field). */
export const consultationSlug = z
  .string({ error: `${L.duThao}: cần chọn dự thảo.` })
  .regex(/^[a-z0-9](?:[a-z0-9-]{0,118}[a-z0-9])?$/, `${L.duThao}: không hợp lệ.`);

export const CommentSchema = z
  .object({
    duThao: consultationSlug,
    hoTen: plainText(L.hoTen, TEXT_LIMITS.hoTen),
    email: optional(email(L.email)),
    dienThoai: optional(phone(L.dienThoai)),
    diaChi: optional(plainText(L.diaChi, TEXT_LIMITS.diaChi)),
    toChuc: optional(plainText(L.toChuc, TEXT_LIMITS.toChuc)),
    dieuKhoan: optional(plainText(L.dieuKhoan, TEXT_LIMITS.dieuKhoan)),
    noiDung: plainText(L.noiDung, TEXT_LIMITS.noiDung, { multiline: true }),
    dongY: checked(`${L.dongY}: cần đánh dấu đồng ý để gửi góp ý.`),
    phienBanDongY: consentVersion(L.phienBanDongY, COMMENT_CONSENT.version),
    altcha: proofPayload(L.altcha),
  })
  .refine((value) => value.email !== undefined || value.dienThoai !== undefined, {
    message: `${L.email} hoặc ${L.dienThoai}: cần ít nhất một cách liên hệ.`,
    path: ['email'],
  });
export type CommentSubmission = z.infer<typeof CommentSchema>;

export function parseComment(body: unknown): ParseResult<CommentSubmission> {
  return parseWith(CommentSchema, body);
}
