/**
 * The question-and-answer (hỏi đáp) lists and rules as data: statuses with their labels, the tracking
 * code's alphabet and the consent text a citizen agrees to. Loaded by the site as @portal/cms/model/questions. Pure and without imports, so unit tests and
 * the search package's label copy (search/src/indexes/labels.ts, checked by its test) load it directly.
 */

export const QUESTION_STATUSES = [
  { key: 'moi_nhan', vi: 'Mới nhận' },
  { key: 'dang_xu_ly', vi: 'Đang xử lý' },
  { key: 'da_tra_loi', vi: 'Đã trả lời' },
  { key: 'tu_choi', vi: 'Từ chối' },
] as const;
export type QuestionStatus = (typeof QUESTION_STATUSES)[number]['key'];

export const QUESTION_UID = 'api::question.question';

/** Fields holding the asker's personal data: private in the schema, never public, never in the audit diff. */
export const PERSONAL_FIELDS = [
  'askerName',
  'askerEmail',
  'askerPhone',
  'askerAddress',
  'consentVersion',
  'consentText',
  'consentAt',
] as const;

/** Internal handling of a question: private like the personal data, but not personal. */
export const QUESTION_PRIVATE_FIELDS = ['trackingCode', 'rejectionReason', 'proofOfWork', 'answerDueDate'] as const;

/**
 * Tracking codes use letters and digits nobody confuses when reading them aloud or copying by hand:
 * no 0/O, 1/I/L. 31 symbols, 8 of them: about 8.5 × 10^11 codes, shown as two groups of four.
 */
export const CODE_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
export const CODE_LENGTH = 8;

/** A code as printed: "K7QM-4TXP". */
export function formatTrackingCode(raw: string): string {
  return `${raw.slice(0, 4)}-${raw.slice(4)}`;
}

/** What a citizen typed ("k7qm 4txp", "K7QM-4TXP") as the stored form, or null when it cannot be a code. */
export function normaliseTrackingCode(input: unknown): string | null {
  if (typeof input !== 'string' || input.length > 40) return null;
  const compact = input.toUpperCase().replace(/[\s-]/g, '');
  if (compact.length !== CODE_LENGTH) return null;
  for (const char of compact) if (!CODE_ALPHABET.includes(char)) return null;
  return formatTrackingCode(compact);
}

/** A new random code; `randomIndex(n)` returns a uniform integer in [0, n) (crypto.randomInt in the CMS). */
export function newTrackingCode(randomIndex: (n: number) => number): string {
  let raw = '';
  for (let i = 0; i < CODE_LENGTH; i += 1) raw += CODE_ALPHABET[randomIndex(CODE_ALPHABET.length)];
  return formatTrackingCode(raw);
}

/**
 * The consent a citizen gives (Nghị định 13/2023/NĐ-CP: explicit, for a stated purpose). The version is
 * stored with the question and the time; change the version whenever the text changes.
 */
export const CONSENT = {
  version: '2026-12-01',
  text:
    'Tôi đồng ý để cơ quan quản lý cổng thông tin xử lý họ tên, thư điện tử, số điện thoại và địa chỉ ' +
    'tôi cung cấp, chỉ để tiếp nhận, chuyển cơ quan có thẩm quyền và trả lời câu hỏi này. Các thông tin ' +
    'này không được công khai.',
} as const;
