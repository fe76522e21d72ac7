/**
 * Vietnamese text as search sees it. The text rules themselves belong to the CMS (@portal/cms/model), so
 * the stored text, the index and the typed query take one form: NFC with the portal's tone placement
 * ("hoà" typed with UniKey's "kiểu mới" and "hòa" stored by the CMS are one word), folded the same way.
 * The browser client imports this file too; the CMS's text modules have no imports of their own.
 */
import { foldVietnamese } from '@portal/cms/model/text';
import { normalizeVietnamese } from '@portal/cms/model/tone';

export { normalizeVietnamese };

/** Without tones and vowel marks, đ → d, lower case: what Meilisearch's own normalisation compares. */
export const fold = foldVietnamese;

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

/**
 * Encoded words seen before: a law of 60k words holds a few thousand distinct syllables, so encoding each
 * once (not every occurrence) makes the toned text of a long document ~10× cheaper to build. Bounded: the
 * cache starts over when it is full.
 */
const encodedWords = new Map<string, string>();
const ENCODED_WORDS_MAX = 50_000;

/** The tone-preserving encoding of a whole text, word by word, for the index's "toned" fields. */
export function toneEncode(text: string): string {
  const out: string[] = [];
  for (const word of words(text)) {
    let encoded = encodedWords.get(word);
    if (encoded === undefined) {
      if (encodedWords.size >= ENCODED_WORDS_MAX) encodedWords.clear();
      encoded = toneEncodeWord(word);
      encodedWords.set(word, encoded);
    }
    if (encoded) out.push(encoded);
  }
  return out.join(' ');
}
