/**
 * Settings every public index shares, so one federated search can filter, facet and sort all of them
 * with the same attribute names (an index without an attribute simply has no match for it).
 */
import type { Settings } from 'meilisearch';
import synonymData from '../../data/synonyms.vi.json' with { type: 'json' };
import { z } from 'zod';
import { fold } from '../text/vietnamese.ts';

/** Facets shown on the search page, with the attribute each one filters. */
export const FACETS = [
  'kind',
  'documentType',
  'category',
  'fields',
  'agency',
  'year',
  'status',
  'serviceLevel',
] as const;
export type Facet = (typeof FACETS)[number];

/** Fields holding the tone-preserving encoding (text/vietnamese.ts toneEncode) of the searchable text. */
export const TONED_ATTRIBUTES = ['tonedTitle', 'tonedText'] as const;

/**
 * Long fields (full texts of laws and decrees run to 60k words): searched by a query of their own at a
 * lower weight, so a body that holds every everyday word cannot outrank a record whose title or number
 * matches; never highlighted or cropped (that cost most of a search's time on long texts), and never
 * displayed: Meilisearch reads every displayed field of a hit before keeping the retrieved ones, so a
 * displayed full text made each search returning laws copy megabytes (100k records: client call p95
 * 68 → 20 ms without it). The site never shows a full text from the search; the sync reads documents
 * through the documents route, which returns every field.
 */
export const LONG_ATTRIBUTES = ['text', 'tonedText'] as const;

const SynonymFileSchema = z.object({ groups: z.array(z.array(z.string().min(1)).min(2)) });

/**
 * How a term may be typed: Meilisearch matches synonym keys against the query before it folds tones, so
 * "bao hiem xa hoi" needs its own key; "NĐ-CP" also arrives as "nd cp" and "ndcp".
 */
function spellings(term: string): string[] {
  const lower = term.normalize('NFC').toLowerCase().trim();
  const forms = [lower, fold(lower)].flatMap((form) => [
    form,
    form.replace(/[^\p{L}\p{M}\p{N}]+/gu, ' ').trim(),
    form.replace(/[^\p{L}\p{M}\p{N}\s]+/gu, ''),
  ]);
  return [...new Set(forms)];
}

/**
 * Meilisearch wants, for each term, the terms it also finds. A group in the data file is mutual: each
 * spelling finds all the others ("BHXH" ⇄ "bảo hiểm xã hội"), typed with or without tones.
 */
export function synonymsFromGroups(groups: readonly (readonly string[])[]): Record<string, string[]> {
  const synonyms: Record<string, string[]> = {};
  for (const group of groups) {
    const terms = [...new Set(group.flatMap(spellings))];
    for (const term of terms) {
      const others = terms.filter((other) => other !== term);
      synonyms[term] = [...new Set([...(synonyms[term] ?? []), ...others])];
    }
  }
  return synonyms;
}

/** The built-in groups (data/synonyms.vi.json); editors add theirs in the admin (abbreviations.ts). */
export const SYNONYM_GROUPS = SynonymFileSchema.parse(synonymData).groups;
export const SYNONYMS = synonymsFromGroups(SYNONYM_GROUPS);

/** Folded, punctuation as spaces, padded: so a phrase is found only as whole words. */
const comparable = (text: string) =>
  ` ${fold(text)
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()} `;

/**
 * The other spellings of every synonym group a text mentions, to index beside it. Meilisearch applies a
 * multi-word synonym typed in a query only up to three words, so "bảo hiểm xã hội" (four) would never
 * find "sổ BHXH"; indexing "bảo hiểm xã hội" with the record that says "BHXH" (and the reverse) does.
 */
export function synonymAliases(text: string, groups: readonly (readonly string[])[] = SYNONYM_GROUPS): string[] {
  const haystack = comparable(text);
  const aliases = new Set<string>();
  for (const [group, needles] of comparableGroups(groups)) {
    if (needles.some((needle) => haystack.includes(needle))) for (const term of group) aliases.add(term);
  }
  return [...aliases];
}

/** Each group with its terms in comparable form, worked out once per list of groups (not once per record). */
const comparableCache = new WeakMap<object, Array<[readonly string[], string[]]>>();
function comparableGroups(groups: readonly (readonly string[])[]): Array<[readonly string[], string[]]> {
  let cached = comparableCache.get(groups);
  if (!cached) {
    cached = groups.map((group) => [group, group.map(comparable)]);
    comparableCache.set(groups, cached);
  }
  return cached;
}

/**
 * The aliases of a record, split by where the term was found. `aliases` (a short searchable field) holds the
 * other spellings of terms in the title, name, number or abstract; the other spellings of terms only the long
 * text mentions go with the long text (`bodyAliases`, appended to it): a law that mentions "giấy phép lái xe"
 * somewhere in 60k words must not match "GPLX" as if it were its title.
 */
