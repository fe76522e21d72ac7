/**
 * Tình trạng hiệu lực of a document, derived from its dates and from what later documents did to it, plus the
 * date checks editors get when saving. Pure functions (importing only text/dates.ts), so tests load this file
 * directly.
 *
 * Document dates have no time of day: they are compared as YYYY-MM-DD strings, and "today" is the calendar date
 * in Asia/Ho_Chi_Minh (see `vietnamDate`).
 */
import { formatDate, vietnamDay } from '../text/dates.ts';

export const VALIDITY_STATUSES = [
  'con_hieu_luc',
  'het_hieu_luc_mot_phan',
  'het_hieu_luc_toan_bo',
  'chua_co_hieu_luc',
] as const;

/** Enumeration values of `validityStatus` in the legal-document schema. */
export type ValidityStatus = (typeof VALIDITY_STATUSES)[number];

export const VALIDITY_LABELS: Readonly<Record<ValidityStatus, { readonly vi: string; readonly en: string }>> = {
  con_hieu_luc: { vi: 'Còn hiệu lực', en: 'In force' },
  het_hieu_luc_mot_phan: { vi: 'Hết hiệu lực một phần', en: 'Partly no longer in force' },
  het_hieu_luc_toan_bo: { vi: 'Hết hiệu lực toàn bộ', en: 'No longer in force' },
  chua_co_hieu_luc: { vi: 'Chưa có hiệu lực', en: 'Not yet in force' },
};

/** Tình trạng hiệu lực in Vietnamese by enumeration value (facets, lists, the document page). */
export const VALIDITY_LABELS_VI: Readonly<Record<string, string>> = Object.fromEntries(
  Object.entries(VALIDITY_LABELS).map(([key, label]) => [key, label.vi]),
);

/** Strapi hands over null for an empty date field. */
type DateInput = string | null | undefined;

export interface ValidityInput {
  effectiveDate?: DateInput;
  expiryDate?: DateInput;
  /** YYYY-MM-DD in Asia/Ho_Chi_Minh. */
  today: string;
  replacedInFull?: boolean | null;
  amendedOrPartlyRepealed?: boolean | null;
  /** Set by an editor when the derivation is wrong for this document (e.g. a court ruling). */
  override?: ValidityStatus | null;
}

/** Whether text is a real calendar date written YYYY-MM-DD (2024-02-30 is not). */
export function isIsoDate(text: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!match) return false;
  const [, year, month, day] = match.map(Number);
  const date = new Date(Date.UTC(year ?? 0, (month ?? 0) - 1, day ?? 0));
  return date.toISOString().slice(0, 10) === text;
}

/** The calendar date of an instant in Vietnam (one owner: text/dates.ts). */
export const vietnamDate = vietnamDay;

/** dd/mm/yyyy, the way dates are shown to Vietnamese readers (one owner: text/dates.ts). */
export const formatVietnameseDate = formatDate;

function checkedDate(name: string, value: DateInput): string | undefined {
  if (value === null || value === undefined || value === '') return undefined;
  // Stored dates were validated on save, so a malformed one here is a programming error, not an editor's.
  if (!isIsoDate(value)) throw new RangeError(`${name} must be a YYYY-MM-DD date, got ${JSON.stringify(value)}`);
  return value;
}

/**
 * The status to show and index: an override wins; replaced in full or past its expiry date → hết hiệu lực toàn bộ;
 * effective date still ahead → chưa có hiệu lực; amended or partly repealed → hết hiệu lực một phần; else còn hiệu
 * lực. A document without an effective date counts as in force from issue.
 */
export function deriveValidityStatus(input: ValidityInput): ValidityStatus {
  const today = checkedDate('today', input.today);
  if (today === undefined) throw new RangeError('today is required');
  const effectiveDate = checkedDate('effectiveDate', input.effectiveDate);
  const expiryDate = checkedDate('expiryDate', input.expiryDate);

  if (input.override) return input.override;
  if (input.replacedInFull) return 'het_hieu_luc_toan_bo';
  if (expiryDate !== undefined && expiryDate <= today) return 'het_hieu_luc_toan_bo';
  if (effectiveDate !== undefined && effectiveDate > today) return 'chua_co_hieu_luc';
  if (input.amendedOrPartlyRepealed) return 'het_hieu_luc_mot_phan';
  return 'con_hieu_luc';
}

export interface DocumentDates {
  issueDate?: DateInput;
  effectiveDate?: DateInput;
  expiryDate?: DateInput;
}

const FIELD_NAMES = {
  issueDate: 'Ngày ban hành',
  effectiveDate: 'Ngày có hiệu lực',
  expiryDate: 'Ngày hết hiệu lực',
} as const;

/**
 * Vietnamese messages for an editor, each naming its field; empty when the dates are consistent.
 * A document may take effect on the day it is issued; it may not expire on or before the day it takes effect.
 */
export function validateDocumentDates(dates: DocumentDates): string[] {
  const messages: string[] = [];
  const valid: Partial<Record<keyof DocumentDates, string>> = {};

  for (const field of ['issueDate', 'effectiveDate', 'expiryDate'] as const) {
    const value = dates[field];
    if (value === null || value === undefined || value.trim() === '') {
      if (field === 'issueDate') messages.push('Ngày ban hành không được để trống.');
      continue;
    }
    if (isIsoDate(value)) valid[field] = value;
    else messages.push(`${FIELD_NAMES[field]} “${value}” không phải là ngày hợp lệ (định dạng YYYY-MM-DD).`);
  }

  const { issueDate, effectiveDate, expiryDate } = valid;
  const shown = formatVietnameseDate;
  if (issueDate && effectiveDate && effectiveDate < issueDate) {
    messages.push(`Ngày có hiệu lực (${shown(effectiveDate)}) không được trước ngày ban hành (${shown(issueDate)}).`);
  }
  if (expiryDate && effectiveDate && expiryDate <= effectiveDate) {
    messages.push(`Ngày hết hiệu lực (${shown(expiryDate)}) phải sau ngày có hiệu lực (${shown(effectiveDate)}).`);
  } else if (expiryDate && !effectiveDate && issueDate && expiryDate <= issueDate) {
    messages.push(`Ngày hết hiệu lực (${shown(expiryDate)}) phải sau ngày ban hành (${shown(issueDate)}).`);
  }
  return messages;
}
