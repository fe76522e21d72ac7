/**
 * The search client the public site ships to browsers: plain fetch, no dependencies. It talks to
 * Meilisearch with the search-only key, in one federated multi-search over every public index:
 *   - the query as typed (normalised) on the ordinary fields: Meilisearch folds tones, so "duong" finds
 *     "đường", and applies the synonym list (BHXH ⇄ bảo hiểm xã hội);
 *   - when the query has diacritics, the same words tone-encoded on the "toned" fields, all words
 *     required, with a higher weight: records with the same tones rank above those that only match
 *     once tones are removed ("đường" before "dương");
 *   - when the query holds Telex leftovers ("thur tucj"), its decoded reading, ahead of the query as typed.
 */
import { prepareQuery } from './text/query.ts';
import { words } from './text/vietnamese.ts';

/** One public index as the browser queries it (built from the index definitions at site build). */
export interface IndexView {
  uid: string;
  /** Short searchable fields: titles, numbers, codes, abstracts (no toned, no long field). */
  searchOn: string[];
  /** Long searchable fields (full texts), searched by a lower-weight query of their own. */
  bodyOn: string[];
  /** Whether the index has the tone-preserving fields. */
  toned: boolean;
  filterable: string[];
  sortable: string[];
}

export interface SearchClientConfig {
  /** Meilisearch URL as the browser reaches it. */
  host: string;
  /** Search-only key (never the master or an admin key). */
  apiKey: string;
  indexes: IndexView[];
  /** The vocabulary index for "did you mean" (suggest.ts); none: no suggestions. */
  vocabulary?: string;
}

export type SearchFilters = Partial<Record<string, string[]>>;

export interface SearchOptions {
  filters?: SearchFilters;
  /** Only records in this locale (the Vietnamese search page must not list the English pages). */
  locale?: string;
  /** Facet attributes to count. */
  facets?: readonly string[];
  sort?: 'relevance' | 'newest';
  /** Off only to measure what the tone-exact query adds. */
  toneExact?: boolean;
  limit?: number;
  offset?: number;
  signal?: AbortSignal;
}

/** A result: stored fields, plus `formatted` with matched words between MARK_START and MARK_END. */
export interface SearchHit {
  id: string;
  type: string;
  slug: string;
  fields: Record<string, unknown>;
  formatted: Record<string, string>;
}

export interface SearchPage {
  hits: SearchHit[];
  total: number;
  facets: Record<string, Record<string, number>>;
  processingTimeMs: number;
}

/** Highlight markers: control characters cannot occur in stored text, so escaping stays simple. */
export const MARK_START = '\u0002';
export const MARK_END = '\u0003';

/**
 * Weights of the federated queries, measured by search/tests/relevance.test.ts (demo content, tone order)
 * and search/tests/portal-relevance.test.ts (portal-like corpus with long texts, tuning half).
 * Short fields and long full texts are separate queries: a ranking score is at most 1, so a body match
 * (weight `body`) scores below any good match on a title, number or abstract, and a law that holds
 * every everyday word somewhere cannot outrank the procedure whose name is the query. The tone-exact
 * query on the short fields weighs 10: any tone-exact title hit ranks above every tone-less one; on the
 * long field 2, so a body with the typed tones still ranks above a title that matches only without tones
 * ("dược phẩm" before "được … thực phẩm", measured: at 0.9 the tone order held for 3 of 8 pairs). A query with Telex leftovers
 * is mostly non-words as typed, so its decoded reading leads. A document number or code inside a longer
 * query ("quyết định số 2543/QĐ-UBND") is also searched alone, all parts required, at 3: the record it
 * names comes first, before records that cite it or share the query's other words.
 */
export const WEIGHTS = {
  typed: 1,
  body: 0.3,
  toneExact: 10,
  toneExactBody: 2,
  identifier: 3,
  telex: 1,
  typedBesideTelex: 0.5,
};

const RETRIEVE = [
  ...['id', 'type', 'kind', 'slug', 'title', 'lead', 'summary', 'category', 'postedAt'],
  ...['documentNumber', 'documentType', 'abstract', 'agency', 'issueDate', 'status'],
  ...['code', 'name', 'level', 'serviceLevel'],
];
/** Short fields only: highlighting or cropping a 60k-word text cost most of a search's time. */
const HIGHLIGHT = ['title', 'lead', 'summary', 'documentNumber', 'abstract', 'name', 'code'];
/** The toned fields (indexes/shared-settings.ts TONED_ATTRIBUTES; not imported, to keep the bundle small). */
const TONED_TITLE = 'tonedTitle';
const TONED_BODY = 'tonedText';

