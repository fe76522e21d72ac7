/**
 * The controlled list of loại văn bản. Codes are the abbreviations of Phụ lục III, Nghị định 30/2020/NĐ-CP (and of
 * the law on normative documents for NĐ, TT, TTLT), spelled as the decree spells them (QĐ, TTr, QyĐ).
 * Pure data and functions without imports, so tests load this file directly with Node's type stripping.
 */

export interface DocumentType {
  /** Enumeration value of `documentType` in the legal-document schema. */
  readonly key: string;
  /** Abbreviation as officially written; for Luật and Công văn only a key (see inDocumentNumber). */
  readonly code: string;
  readonly name: string;
  readonly nameEn: string;
  /** Whether the code appears in số ký hiệu: laws are numbered 59/2020/QH14, official letters 123/UBND-KT. */
  readonly inDocumentNumber: boolean;
}

export const DOCUMENT_TYPES = [
  { key: 'luat', code: 'Luật', name: 'Luật', nameEn: 'Law', inDocumentNumber: false },
  { key: 'nghi_quyet', code: 'NQ', name: 'Nghị quyết', nameEn: 'Resolution', inDocumentNumber: true },
  { key: 'nghi_dinh', code: 'NĐ', name: 'Nghị định', nameEn: 'Decree', inDocumentNumber: true },
  { key: 'quyet_dinh', code: 'QĐ', name: 'Quyết định', nameEn: 'Decision', inDocumentNumber: true },
  { key: 'chi_thi', code: 'CT', name: 'Chỉ thị', nameEn: 'Directive', inDocumentNumber: true },
  { key: 'thong_tu', code: 'TT', name: 'Thông tư', nameEn: 'Circular', inDocumentNumber: true },
  {
    key: 'van_ban_hop_nhat',
    code: 'VBHN',
    name: 'Văn bản hợp nhất',
    nameEn: 'Consolidated text',
    inDocumentNumber: true,
  },
  {
    key: 'thong_tu_lien_tich',
    code: 'TTLT',
    name: 'Thông tư liên tịch',
    nameEn: 'Joint circular',
    inDocumentNumber: true,
  },
  { key: 'ke_hoach', code: 'KH', name: 'Kế hoạch', nameEn: 'Plan', inDocumentNumber: true },
  { key: 'thong_bao', code: 'TB', name: 'Thông báo', nameEn: 'Notice', inDocumentNumber: true },
  { key: 'thong_cao', code: 'TC', name: 'Thông cáo', nameEn: 'Communiqué', inDocumentNumber: true },
  { key: 'huong_dan', code: 'HD', name: 'Hướng dẫn', nameEn: 'Guidance', inDocumentNumber: true },
  { key: 'bao_cao', code: 'BC', name: 'Báo cáo', nameEn: 'Report', inDocumentNumber: true },
  { key: 'to_trinh', code: 'TTr', name: 'Tờ trình', nameEn: 'Submission', inDocumentNumber: true },
  { key: 'quy_dinh', code: 'QyĐ', name: 'Quy định', nameEn: 'Regulation', inDocumentNumber: true },
  { key: 'quy_che', code: 'QC', name: 'Quy chế', nameEn: 'Rules', inDocumentNumber: true },
  { key: 'cong_van', code: 'CV', name: 'Công văn', nameEn: 'Official letter', inDocumentNumber: false },
  { key: 'cong_dien', code: 'CĐ', name: 'Công điện', nameEn: 'Official dispatch', inDocumentNumber: true },
  { key: 'chuong_trinh', code: 'CTr', name: 'Chương trình', nameEn: 'Programme', inDocumentNumber: true },
  { key: 'de_an', code: 'ĐA', name: 'Đề án', nameEn: 'Scheme', inDocumentNumber: true },
  { key: 'du_an', code: 'DA', name: 'Dự án', nameEn: 'Project', inDocumentNumber: true },
  { key: 'phuong_an', code: 'PA', name: 'Phương án', nameEn: 'Option plan', inDocumentNumber: true },
  { key: 'bien_ban', code: 'BB', name: 'Biên bản', nameEn: 'Minutes', inDocumentNumber: true },
  { key: 'hop_dong', code: 'HĐ', name: 'Hợp đồng', nameEn: 'Contract', inDocumentNumber: true },
  { key: 'giay_moi', code: 'GM', name: 'Giấy mời', nameEn: 'Invitation', inDocumentNumber: true },
] as const satisfies readonly DocumentType[];

export type DocumentTypeEntry = (typeof DOCUMENT_TYPES)[number];

export type DocumentTypeCode = DocumentTypeEntry['code'];
export type DocumentTypeKey = DocumentTypeEntry['key'];

/** Loại văn bản by enumeration value: "quyet_dinh" → "Quyết định" (facets, lists, the document page). */
export const DOCUMENT_TYPE_LABELS: Readonly<Record<string, string>> = Object.fromEntries(
  DOCUMENT_TYPES.map((type) => [type.key, type.name]),
);

/** Upper case without tone or vowel marks, Đ → D: how a code typed on a phone may arrive. */
function foldCode(code: string): string {
  return code.normalize('NFD').replace(/\p{M}/gu, '').replace(/[đĐ]/g, 'D').toUpperCase();
}

function exactCode(code: string): string {
  return code.normalize('NFC').toUpperCase();
}

/**
 * The document type of a code typed in any case, with or without diacritics: "qd", "QD", "QĐ" → Quyết định.
 * A spelling with Đ is matched as written first, so "HD" stays Hướng dẫn and "HĐ" Hợp đồng, "DA" Dự án and
 * "ĐA" Đề án; Đ is only ever restored for input typed without marks ("QD" → QĐ), never removed.
 */
export function documentTypeByCode(code: string): DocumentTypeEntry | undefined {
  const wanted = code.trim();
  if (!wanted) return undefined;
  const exact = DOCUMENT_TYPES.find((type) => exactCode(type.code) === exactCode(wanted));
  if (exact) return exact;
  if (foldCode(wanted) !== wanted.toUpperCase()) return undefined;
  const folded = DOCUMENT_TYPES.filter((type) => foldCode(type.code) === foldCode(wanted));
  return folded.length === 1 ? folded[0] : undefined;
}

/** The document type stored under a schema enumeration value. */
export function documentTypeByKey(key: string): DocumentTypeEntry | undefined {
  return DOCUMENT_TYPES.find((type) => type.key === key);
}

/**
 * The official spelling of a type code that appears in số ký hiệu ("qd" → "QĐ", "ttr" → "TTr"), or undefined.
 * This is what `parseDocumentNumber` takes to tell "2543/QĐ-UBND" (a decision) from "123/UBND-KT" (a letter).
 */
export function documentNumberTypeCode(code: string): string | undefined {
  const type = documentTypeByCode(code);
  return type?.inDocumentNumber ? type.code : undefined;
}
