/**
 * Vietnamese text as search sees it. No imports, so the browser client can use it too.
 *
 * Tone placement follows the CMS (cms/src/text/tone.ts, which search must not import): the mark of an open
 * oa/oe/uy syllable sits on the first vowel (hòa, khỏe, thủy), so "hoà" typed with UniKey's "kiểu mới" and
 * "hòa" stored by the CMS are one word.
 */

const TONE = '[\\u0300\\u0301\\u0303\\u0309\\u0323]';
const ONSET = '(?:ngh|ng|nh|ch|kh|ph|th|tr|gh|b|c|d|đ|g|h|k|l|m|n|p|r|s|t|v|x)?';
const SECOND_VOWEL_TONE = new RegExp(
  `(?<![\\p{L}\\p{M}])(${ONSET})(o(?=[ae])|u(?=y))([aey])(${TONE})(?![\\p{L}\\p{M}])`,
  'giu',
);

/** NFC with the portal's tone placement: "Thanh Hoá" → "Thanh Hóa". Idempotent. */
export function normalizeVietnamese(text: string): string {
  return text
    .normalize('NFD')
    .replace(SECOND_VOWEL_TONE, (_m, onset: string, first: string, second: string, tone: string) => {
      return `${onset}${first}${tone}${second}`;
    })
    .normalize('NFC');
}

/** Without tones and vowel marks, đ → d, lower case: what Meilisearch's own normalisation compares. */
export function fold(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase();
}

/** Whether the text carries any Vietnamese tone or vowel mark (or đ). */
export function hasDiacritics(text: string): boolean {
  return /[\u0300-\u036fđĐ]/.test(text.normalize('NFD'));
}

const TONE_LETTERS: Record<string, string> = {
  '\u0300': 'f', // huyền
  '\u0301': 's', // sắc
  '\u0309': 'r', // hỏi
  '\u0303': 'x', // ngã
  '\u0323': 'j', // nặng
};

/**
 * A tone-preserving spelling of one word in plain letters, which Meilisearch indexes as it is: the tone
 * first ("z" for none), then the word in Telex (đ → dd, â → aa, ư → uw …), then "q" to close it.
 * "đường" → "fdduwowngq", "dương" → "zduwowngq", "đương" → "zdduwowngq". The closing letter keeps
 * Meilisearch's prefix search on the last query word honest: "lụa" ("jluaq") is not a prefix of "luật"
 * ("jluaatq"). Numbers are kept as they are.
 */
export function toneEncodeWord(word: string): string {
  const nfd = normalizeVietnamese(word).toLowerCase().normalize('NFD');
  if (/^\d+$/.test(nfd)) return nfd;
  let tone = 'z';
  let body = '';
  for (const char of nfd) {
    const toneLetter = TONE_LETTERS[char];
    if (toneLetter) tone = toneLetter;
    else if (char === '\u0302')
      body += body.slice(-1); // circumflex: â ê ô → aa ee oo
    else if (char === '\u0306' || char === '\u031b')
      body += 'w'; // breve ă, horn ơ ư
    else if (char === 'đ') body += 'dd';
    else if (/[a-z0-9]/.test(char)) body += char;
  }
  return body ? `${tone}${body}q` : '';
}

/** Words of a text: runs of letters, marks and digits (what the tokenizer would see as words). */
export function words(text: string): string[] {
  return text.normalize('NFC').match(/[\p{L}\p{M}\p{N}]+/gu) ?? [];
}

/** The tone-preserving encoding of a whole text, word by word, for the index's "toned" fields. */
export function toneEncode(text: string): string {
  return words(text).map(toneEncodeWord).filter(Boolean).join(' ');
}
