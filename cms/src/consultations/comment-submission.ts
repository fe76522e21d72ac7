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
    hoTen: plainText(L.hoTen, 2, 100),
    email: optional(email(L.email)),
    dienThoai: optional(phone(L.dienThoai)),
    diaChi: optional(plainText(L.diaChi, 5, 300)),
    toChuc: optional(plainText(L.toChuc, 2, 200)),
    dieuKhoan: optional(plainText(L.dieuKhoan, 1, 200)),
    noiDung: plainText(L.noiDung, 20, 5000, { multiline: true }),
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
