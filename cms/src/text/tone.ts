/**
 * One tone placement for the whole portal, so "Hoà"/"Hòa" and "thuỷ"/"thủy" are stored, shown and searched as
 * one word. Pure functions without imports, so tests load this file directly with Node's type stripping.
 *
 * The portal writes the mark on the first vowel of an open oa/oe/uy syllable: hòa, khỏe, thủy, ủy. Dictionaries
 * call this the traditional ("kiểu cũ") placement; UniKey's "kiểu mới" puts it on the second vowel (hoà, khoẻ,
 * thuỷ). The traditional one is what the demo content, the press and school textbooks use.
 *
 * Only open syllables move: with a final consonant both styles agree (hoàng, toán, hoạch), and in triphthongs
 * (ngoài, khuỷu) and after "qu" (quý, quả) the mark already sits on the main vowel.
 */

// Dấu huyền, sắc, ngã, hỏi, nặng as NFD combining marks. Vowel marks (â ă ê ô ơ ư) are other code points, so a
// base letter followed directly by one of these carries a tone and nothing else.
const TONE = '[\\u0300\\u0301\\u0303\\u0309\\u0323]';

// Initial consonants of a Vietnamese syllable. "qu" and "gi" are absent on purpose: their u/i belong to the
// consonant, so "quý" and "giá" must never match.
const ONSET = '(?:ngh|ng|nh|ch|kh|ph|th|tr|gh|b|c|d|đ|g|h|k|l|m|n|p|r|s|t|v|x)?';

// A whole syllable (no letter or mark on either side): onset + o/u + a/e/y + tone, nothing after it.
const SECOND_VOWEL_TONE = new RegExp(
  `(?<![\\p{L}\\p{M}])(${ONSET})(o(?=[ae])|u(?=y))([aey])(${TONE})(?![\\p{L}\\p{M}])`,
  'giu',
);

/**
 * Moves the tone of open oa/oe/uy syllables onto the first vowel: "Thanh Hoá" → "Thanh Hóa", "UỶ BAN" → "ỦY BAN".
 * Accepts NFC or NFD input and always returns NFC. Idempotent.
 */
export function normalizeTonePlacement(text: string): string {
  return text
    .normalize('NFD')
    .replace(SECOND_VOWEL_TONE, (_match, onset: string, first: string, second: string, tone: string) => {
      return `${onset}${first}${tone}${second}`;
    })
    .normalize('NFC');
}

/** The form every stored text and every search query takes: NFC with the portal's tone placement. */
export function normalizeVietnamese(text: string): string {
  return normalizeTonePlacement(text.normalize('NFC'));
}
