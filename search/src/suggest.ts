/**
 * "Có phải bạn muốn tìm: …" for a misspelt query, from the portal's own vocabulary: the words of its
 * published titles with how many records use each (the vocabulary index, built by vocabulary.ts). A
 * query word the vocabulary does not hold is replaced by the most used vocabulary word within two
 * edits (one for words of three letters or fewer); words it holds are kept as typed. Browser-safe:
 * plain fetch, one small multi-search, no dependencies.
 */
import { searchHeaders } from './client.ts';
import { prepareQuery } from './text/query.ts';
import { fold, hasDiacritics, normalizeVietnamese, words } from './text/vietnamese.ts';

/** A vocabulary entry as the vocabulary index stores it. */
export interface VocabularyWord {
  /** Folded (no tones, đ → d, lower case): what a query word is compared with. */
  word: string;
  /** The spelling with tones used most in titles ("hộ chiếu"'s "chiếu"): what the suggestion shows. */
  display?: string;
  /** Records whose title holds the word. */
  count?: number;
}

/** Records using the word; a word the sync added since the last rebuild has no count yet: one. */
const countOf = (entry: VocabularyWord) => entry.count ?? 1;

/** Edit distance with adjacent transpositions counted as one edit (optimal string alignment). */
export function editDistance(a: string, b: string): number {
  const rows = a.length + 1;
  const cols = b.length + 1;
  const d: number[][] = Array.from({ length: rows }, (_, i) =>
    Array.from({ length: cols }, (_, j) => (i ? (j ? 0 : i) : j)),
  );
  for (let i = 1; i < rows; i++) {
    for (let j = 1; j < cols; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        best = Math.min(best, d[i - 2]![j - 2]! + 1);
      d[i]![j] = best;
    }
  }
  return d[rows - 1]![cols - 1]!;
}

/**
 * Edits a word may be away from its correction. Every Vietnamese syllable has a vowel: a word without
 * one is an abbreviation ("gp", "dk", "cchn": no correction at all up to two letters) or a syllable
 * that lost its vowel ("dng": one edit).
 */
export function allowedEdits(word: string): number {
  const vowel = /[aeiouy]/.test(word);
  if (!vowel) return word.length <= 2 ? 0 : 1;
  return word.length <= 3 ? 1 : 2;
}

/**
 * The correction of one folded query word among vocabulary candidates, or undefined when the word is
 * known (a vocabulary word itself) or nothing is close enough. The closest word wins ("tnag" → "tang",
 * one transposition, not the commoner "tai" two edits away); the most used one among equally close.
 */
export function correctWord(word: string, candidates: readonly VocabularyWord[]): VocabularyWord | undefined {
  if (/\d/.test(word) || !allowedEdits(word) || candidates.some((candidate) => candidate.word === word))
    return undefined;
  let best: { entry: VocabularyWord; edits: number } | undefined;
  for (const entry of candidates) {
    const edits = editDistance(word, entry.word);
    if (edits > allowedEdits(word)) continue;
    if (!best || edits < best.edits || (edits === best.edits && countOf(entry) > countOf(best.entry)))
      best = { entry, edits };
  }
  return best?.entry;
}

/**
 * The suggested query, or undefined when every word is known or has no close vocabulary word. Words
 * are the query's own (after fillers are taken off); a corrected one takes the vocabulary's spelling
 * with tones when the query was typed with tones, and without when it was typed without.
 */
export function suggestionFor(
  query: string,
  candidatesOf: (folded: string) => readonly VocabularyWord[],
): string | undefined {
  let changed = false;
  // The query's own words, fillers included: the suggestion is what the citizen meant to type. Fillers
  // ("tôi muốn", "mất bao lâu": text/fillers.ts) are everyday words no title holds: never corrected.
  const text = normalizeVietnamese(query);
  const toned = hasDiacritics(text);
  const searched = new Set(words(prepareQuery(query).text).map((word) => fold(word)));
  const out = words(text).map((typed) => {
    if (!searched.has(fold(typed))) return typed;
    const correction = correctWord(fold(typed), candidatesOf(fold(typed)));
    if (!correction) return typed;
    changed = true;
    return toned ? (correction.display ?? correction.word) : correction.word;
  });
  return changed ? out.join(' ') : undefined;
}

/** At most this many query words are looked up (Meilisearch uses only the first ten of a query anyway). */
const MAX_WORDS = 10;

/**
 * Asks the vocabulary index for the words close to each query word (Meilisearch's typo tolerance finds
 * them; the choice is made here) and returns the suggested query, or undefined.
 */
export async function suggestQuery(
  config: { host: string; apiKey: string; vocabulary?: string | undefined },
  query: string,
  options: { signal?: AbortSignal } = {},
): Promise<string | undefined> {
  if (!config.vocabulary) return undefined;
  const folded = [...new Set(words(prepareQuery(query).text).map((word) => fold(word)))]
    .filter((word) => !/\d/.test(word) && allowedEdits(word) > 0)
    .slice(0, MAX_WORDS);
  if (!folded.length) return undefined;
  const response = await fetch(`${config.host}/multi-search`, {
    method: 'POST',
    headers: searchHeaders(config.apiKey),
    body: JSON.stringify({
      queries: folded.map((word) => ({
        indexUid: config.vocabulary,
        q: word,
        limit: 20,
        attributesToRetrieve: ['word', 'display', 'count'],
      })),
    }),
    signal: options.signal ?? null,
  });
  if (!response.ok) throw new Error(`Suggestion failed with HTTP ${response.status}`);
  const body = (await response.json()) as { results: Array<{ hits: VocabularyWord[] }> };
  const byWord = new Map(folded.map((word, i) => [word, body.results[i]?.hits ?? []]));
  return suggestionFor(query, (word) => byWord.get(word) ?? []);
}
