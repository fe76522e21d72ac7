/**
 * Mã thủ tục hành chính as in the national procedure database (csdl.dichvucong.gov.vn), and the small controlled
 * lists of a procedure. Pure data and functions without imports, so tests load this file directly.
 *
 * Codes seen in the national and provincial databases:
 *   1.000948                  national code: one digit, a dot, six digits
 *   1.000948.H38              short local variant: province code (H + 2 digits) appended
 *   1.011442.000.00.00.H38    local variant: the electronic identifier of the publishing agency appended
 *                             (mã định danh cơ quan: 000.00.00.H38 is the province)
 */

export type ProcedureCodeResult =
  { ok: true; canonical: string; nationalCode: string } | { ok: false; message: string };

const NATIONAL = String.raw`[1-9]\.\d{6}`;
// Only provincial suffixes (H) occur on procedure codes; central agencies (G…) publish plain national codes.
const AGENCY_SUFFIX = String.raw`(?:\d{3}\.\d{2}\.\d{2}\.)?H\d{2}`;
const PROCEDURE_CODE = new RegExp(`^(${NATIONAL})(?:\\.(${AGENCY_SUFFIX}))?$`, 'i');

/** Trims, upper-cases the agency letter and checks the shape; the message names the field for editors. */
export function parseProcedureCode(input: string): ProcedureCodeResult {
  const raw = input.normalize('NFC').trim();
  if (!raw) return { ok: false, message: 'Mã thủ tục không được để trống.' };
  const match = PROCEDURE_CODE.exec(raw);
  if (!match?.[1]) {
    return {
      ok: false,
      message: `Mã thủ tục “${raw}” không đúng định dạng, ví dụ: 1.000948, 1.000948.H38 hoặc 1.000948.000.00.00.H38.`,
    };
  }
  return { ok: true, canonical: raw.toUpperCase(), nationalCode: match[1] };
}

interface Option {
  readonly key: string;
  readonly vi: string;
  readonly en: string;
}

/**
 * Cấp thực hiện; keys are the `level` enumeration of the procedure schema. Districts were abolished by the 2025
 * two-level local government reform: cấp huyện stays so older procedures still read correctly.
 */
export const PROCEDURE_LEVELS = [
  { key: 'tinh', vi: 'Cấp tỉnh', en: 'Provincial level', obsolete: false },
  { key: 'xa', vi: 'Cấp xã', en: 'Commune level', obsolete: false },
  { key: 'huyen', vi: 'Cấp huyện', en: 'District level', obsolete: true },
] as const satisfies readonly (Option & { readonly obsolete: boolean })[];

/** Mức độ dịch vụ công trực tuyến (NĐ 42/2022/NĐ-CP replaced the old levels 1–4 with these two). */
export const SERVICE_LEVELS = [
  { key: 'toan_trinh', vi: 'Toàn trình', en: 'Fully online' },
  { key: 'mot_phan', vi: 'Một phần', en: 'Partly online' },
] as const satisfies readonly Option[];

/** Hình thức nộp hồ sơ, as the rows of cách thức thực hiện name them. */
export const SUBMISSION_CHANNELS = [
  { key: 'truc_tiep', vi: 'Trực tiếp', en: 'In person' },
  { key: 'truc_tuyen', vi: 'Trực tuyến', en: 'Online' },
  { key: 'buu_chinh', vi: 'Dịch vụ bưu chính', en: 'By post' },
] as const satisfies readonly Option[];

const labelsOf = (list: readonly Option[]): Readonly<Record<string, string>> =>
  Object.fromEntries(list.map((option) => [option.key, option.vi]));

/** Cấp thực hiện by enumeration value: "tinh" → "Cấp tỉnh". */
export const LEVEL_LABELS = labelsOf(PROCEDURE_LEVELS);
/** Mức độ dịch vụ công trực tuyến by enumeration value, short: "toan_trinh" → "Toàn trình". */
export const SERVICE_LEVEL_LABELS = labelsOf(SERVICE_LEVELS);
/** Hình thức nộp by enumeration value: "buu_chinh" → "Dịch vụ bưu chính". */
export const CHANNEL_LABELS = labelsOf(SUBMISSION_CHANNELS);

export type ProcedureLevel = (typeof PROCEDURE_LEVELS)[number]['key'];
export type ServiceLevel = (typeof SERVICE_LEVELS)[number]['key'];
export type SubmissionChannel = (typeof SUBMISSION_CHANNELS)[number]['key'];
