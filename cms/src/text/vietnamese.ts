/**
 * Vietnamese text rules shared by everything the CMS stores: NFC everywhere, ASCII slugs (đ → d).
 * Pure functions without imports, so tests load this file directly with Node's type stripping.
 */

/** Applies fn to every string in a JSON-like value (plain objects and arrays); other values are kept. */
export function mapStrings<T>(value: T, fn: (text: string) => string): T {
  if (typeof value === 'string') return fn(value) as T;
  if (Array.isArray(value)) return value.map((item: unknown) => mapStrings(item, fn)) as T;
  if (value !== null && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
    const out: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value)) out[key] = mapStrings(item, fn);
    return out as T;
  }
  return value;
}

/** Removes tones and vowel marks; đ/Đ become d/D, which NFD does not decompose. */
export function removeDiacritics(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D');
}

/**
 * How a citizen may type a word, and what search and the finders compare: lower case without tones or vowel
 * marks, đ → d (and Ð/ð, look-alikes pasted from other fonts). "Quyết Định" → "quyet dinh".
 */
export function foldVietnamese(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[đĐ\u00D0\u00F0]/g, 'd')
    .toLowerCase();
}

/**
 * ASCII slug from a Vietnamese title: "Đường Hồ Chí Minh" → "duong-ho-chi-minh".
 * Cut at a word boundary so a long title does not end in half a word.
 */
export function slugify(text: string, maxLength = 80): string {
  const words = removeDiacritics(text)
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim()
    .split(' ')
    .filter(Boolean);
  let slug = '';
  for (const word of words) {
    const next = slug ? `${slug}-${word}` : word;
    if (next.length > maxLength) break;
    slug = next;
  }
  // A single word longer than maxLength still yields something rather than an empty slug.
  return slug || (words[0] ?? '').slice(0, maxLength);
}
