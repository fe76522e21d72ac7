/**
 * Số ký hiệu of Vietnamese documents (Nghị định 30/2020/NĐ-CP, Phụ lục I; the law on normative documents):
 *   2543/QĐ-UBND           number / type code - issuer
 *   15/2024/QĐ-UBND        normative: number / year / type code - issuer
 *   123/UBND-KT            công văn: number / issuer - drafting unit (no type code)
 *   01/2021/TTLT-BTC-BNV   joint document: further issuers after the first
 *   59/2020/QH14           laws and ordinances: number / year / issuer
 * Pure functions without imports, so tests load this file directly with Node's type stripping. The list of
 * type codes belongs to document-types.ts and comes in as `resolveTypeCode` (pass `documentNumberTypeCode`).
 */

/** Official spelling of a type code that may open the symbol ("qd" → "QĐ"), or undefined if it is none. */
export type TypeCodeResolver = (code: string) => string | undefined;

export interface DocumentNumber {
  /** As written, leading zeros kept: the decree writes numbers below 10 as 01…09. */
  number: string;
  year?: number;
  typeCode?: string;
  issuerCode: string;
  /** Codes after the issuer: the drafting unit of a công văn, the co-issuers of a joint document. */
  unitCodes: string[];
  canonical: string;
}

export type DocumentNumberResult = { ok: true; value: DocumentNumber } | { ok: false; message: string };

const EXAMPLE = 'ví dụ: 2543/QĐ-UBND hoặc 15/2024/QĐ-UBND';
const FIRST_YEAR = 1945;
const LAST_YEAR = 2100;

// Agency and unit codes whose official spelling is not plain upper-case ASCII, so that "ttg" or "HDND" typed on
// a phone comes back as TTg and HĐND. Codes that fold onto another real code (ĐT/DT) are left out on purpose.
const AGENCY_SPELLINGS = [
  'HĐND',
  'TTg',
  'BGDĐT',
  'SGDĐT',
  'BLĐTBXH',
  'SLĐTBXH',
  'BKHĐT',
  'SKHĐT',
  'HĐTP',
  'TTĐT',
  'BCĐ',
];

function fold(text: string): string {
  return text.replace(/Đ/g, 'D').replace(/đ/g, 'd');
}

function agencySpelling(code: string): string {
  const upper = code.toUpperCase();
  const asWritten = AGENCY_SPELLINGS.find((spelling) => spelling.toUpperCase() === upper);
  if (asWritten) return asWritten;
  // Restore Đ only where the editor typed none; never turn a written Đ into D.
  if (fold(upper) !== upper) return upper;
  return AGENCY_SPELLINGS.find((spelling) => fold(spelling).toUpperCase() === upper) ?? upper;
}

/** Unifies what copy-paste and phones produce: NFD, Icelandic Ð for Đ, dashes, spaced separators, "Số:". */
function clean(raw: string): string {
  return raw
    .replace(/[\u00D0\u0189]/g, 'Đ')
    .replace(/[\u00F0\u0256]/g, 'đ')
    .replace(/[\u2010-\u2015\u2212\uFE58\uFE63\uFF0D]/g, '-')
    .replace(/[\u2044\u2215\uFF0F]/g, '/')
    .replace(/^số\s*:?\s*(?=\d)/iu, '')
    .replace(/\s*([/-])\s*/g, '$1');
}

function fail(message: string): DocumentNumberResult {
  return { ok: false, message };
}

/**
 * Parses số ký hiệu as an editor may type it ("2543/qd-ubnd", "15 / 2024 / QĐ – UBND", NFD) into its parts and
 * the canonical spelling ("2543/QĐ-UBND"), or a Vietnamese message naming the field.
 */
