/**
 * The citizen's question as the public route accepts it (JSON or an HTML form), checked with zod at the
 * boundary: every message is Vietnamese and starts with the field's label, so a person can fix it.
 * Built from the builders every public form shares (citizen/fields.ts). Pure, so the unit test runs it
 * directly and the fuzz test knows what the route must refuse.
 */
import { z } from 'zod';
import {
  checked,
  consentVersion,
  documentId,
  email,
  optional,
  parseWith,
  phone,
  plainText,
  proofPayload,
  type ParseResult,
} from '../citizen/fields.ts';
import { TEXT_LIMITS } from '../citizen/form-fields.ts';
import { CONSENT } from './questions.ts';

export { CONSENT };
export { HONEYPOT_FIELD, MAX_BODY_BYTES, type FieldProblem } from '../citizen/fields.ts';

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

export const SubmissionSchema = z
  .object({
    hoTen: plainText(LABELS.hoTen, TEXT_LIMITS.hoTen),
    email: optional(email(LABELS.email)),
    dienThoai: optional(phone(LABELS.dienThoai)),
    diaChi: optional(plainText(LABELS.diaChi, TEXT_LIMITS.diaChi)),
    linhVuc: documentId(LABELS.linhVuc),
    coQuan: optional(documentId(LABELS.coQuan)),
    tieuDe: plainText(LABELS.tieuDe, TEXT_LIMITS.tieuDe),
    noiDung: plainText(LABELS.noiDung, TEXT_LIMITS.noiDung, { multiline: true }),
    dongY: checked(`${LABELS.dongY}: cần đánh dấu đồng ý để gửi câu hỏi.`),
    phienBanDongY: consentVersion(LABELS.phienBanDongY, CONSENT.version),
    altcha: proofPayload(LABELS.altcha),
  })
  .refine((value) => value.email !== undefined || value.dienThoai !== undefined, {
    message: `${LABELS.email} hoặc ${LABELS.dienThoai}: cần ít nhất một cách liên hệ.`,
    path: ['email'],
  });
export type Submission = z.infer<typeof SubmissionSchema>;

export type Parsed = ParseResult<Submission>;

export function parseSubmission(body: unknown): Parsed {
  return parseWith(SubmissionSchema, body);
}
