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
import { fold, words } from './text/vietnamese.ts';

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
/**
 * Short fields only: highlighting or cropping a 60k-word text cost most of a search's time. Meilisearch
 * highlights them only for hits of the short-field queries; hits of the body and tone-exact queries are
 * marked here (`markedFields`): a tone-exact query's encoded words never match the plain fields, so its
 * highlighting was work for nothing, and a body query's highlighter compares every word of its hits with
 * every derivation of the query words over the laws' vocabulary (100k records, the laws' body sub-query
 * alone, warm: p50 13 / p95 28 ms with highlighting, 12 / 17 ms without; the rest of its time is reading
 * its hits, see search/README.md).
 */
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
  return markMatching(text, wanted, (word) => word.toLowerCase());
}

/**
 * Marks whole words of `text` that equal one of `wanted` once both are folded (no tones, đ → d, any case):
 * what Meilisearch would have marked for a hit of the body query, less its typo and prefix derivations.
 */
export function markFolded(text: string, wanted: readonly string[]): string {
  return markMatching(text, wanted, fold);
}

function markMatching(text: string, wanted: readonly string[], key: (word: string) => string): string {
  if (!wanted.length) return text;
  const set = new Set(wanted.map(key));
  return text.replace(/[\p{L}\p{M}\p{N}]+/gu, (word) =>
    set.has(key(word)) ? `${MARK_START}${word}${MARK_END}` : word,
  );
}

/** How the client marks the short fields of a hit that Meilisearch did not highlight. */
type Marking = 'tone' | 'folded';

/** The short fields of a hit with the query's words marked: for hits of queries sent without highlighting. */
export function markedFields(
  fields: Record<string, unknown>,
  wanted: readonly string[],
  marking: Marking,
): Record<string, string> {
  const formatted: Record<string, string> = {};
  for (const key of HIGHLIGHT) {
    const value = fields[key];
    if (typeof value === 'string')
      formatted[key] = marking === 'tone' ? markWords(value, wanted) : markFolded(value, wanted);
  }
  return formatted;
}

/** The federated multi-search body the page sends, and how to mark the hits of its unhighlighted queries. */
export interface FederatedRequest {
  body: { federation: Record<string, unknown>; queries: Array<{ indexUid: string } & Record<string, unknown>> };
  /** Queries sent without highlighting (body and tone-exact), by position: how the client marks their hits. */
  clientMarked: Map<number, Marking>;
  /** The query's words (and its Telex reading's), to mark in those hits. */
  queryWords: string[];
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
  // would fall back to every record holding a 1. Otherwise "frequency" (when too few records hold every word,
  // Meilisearch leaves words out, the most common first): a word no record holds (an abbreviation outside the
  // list, a garbled word) does not remove the records that match the rest (portal-relevance test: 129 of 130
  // still in the top 5 with one such word added; 12 with "all"). "last" (dropping words from the end) lost
  // the abbreviation queries whose first word is unknown; colloquial fillers, which "frequency" could make
  // mandatory, are taken off the query first (text/fillers.ts).
  const matchingStrategy = /\d/.test(prepared.text) && prepared.text.split(' ').length <= 4 ? 'all' : 'frequency';
  const common = {
    attributesToRetrieve: RETRIEVE,
    ...(filter.length ? { filter } : {}),
    ...(sort ? { sort } : {}),
  };
  // Only the short-field queries are highlighted by Meilisearch (see HIGHLIGHT).
  const highlight = { attributesToHighlight: HIGHLIGHT, highlightPreTag: MARK_START, highlightPostTag: MARK_END };

