/**
 * The portal's vocabulary for "did you mean" (suggest.ts): every word of the published titles (titles,
 * procedure names, abstracts, leads), folded, with the number of records using it and the spelling with
 * tones used most. Built from the live indexes themselves (so it holds exactly what search can find)
 * into the small `<prefix>vocabulary` index, rebuilt and swapped in whenever the indexes are prepared.
 */
import { createHash } from 'node:crypto';
import type { Meilisearch, Settings } from 'meilisearch';
import { storeUid, type SearchStore } from './indexes/stores.ts';
import { SYNONYMS } from './indexes/shared-settings.ts';
import type { VocabularyWord } from './suggest.ts';
import { assertSucceeded } from './sync.ts';
import { fold, normalizeVietnamese, words } from './text/vietnamese.ts';
import { vocabularyUid } from './views.ts';

const TASK_TIMEOUT = { timeout: 120_000, interval: 50 };

/** Fields whose words make the vocabulary: what a citizen names a record by, not its full text. */
export const VOCABULARY_FIELDS = ['title', 'name', 'abstract', 'lead', 'summary'] as const;

export const VOCABULARY_SETTINGS: Settings = {
  searchableAttributes: ['word'],
  displayedAttributes: ['word', 'display', 'count'],
  sortableAttributes: ['count'],
  // Among words as close to the query, the most used first.
  rankingRules: ['words', 'typo', 'exactness', 'count:desc'],
  // Folded syllables are short: "ky" → "ki" needs a typo at two letters already.
  typoTolerance: { minWordSizeForTypos: { oneTypo: 2, twoTypos: 4 } },
  // A word typed in full is not a prefix of a longer one.
  prefixSearch: 'disabled',
  pagination: { maxTotalHits: 50 },
};

/** Words and counts of a set of titles (one title per record; a word counts once per record). */
export function vocabularyFrom(titles: Iterable<string>): VocabularyWord[] {
  const entries = new Map<string, { count: number; spellings: Map<string, number> }>();
  for (const title of titles) {
    const seen = new Set<string>();
    for (const raw of words(normalizeVietnamese(title))) {
      const spelling = raw.toLowerCase();
      const word = fold(spelling);
      if (/\d/.test(word) || word.length < 2) continue;
      const entry = entries.get(word) ?? { count: 0, spellings: new Map() };
      entries.set(word, entry);
      entry.spellings.set(spelling, (entry.spellings.get(spelling) ?? 0) + 1);
      if (!seen.has(word)) entry.count += 1;
      seen.add(word);
    }
  }
  return [...entries].map(([word, { count, spellings }]) => ({
    word,
    count,
    display: [...spellings].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0]![0],
  }));
}

/**
 * The words of documents the sync just wrote, as partial vocabulary documents (id and word only): a
 * partial update adds a new word and leaves an existing word's count and spelling alone, so a title
 * published a minute ago is not "misspelt". Counts and words no record uses any more are set right by
 * the next rebuild (start-up, reindex): lowering a count needs the words of the record as it was indexed
 * before, and the CMS's indexing key cannot read documents (keys.ts); a stale count only orders
 * suggestions that are equally close to the query, and a word left over only lets a suggestion name it.
 */
export function vocabularyUpdates(
  documents: ReadonlyArray<Record<string, unknown>>,
): Array<{ id: string; word: string }> {
  const titles = documents.map((document) =>
    VOCABULARY_FIELDS.map((field) => document[field])
      .filter((value): value is string => typeof value === 'string')
      .join(' · '),
  );
  return vocabularyFrom(titles).map(({ word }) => ({ id: idOf(word), word }));
}

/** Meilisearch ids allow letters, digits, - and _ only. */
const idOf = (word: string) => createHash('sha1').update(word).digest('hex').slice(0, 20);

/** The titles of every record of the given live indexes, read page by page. */
async function* titlesOf(client: Meilisearch, uids: readonly string[]): AsyncGenerator<string> {
  for (const uid of uids) {
    for (let offset = 0; ; offset += 1000) {
      const page = await client
        .index(uid)
        .getDocuments<Record<string, unknown>>({ offset, limit: 1000, fields: [...VOCABULARY_FIELDS] })
        .catch((error: unknown) => {
          if ((error as { cause?: { code?: string } }).cause?.code === 'index_not_found') return { results: [] };
          throw error;
        });
      for (const document of page.results)
        yield VOCABULARY_FIELDS.map((field) => document[field])
          .filter((value): value is string => typeof value === 'string')
          .join(' · ');
      if (page.results.length < 1000) break;
    }
  }
}

/** Rebuilds `<prefix>vocabulary` from the live indexes and swaps it in; returns its word count. */
export async function rebuildVocabulary(
  client: Meilisearch,
  prefix: string,
  indexes: readonly SearchStore[],
  editorGroups: readonly (readonly string[])[] = [],
): Promise<number> {
  // The synonym list's terms are words too: "gplx" or "bhxh" typed is known, not a misspelling.
  const titles: string[] = [...Object.keys(SYNONYMS), ...editorGroups.flat()];
  for await (const title of titlesOf(
    client,
    indexes.map((index) => storeUid(index, prefix)),
  ))
    titles.push(title);
  const vocabulary = vocabularyFrom(titles).map((entry) => ({ id: idOf(entry.word), ...entry }));
  const live = vocabularyUid(prefix);
  const next = `${live}__next`;
  await client.deleteIndexIfExists(next);
  assertSucceeded(await client.createIndex(next, { primaryKey: 'id' }).waitTask(TASK_TIMEOUT));
  assertSucceeded(await client.index(next).updateSettings(VOCABULARY_SETTINGS).waitTask(TASK_TIMEOUT));
  for (let i = 0; i < vocabulary.length; i += 5000)
    assertSucceeded(
      await client
        .index(next)
        .addDocuments(vocabulary.slice(i, i + 5000))
        .waitTask(TASK_TIMEOUT),
    );
  const exists = await client.getIndex(live).then(
    () => true,
    () => false,
  );
  if (!exists) assertSucceeded(await client.createIndex(live, { primaryKey: 'id' }).waitTask(TASK_TIMEOUT));
  assertSucceeded(await client.swapIndexes([{ indexes: [live, next], rename: false }]).waitTask(TASK_TIMEOUT));
  assertSucceeded(await client.deleteIndex(next).waitTask(TASK_TIMEOUT));
  return vocabulary.length;
}