export function parseDocumentNumber(input: string, resolveTypeCode: TypeCodeResolver): DocumentNumberResult {
  const raw = input.normalize('NFC').trim();
  if (!raw) return fail('Số ký hiệu không được để trống.');

  const parts = clean(raw).split('/');
  if (parts.length < 2) return fail(`Số ký hiệu “${raw}” thiếu dấu “/” giữa số và ký hiệu, ${EXAMPLE}.`);
  if (parts.length > 3) return fail(`Số ký hiệu “${raw}” có quá nhiều dấu “/”, ${EXAMPLE}.`);
  const [number = '', ...rest] = parts;
  const symbol = (rest.pop() ?? '').replace(/\s+/g, '-');
  const yearText = rest[0];

  if (!number) return fail(`Số ký hiệu “${raw}” thiếu số văn bản trước dấu “/”, ${EXAMPLE}.`);
  if (!/^\d+$/.test(number)) {
    return fail(`Số ký hiệu “${raw}”: số văn bản “${number}” chỉ được gồm chữ số, ${EXAMPLE}.`);
  }
  if (/^0+$/.test(number)) return fail(`Số ký hiệu “${raw}”: số văn bản phải lớn hơn 0.`);

  let year: number | undefined;
  if (yearText !== undefined) {
    year = /^\d{4}$/.test(yearText) ? Number(yearText) : NaN;
    if (!(year >= FIRST_YEAR && year <= LAST_YEAR)) {
      return fail(
        `Số ký hiệu “${raw}”: phần giữa hai dấu “/” phải là năm ban hành có 4 chữ số, từ ${FIRST_YEAR} đến ` +
          `${LAST_YEAR} (đang là “${yearText}”).`,
      );
    }
  }

  if (!symbol) return fail(`Số ký hiệu “${raw}” thiếu ký hiệu sau dấu “/”, ${EXAMPLE}.`);
  const codes = symbol.split('-');
  for (const code of codes) {
    if (!code) return fail(`Số ký hiệu “${raw}” có nhóm chữ viết tắt bị trống giữa các dấu “-”.`);
    if (!/^[A-Za-z0-9Đđ]+$/.test(code)) {
      return fail(`Số ký hiệu “${raw}”: nhóm “${code}” chỉ được gồm chữ cái không dấu, chữ Đ và chữ số.`);
    }
    if (!/[A-Za-zĐđ]/.test(code)) return fail(`Số ký hiệu “${raw}”: nhóm “${code}” phải có ít nhất một chữ cái.`);
  }

  const typeCode = resolveTypeCode(codes[0] ?? '');
  const [issuer, ...units] = (typeCode ? codes.slice(1) : codes).map(agencySpelling);
  if (!issuer) {
    return fail(`Số ký hiệu “${raw}” thiếu chữ viết tắt tên cơ quan ban hành sau “${typeCode}”, ví dụ: 2543/QĐ-UBND.`);
  }

  const head = year === undefined ? number : `${number}/${year}`;
  const canonical = `${head}/${[typeCode, issuer, ...units].filter(Boolean).join('-')}`;
  const value: DocumentNumber = { number, issuerCode: issuer, unitCodes: units, canonical };
  if (year !== undefined) value.year = year;
  if (typeCode) value.typeCode = typeCode;
  return { ok: true, value };
}

/**
 * The spellings a citizen may type for a document number, to index beside the canonical one: with and without Đ,
 * spaces for separators, "qd 2543", the bare number, and "15/2024" for normative documents. Deduplicated,
 * canonical first.
 */
export function documentNumberSearchForms(documentNumber: DocumentNumber): string[] {
  const { number, year, typeCode, issuerCode, unitCodes, canonical } = documentNumber;
  const head = year === undefined ? number : `${number}/${year}`;
  const spaced = [number, year, typeCode, issuerCode, ...unitCodes]
    .filter((part) => part !== undefined)
    .join(' ')
    .toLowerCase();
  const forms = [canonical, fold(canonical), spaced, fold(spaced)];
  if (typeCode) forms.push(`${fold(typeCode).toLowerCase()} ${head}`);
  if (year !== undefined) forms.push(head, fold(canonical).toLowerCase());
  forms.push(number);
  return [...new Set(forms)];
}
