/**
 * Comments on draft documents (lấy ý kiến dự thảo) as data: the phases of a consultation derived from its
 * comment period, the moderation statuses of a citizen's comment, the comment's private fields and the
 * consent text a citizen agrees to. Loaded by the site as @portal/cms/model/consultations. Pure and
 * without imports, so unit tests, the search package and the site load it directly.
 */

export const CONSULTATION_UID = 'api::consultation.consultation';
export const COMMENT_UID = 'api::consultation-comment.consultation-comment';

/** Where a consultation stands, from its period alone (Asia/Ho_Chi_Minh is only how dates are shown). */
export const CONSULTATION_PHASES = [
  { key: 'sap_mo', vi: 'Sắp lấy ý kiến' },
  { key: 'dang_lay_y_kien', vi: 'Đang lấy ý kiến' },
  { key: 'da_ket_thuc', vi: 'Đã hết hạn lấy ý kiến' },
] as const;
export type ConsultationPhase = (typeof CONSULTATION_PHASES)[number]['key'];

const instant = (value: string | Date): number => (value instanceof Date ? value.getTime() : Date.parse(value));

/** Open from `openAt` (included) until `closeAt` (excluded). */
export function consultationPhase(
  period: { openAt: string | Date; closeAt: string | Date },
  now: Date = new Date(),
): ConsultationPhase {
  const t = now.getTime();
  if (t < instant(period.openAt)) return 'sap_mo';
  if (t < instant(period.closeAt)) return 'dang_lay_y_kien';
  return 'da_ket_thuc';
}

export const phaseLabel = (phase: ConsultationPhase): string =>
  CONSULTATION_PHASES.find((p) => p.key === phase)?.vi ?? phase;

/** Moderation of a comment: never public; the board sums valid comments up in its report. */
export const COMMENT_STATUSES = [
  { key: 'moi_nhan', vi: 'Mới nhận' },
  { key: 'hop_le', vi: 'Hợp lệ, đưa vào tổng hợp' },
  { key: 'khong_hop_le', vi: 'Không hợp lệ (trùng lặp, sai chủ đề, vi phạm)' },
] as const;
export type CommentStatus = (typeof COMMENT_STATUSES)[number]['key'];

/** Fields holding the commenter's personal data: private in the schema, never public, never in the audit diff. */
export const COMMENT_PERSONAL_FIELDS = [
  'commenterName',
  'commenterEmail',
  'commenterPhone',
  'commenterAddress',
  'commenterOrganisation',
  'consentVersion',
  'consentText',
  'consentAt',
] as const;

/**
 * The consent a citizen gives when commenting (Nghị định 13/2023/NĐ-CP: explicit, for a stated purpose).
 * Stored with the comment and the time; change the version whenever the text changes.
 */
export const COMMENT_CONSENT = {
  version: '2026-12-02',
  text:
    'Tôi đồng ý để cơ quan quản lý cổng thông tin xử lý họ tên, thư điện tử, số điện thoại, địa chỉ và ' +
    'tổ chức tôi cung cấp, chỉ để tiếp nhận, tổng hợp và giải trình ý kiến góp ý cho dự thảo này. Các ' +
    'thông tin này không được công khai.',
} as const;