function quote(value: string): string {
  return `"${value.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
}

/** Facet filters as Meilisearch wants them: OR within a facet, AND across facets. */
function filterFor(filters: SearchFilters): string[][] {
  return Object.entries(filters)
    .filter((entry): entry is [string, string[]] => Boolean(entry[1]?.length))
    .map(([facet, values]) => values.map((value) => `${facet} = ${quote(value)}`));
}

/**
 * The query with every word quoted, so Meilisearch matches each word exactly: no typo derivations, no
 * prefix on the last word, no synonyms or split/joined words. For the long-text query: deriving typos and
 * prefixes for each word over an index of 5,000 laws was most of a search's time, and it gains nothing
 * from them (the short-field query tolerates typos and prefixes, a long text carries its abbreviations'
 * other spellings). A query the citizen quoted keeps its phrases as typed.
 */
export function exactWords(text: string): string {
  if (text.includes('"')) return text;
  return words(text)
    .map((word) => `"${word}"`)
    .join(' ');
}

/** Marks whole words of `text` that equal (ignoring case) one of `wanted`: tone-exact hits. */
export function markWords(text: string, wanted: readonly string[]): string {
  if (!wanted.length) return text;
  const set = new Set(wanted.map((word) => word.toLowerCase()));
  return text.replace(/[\p{L}\p{M}\p{N}]+/gu, (word) =>
    set.has(word.toLowerCase()) ? `${MARK_START}${word}${MARK_END}` : word,
  );
}

/** The federated multi-search body the page sends, and which of its queries are tone-exact. */
export interface FederatedRequest {
  body: { federation: Record<string, unknown>; queries: Array<{ indexUid: string } & Record<string, unknown>> };
  toneQueries: Set<number>;
  /** The query's words, to mark in tone-exact hits. */
  tonedWords: string[];
}

/** Builds the request searchPortal sends (exported for the latency benchmark's per-query profile). */
export function federatedRequest(
  config: SearchClientConfig,
  query: string,
  options: SearchOptions = {},
): FederatedRequest {
  const prepared = prepareQuery(query);
  const filters = options.filters ?? {};
  const wantedFacets = options.facets ?? [];
  const usedFacets = Object.keys(filters).filter((facet) => filters[facet]?.length);
  const filter = [...filterFor(filters), ...(options.locale ? [[`locale = ${quote(options.locale)}`]] : [])];
  const sort = options.sort === 'newest' ? ['dateTs:desc'] : undefined;
  // A short query with a number in it is a document number or code: every part must match, or "1.000948"
  // would fall back to every record holding a 1. Otherwise words are dropped from the end when too few
  // records have them all ("last"): "frequency" made the rarest word mandatory, so one misspelt or
  // unknown word removed the record that matched every other word.
  const matchingStrategy = /\d/.test(prepared.text) && prepared.text.split(' ').length <= 4 ? 'all' : 'frequency';
  const common = {
    attributesToRetrieve: RETRIEVE,
    attributesToHighlight: HIGHLIGHT,
    highlightPreTag: MARK_START,
    highlightPostTag: MARK_END,
    ...(filter.length ? { filter } : {}),
    ...(sort ? { sort } : {}),
  };

  const build = () => {
    const queries: Array<{ indexUid: string } & Record<string, unknown>> = [];
    const toneQueries = new Set<number>();
    const facetsByIndex: Record<string, string[]> = {};
    for (const view of config.indexes) {
      // An index that cannot apply a chosen filter has nothing that passes it.
      if (usedFacets.some((facet) => !view.filterable.includes(facet))) continue;
      if (sort && !view.sortable.includes('dateTs')) continue;
      facetsByIndex[view.uid] = wantedFacets.filter((facet) => view.filterable.includes(facet));
      const base = { indexUid: view.uid, ...common, matchingStrategy };
      const add = (q: string, on: string[], weight: number, extra: Record<string, unknown> = {}) => {
        if (on.length) queries.push({ ...base, q, attributesToSearchOn: on, ...extra, federationOptions: { weight } });
      };
      const typedWeight = prepared.telex ? WEIGHTS.typedBesideTelex : WEIGHTS.typed;
      add(prepared.text, view.searchOn, typedWeight);
      // The body query needs every word: it only adds records whose full text holds the whole query (the
      // short-field query above degrades word by word); dropping words over 5,000 laws that each hold every
      // everyday word would rank thousands of them for nothing. Relevance unchanged (portal-relevance test);
      // at 100k records the whole search's time is the same within noise (bench p95 31 → 30 ms).
      // Its words exact (exactWords): typo and prefix derivations over the long texts were most of its time.
      add(exactWords(prepared.text), view.bodyOn, typedWeight * WEIGHTS.body, { matchingStrategy: 'all' });
      if (prepared.toned && view.toned && options.toneExact !== false) {
        // Not quoted: the encoded words already match only themselves, and quoted they lost the tone order
        // of the demo relevance test (tone-exact pairs 8/8 → 5/8).
        const exact = { matchingStrategy: 'all' };
        toneQueries.add(queries.length);
        add(prepared.toned, [TONED_TITLE], WEIGHTS.toneExact, exact);
        toneQueries.add(queries.length);
        add(prepared.toned, [TONED_BODY], WEIGHTS.toneExactBody, exact);
      }
      if (prepared.identifier) add(prepared.identifier, view.searchOn, WEIGHTS.identifier, { matchingStrategy: 'all' });
      if (prepared.telex) {
        add(prepared.telex, view.searchOn, WEIGHTS.telex);
        add(exactWords(prepared.telex), view.bodyOn, WEIGHTS.telex * WEIGHTS.body, { matchingStrategy: 'all' });
      }
    }
    return { queries, toneQueries, facetsByIndex };
  };

  const built = build();
  return {
    body: {
      federation: {
        limit: options.limit ?? 20,
        offset: options.offset ?? 0,
        ...(wantedFacets.length ? { facetsByIndex: built.facetsByIndex, mergeFacets: {} } : {}),
      },
      queries: built.queries,
    },
    toneQueries: built.toneQueries,
    tonedWords: words(prepared.text),
  };
}

export async function searchPortal(
  config: SearchClientConfig,
  query: string,
  options: SearchOptions = {},
): Promise<SearchPage> {
  // One request, never a retry: every index knows its searchable fields even before its first
  // document (fields.ts registers them when the index is built), so Meilisearch does not refuse
  // `attributesToSearchOn` on an index with nothing published yet.
  const { body: request, toneQueries, tonedWords } = federatedRequest(config, query, options);
  if (!request.queries.length) return { hits: [], total: 0, facets: {}, processingTimeMs: 0 };
  const response = await fetch(`${config.host}/multi-search`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${config.apiKey}` },
    body: JSON.stringify(request),
    signal: options.signal ?? null,
  });
  if (!response.ok) {
    const text = await response.text();
    throw new Error(`Search failed with HTTP ${response.status}: ${text.slice(0, 300)}`);
  }
  const body = (await response.json()) as {
    hits: Array<
      Record<string, unknown> & { _formatted?: Record<string, unknown>; _federation?: { queriesPosition?: number } }
    >;
    estimatedTotalHits?: number;
    facetDistribution?: Record<string, Record<string, number>>;
    processingTimeMs: number;
  };
  // Words Meilisearch cannot mark for a tone-exact hit (it matched the encoded fields): mark them here.
  return {
    hits: body.hits.map(({ _formatted, _federation, ...fields }) => {
      const tone = toneQueries.has(_federation?.queriesPosition ?? -1);
      const formatted: Record<string, string> = {};
      for (const [key, value] of Object.entries(_formatted ?? {})) {
        if (typeof value === 'string') formatted[key] = tone ? markWords(value, tonedWords) : value;
      }
      return {
        id: String(fields['id']),
        type: String(fields['type']),
        slug: String(fields['slug']),
        fields,
        formatted,
      };
    }),
    total: body.estimatedTotalHits ?? body.hits.length,
    facets: body.facetDistribution ?? {},
    processingTimeMs: body.processingTimeMs,
  };
}

/** Escapes text for HTML and turns the highlight markers into <mark> elements. */
export function highlightToHtml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(new RegExp(MARK_START, 'g'), '<mark>')
    .replace(new RegExp(MARK_END, 'g'), '</mark>');
}
