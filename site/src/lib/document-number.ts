/**
 * Matching số ký hiệu as citizens type it: "2543/QĐ-UBND", "2543/QD-UBND", "2543 qd ubnd", "qd 2543",
 * "79/2010/". The finder script ships it to the browser. The CMS's parser (cms/src/legal/document-number.ts)
 * checks what editors type; this only has to find, with the CMS's folding rule.
 */
import { foldVietnamese as foldText } from '@portal/cms/model/text';

export { foldText };

/** The parts of a number: runs of letters or digits ("15/2024/QĐ-UBND" → 15 · 2024 · qd · ubnd). */
export function numberTokens(text: string): string[] {
  return foldText(text).match(/[a-z]+|[0-9]+/g) ?? [];
}

/**
 * Whether a document number matches what was typed. Every typed part must be a part of the number,
 * in any order (so "qd 2543" finds 2543/QĐ-UBND). The last part may be unfinished ("2543/Q") unless
 * the query ends with a separator ("79/2010/" wants exactly 79 and 2010). Leading zeros count as
 * written by the decree ("01") but "1" also finds "01".
 */
export function matchesDocumentNumber(documentNumber: string, query: string): boolean {
  const wanted = numberTokens(query);
  if (wanted.length === 0) return true;
  const open = /[\p{L}\p{N}]$/u.test(query.trim());
  const available = numberTokens(documentNumber);
  return wanted.every((token, index) => {
    const prefix = open && index === wanted.length - 1;
    const at = available.findIndex((part) => samePart(part, token, prefix));
    if (at < 0) return false;
    available.splice(at, 1);
    return true;
  });
}

function samePart(part: string, token: string, prefix: boolean): boolean {
  if (part === token || (prefix && part.startsWith(token))) return true;
  // Numbers compare by value too: "1" finds "01".
  return /^\d+$/.test(part) && /^\d+$/.test(token) && Number(part) === Number(token);
}
