/**
 * Telex leftovers: what a phone or a switched-off input method leaves in a query ("thur tucj" for "thủ tục",
 * "dduwowngf" for "đường"). A word is read as Telex only when it cannot be plain unmarked Vietnamese: it has
 * dd, aa/ee/oo, a w, or ends in a tone key (s f r x j), which no Vietnamese syllable ends with.
 */
import { normalizeVietnamese } from './vietnamese.ts';

const TONE_KEYS: Record<string, string> = { s: '\u0301', f: '\u0300', r: '\u0309', x: '\u0303', j: '\u0323' };
const FINALS = /(?:ch|ng|nh|c|m|n|p|t)$/;
const VOWEL = /[aeiouy]/;

// A tone key may also be typed before the final consonant ("tusc" for "túc"): no unmarked Vietnamese
// syllable has s, f, r, x or j after its first vowel.
const TONE_AFTER_VOWEL = /(?<=[aeiouy][a-z]*)[sfrxj]/;

function looksLikeTelex(word: string): boolean {
  return /dd|aa|ee|oo|w/.test(word) || TONE_AFTER_VOWEL.test(word);
}

/** Where the tone goes in a syllable without it: index into the letters (after marks were applied). */
function tonePosition(syllable: string): number {
  const onset = /^(?:qu|gi(?=[aeiouyâăêôơư]))?[^aeiouyâăêôơư]*/.exec(syllable)?.[0] ?? '';
  const rest = syllable.slice(onset.length);
  const vowels = /^[aeiouyâăêôơư]+/.exec(rest)?.[0] ?? '';
  if (!vowels) return -1;
  const start = onset.length;
  const marked = [...vowels].findLastIndex((v) => 'âăêôơư'.includes(v));
  if (marked >= 0) return start + marked;
  const closed = rest.length > vowels.length;
  if (vowels.length === 1) return start;
  if (closed) return start + vowels.length - 1;
  return vowels.length === 3 ? start + 1 : start;
}

/** One Telex word as Vietnamese ("tucj" → "tục"), or undefined when it does not look like Telex. */
export function telexWord(word: string): string | undefined {
  const lower = word.toLowerCase();
  if (!/^[a-z]+$/.test(lower) || !looksLikeTelex(lower)) return undefined;
  let stem = lower;
  let tone = '';
  const key = TONE_AFTER_VOWEL.exec(stem);
  if (key && key.index > 0) {
    const rest = stem.slice(0, key.index) + stem.slice(key.index + 1);
    if (VOWEL.test(rest.slice(-1)) || FINALS.test(rest)) {
      tone = TONE_KEYS[key[0]] ?? '';
      stem = rest;
    }
  }
  const marked = stem
    .replace(/^dd/, 'đ')
    .replace(/uow|uwow|uwo/, 'ươ')
    .replace(/aa/, 'â')
    .replace(/ee/, 'ê')
    .replace(/oo/, 'ô')
    .replace(/aw/, 'ă')
    .replace(/ow/, 'ơ')
    .replace(/uw/, 'ư')
    .replace(/w/, 'ư');
  if (/[a-z]*[^a-zâăêôơưđ]/.test(marked) || /w|dd/.test(marked)) return undefined;
  if (!tone) return marked === lower ? undefined : marked;
  const at = tonePosition(marked);
  if (at < 0) return undefined;
  const chars = [...marked];
  chars[at] = `${chars[at]}${tone}`;
  return normalizeVietnamese(chars.join(''));
}

/** The query with every Telex-looking word decoded, or undefined when nothing changed. */
export function decodeTelex(query: string): string | undefined {
  let changed = false;
  const decoded = query.replace(/[A-Za-z]+/g, (word) => {
    const vietnamese = telexWord(word);
    if (vietnamese === undefined) return word;
    changed = true;
    return vietnamese;
  });
  return changed ? decoded : undefined;
}
