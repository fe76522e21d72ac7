/**
 * How citizens type document numbers and procedure codes, as extra index text beside the canonical
 * spelling. The CMS stores numbers canonical ("2543/QĐ-UBND", cms/src/legal/document-number.ts); this
 * side only splits what is stored, so it needs no list of type codes.
 */
import { fold } from './vietnamese.ts';

/**
 * "15/2024/QĐ-UBND" → ["15/2024/QĐ-UBND", "15/2024/QD-UBND", "15 2024 qd ubnd", "qd 15", "qd 15/2024",
 * "15/2024", "15"]. The first symbol code after the number counts as the type code ("qd 2543").
 */
export function documentNumberForms(canonical: string): string[] {
  const text = canonical.normalize('NFC').trim();
  const [number = '', ...rest] = text.split('/');
  const symbol = rest.pop() ?? '';
  const year = rest.find((part) => /^\d{4}$/.test(part));
  const codes = symbol.split('-').filter(Boolean);
  const head = year ? `${number}/${year}` : number;
  const spaced = [number, year, ...codes].filter(Boolean).join(' ');
  const forms = [text, fold(text).toUpperCase(), fold(spaced)];
  const [firstCode] = codes;
  if (firstCode) forms.push(`${fold(firstCode)} ${number}`, `${fold(firstCode)} ${head}`);
  if (year) forms.push(head);
  if (/^\d+$/.test(number)) forms.push(number);
  return [...new Set(forms)];
}

/**
 * "1.000948.000.00.00.H99" → ["1.000948.000.00.00.H99", "1.000948", "1 000948", "1000948", "000948"]: the
 * national code with and without the local suffix, spaced as Meilisearch splits it, and joined digits.
 */
export function procedureCodeForms(code: string): string[] {
  const text = code.trim();
  const match = /^(\d+)\.(\d+)/.exec(text);
  const forms = [text];
  if (match) {
    const [, group = '', serial = ''] = match;
    forms.push(`${group}.${serial}`, `${group} ${serial}`, `${group}${serial}`, serial);
  }
  return [...new Set(forms)];
}