export function fieldAliases(
  short: string,
  body: string,
  groups: readonly (readonly string[])[] = SYNONYM_GROUPS,
): { aliases: string[]; bodyAliases: string[] } {
  const aliases = synonymAliases(short, groups);
  const bodyAliases = synonymAliases(body, groups).filter((alias) => !aliases.includes(alias));
  return { aliases, bodyAliases };
}

/** The long text with the other spellings of the terms it mentions, for the body query. */
export const withBodyAliases = (text: string, bodyAliases: readonly string[]) =>
  bodyAliases.length ? `${text}\n${bodyAliases.join(' · ')}` : text;

/**
 * A long text as an index with `proximityPrecision: 'byAttribute'` searches it: each word once, in the order
 * of its first use. That index ranks by which words a field holds and where the first one is, never by how
 * far apart they are, so a law's 60k words rank as its few thousand distinct ones do. Meilisearch indexes
 * only the first 65,535 positions of a field (a sentence end counts 8): a long law's last articles were never
 * found. And its record shrinks ~20 times (the bench index 3.0 → 0.68 GB, its laws indexed twice as fast).
 * A "word" here runs from space to space, trimmed of the punctuation around it, so a cited number
 * ("15/2024/QĐ-UBND", "1.000948") stays one piece as Meilisearch reads it. What is lost: a phrase across
 * spaces in the body (a quoted phrase, a multi-word synonym typed as its short form); the built-in synonym
 * groups are kept by `withBodyAliases`, which appends their spellings whole.
 */
const WORD_PIECE = /[\p{L}\p{N}](?:\S*[\p{L}\p{N}])?/gu;
export function distinctWords(text: string): string {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const [word] of text.matchAll(WORD_PIECE)) {
    const key = word.toLowerCase();
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(word);
  }
  return out.join(' ');
}

/**
 * Searchable fields every index ends with. "kind" is searchable so "thủ tục …" matches every procedure and
 * "văn bản …" every document.
 */
export const SHARED_SEARCHABLE = ['kind', 'aliases'] as const;

/**
 * The searchable fields of an index in order: the toned fields first, then the index's own fields (short
 * before long), then the shared ones. Ordinary queries never search the toned fields (attributesToSearchOn),
 * the tone-exact queries search only them; but Meilisearch scores a match's field by its rank in the index's
 * whole list, so toned fields placed last scored by how long each index's list is, and an index with more
 * fields lost the comparison across indexes (a procedure whose name is the query, tone for tone, ranked below
 * laws whose abstract cites it: portal relevance, "đăng ký khai sinh"). First, they score alike everywhere.
 */
export const searchableOrder = (own: readonly string[]): string[] => [
  ...TONED_ATTRIBUTES,
  ...own,
  ...SHARED_SEARCHABLE,
];

/**
 * The Meilisearch index that the short content types share (articles, procedures, pages, questions,
 * consultations; see stores.ts for why the legal documents keep theirs).
 */
export const CONTENT_STORE = 'content';

/** What an index adds to the shared settings: its own searchable and displayed attributes. */
export function indexSettings(own: {
  searchableAttributes: string[];
  displayedAttributes: string[];
  proximityPrecision?: Settings['proximityPrecision'];
}): Settings {
  return {
    ...(own.proximityPrecision ? { proximityPrecision: own.proximityPrecision } : {}),
    searchableAttributes: searchableOrder(own.searchableAttributes),
    displayedAttributes: own.displayedAttributes,
    filterableAttributes: ['type', 'locale', 'dateTs', ...FACETS],
    sortableAttributes: ['dateTs'],
    // "sort" first: sorting by date (when asked) orders all results, not only ties of relevance.
    rankingRules: ['sort', 'words', 'typo', 'proximity', 'attribute', 'exactness'],
    // The built-in groups are not Meilisearch synonyms: every record carries the other spellings of the terms
    // it holds (`aliases`, and the body's with the body), which finds the same records. Meilisearch goes
    // through its whole synonym list for every sub-query: the 182 keys of the built-in list cost ~1.3 ms per
    // sub-query (a search sends 12-24), the same as the rest of the search. Only the editors' abbreviations,
    // which no record carries, are Meilisearch synonyms (abbreviations.ts).
    synonyms: {},
    typoTolerance: {
      // Vietnamese syllables are short: the default (5 letters) would allow no typo in most words.
      minWordSizeForTypos: { oneTypo: 4, twoTypos: 8 },
      // 2543 must not find 2544; a tone-exact match must be exact.
      disableOnNumbers: true,
      disableOnAttributes: [...TONED_ATTRIBUTES, 'numberForms', 'codeForms'],
    },
    faceting: { maxValuesPerFacet: 100, sortFacetValuesBy: { '*': 'count' } },
    pagination: { maxTotalHits: 1000 },
  };
}
