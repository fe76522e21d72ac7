/**
 * A citizen's query as the search client sends it: normalised text for the ordinary query, the
 * tone-preserving spelling when the query was typed with diacritics, and a Telex reading when it
 * holds Telex leftovers. Pure, and small enough for the browser bundle.
 */
import { stripFillers } from './fillers.ts';
import { decodeTelex } from './telex.ts';
import { hasDiacritics, normalizeVietnamese, toneEncodeWord } from './vietnamese.ts';

export interface PreparedQuery {
  /**
   * NFC, the portal's tone placement, colloquial fillers taken off (text/fillers.ts), procedure codes
   * spaced the way Meilisearch splits them.
   */
  text: string;
  /** Tone-preserving spelling for the "toned" fields, only when the query has diacritics. */
  toned?: string;
  /** The query with Telex leftovers decoded ("thur tucj" → "thủ tục"). */
  telex?: string;
  /**
   * The document number or procedure code inside a longer query ("quyết định số 2543/QĐ-UBND",
   * "thủ tục 1.000948"), searched on its own so the record it names ranks before records citing it.
   */
  identifier?: string;
}

/** A document number ("2543/QĐ-UBND", "79/2010", "15/2024/nq-hđnd") or a procedure code ("1.000948", "1000948"). */
const IDENTIFIER =
  /(?<![\p{L}\p{N}])(?:\d+\/\d{4}(?:\/[\p{L}\p{N}]+(?:-[\p{L}\p{N}]+)*)?|\d+\/[\p{L}]+(?:-[\p{L}\p{N}]+)+|\d\.\d{6}|\d{7})(?![\p{L}\p{N}])/u;

/** Meilisearch reads "1.000948" as one decimal number but indexes "1.000948.H99" as 1 · 000948 · H99. */
function spaceCodes(text: string): string {
  return text.replace(/(\d)\.(?=\d)/g, '$1 ');
}

/** Encodes word by word and keeps double quotes around the words they enclose, so a phrase stays a phrase. */
function toneEncodeQuery(text: string): string {
  const parts: string[] = [];
  let open = false;
  let glue = false;
  for (const token of text.match(/"|[\p{L}\p{M}\p{N}]+/gu) ?? []) {
    if (token === '"') {
      if (open && parts.length) parts[parts.length - 1] += '"';
      else {
        parts.push('"');
        glue = true;
      }
      open = !open;
      continue;
    }
    const encoded = toneEncodeWord(token);
    if (!encoded) continue;
    if (glue) parts[parts.length - 1] += encoded;
    else parts.push(encoded);
    glue = false;
  }
  return parts.join(' ');
}

export function prepareQuery(raw: string): PreparedQuery {
  const text = spaceCodes(stripFillers(normalizeVietnamese(raw).replace(/\s+/g, ' ').trim()));
  const prepared: PreparedQuery = { text };
  if (hasDiacritics(text)) prepared.toned = toneEncodeQuery(text);
  const telex = decodeTelex(text);
  if (telex !== undefined) prepared.telex = telex;
  const identifier = IDENTIFIER.exec(normalizeVietnamese(raw))?.[0];
  if (identifier && spaceCodes(identifier) !== text) prepared.identifier = spaceCodes(identifier);
  return prepared;
}