  const build = () => {
    const queries: Array<{ indexUid: string } & Record<string, unknown>> = [];
    const clientMarked = new Map<number, Marking>();
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
      const addShort = (q: string, weight: number, extra: Record<string, unknown> = {}) =>
        add(q, view.searchOn, weight, { ...highlight, ...extra });
      const addMarked = (marking: Marking, q: string, on: string[], weight: number, extra: Record<string, unknown>) => {
        if (on.length) clientMarked.set(queries.length, marking);
        add(q, on, weight, extra);
      };
      const typedWeight = prepared.telex ? WEIGHTS.typedBesideTelex : WEIGHTS.typed;
      addShort(prepared.text, typedWeight);
      // The body query needs every word: it only adds records whose full text holds the whole query (the
      // short-field query above degrades word by word); dropping words over 5,000 laws that each hold every
      // everyday word would rank thousands of them for nothing. Relevance unchanged (portal-relevance test);
      // at 100k records the whole search's time is the same within noise (bench p95 31 → 30 ms).
      // Not quoted (exactWords), although typo and prefix derivations over long texts cost time: quoted, the
      // demo's "thu tuc hanh chinh" lost body matches (22 results → 20 or fewer; search.e2e pages through them).
      // The typo and prefix derivations find bodies the exact words do not; the Telex body query below stays quoted.
      addMarked('folded', prepared.text, view.bodyOn, typedWeight * WEIGHTS.body, { matchingStrategy: 'all' });
      if (prepared.toned && view.toned && options.toneExact !== false) {
        // Not quoted: the encoded words already match only themselves, and quoted they lost the tone order
        // of the demo relevance test (tone-exact pairs 8/8 → 5/8).
        const exact = { matchingStrategy: 'all' };
        addMarked('tone', prepared.toned, [TONED_TITLE], WEIGHTS.toneExact, exact);
        addMarked('tone', prepared.toned, [TONED_BODY], WEIGHTS.toneExactBody, exact);
      }
      if (prepared.identifier) addShort(prepared.identifier, WEIGHTS.identifier, { matchingStrategy: 'all' });
      if (prepared.telex) {
        addShort(prepared.telex, WEIGHTS.telex);
        const telexBody = exactWords(prepared.telex);
        addMarked('folded', telexBody, view.bodyOn, WEIGHTS.telex * WEIGHTS.body, { matchingStrategy: 'all' });
      }
    }
    return { queries, clientMarked, facetsByIndex };
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
    clientMarked: built.clientMarked,
    queryWords: [...words(prepared.text), ...(prepared.telex ? words(prepared.telex) : [])],
  };
}

/**
 * Headers of a request to Meilisearch with the search-only key, asking for an uncompressed answer:
 * Meilisearch sends a compressed one as a chunked stream whose last small chunk waits for the client's
 * delayed ACK (Nagle), ~40 ms on about half the answers (100k-record bench: client call p95 70 ms for a
 * Meilisearch p95 of 27 ms); uncompressed it is one write with its length. Node's fetch (the no-JS results
 * route, the bench) honours this; a browser ignores it (a forbidden header) and keeps its own encoding.
 */
export function searchHeaders(apiKey: string): Record<string, string> {
  return { 'Content-Type': 'application/json', Authorization: `Bearer ${apiKey}`, 'Accept-Encoding': 'identity' };
}

export async function searchPortal(
  config: SearchClientConfig,
  query: string,
  options: SearchOptions = {},
): Promise<SearchPage> {
  // One request, never a retry: every index knows its searchable fields even before its first
  // document (fields.ts registers them when the index is built), so Meilisearch does not refuse
  // `attributesToSearchOn` on an index with nothing published yet.
  const { body: request, clientMarked, queryWords } = federatedRequest(config, query, options);
  if (!request.queries.length) return { hits: [], total: 0, facets: {}, processingTimeMs: 0 };
  const response = await fetch(`${config.host}/multi-search`, {
    method: 'POST',
    headers: searchHeaders(config.apiKey),
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
  // A hit of a body or tone-exact query comes without highlighting: its short fields are marked here.
  return {
    hits: body.hits.map(({ _formatted, _federation, ...fields }) => {
      const marking = clientMarked.get(_federation?.queriesPosition ?? -1);
      const formatted: Record<string, string> = {};
      if (marking) Object.assign(formatted, markedFields(fields, queryWords, marking));
      else
        for (const [key, value] of Object.entries(_formatted ?? {})) {
          if (typeof value === 'string') formatted[key] = value;
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
