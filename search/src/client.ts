/**
 * The search client the public site ships to browsers: plain fetch, no dependencies, a few hundred
 * bytes once minified. It talks to Meilisearch with the search-only key.
 */

export interface SearchClientConfig {
  /** Meilisearch URL as the browser reaches it. */
  host: string;
  /** Search-only key (never the master or an admin key). */
  apiKey: string;
  /** Full index name, prefix included. */
  indexName: string;
}

export interface ArticleHit {
  id: string;
  slug: string;
  title: string;
  category: string | null;
  postedAt: string;
  /** Title, lead and a snippet of the text with the matched words between MARK_START and MARK_END. */
  formatted: { title: string; lead: string; text: string };
}

export interface SearchPage {
  hits: ArticleHit[];
  total: number;
  query: string;
  processingTimeMs: number;
}

/** Highlight markers: control characters cannot occur in stored text, so escaping stays simple. */
export const MARK_START = '\u0002';
export const MARK_END = '\u0003';

export async function searchArticles(
  config: SearchClientConfig,
  query: string,
  options: { limit?: number; offset?: number; signal?: AbortSignal } = {},
): Promise<SearchPage> {
  const response = await fetch(`${config.host}/indexes/${encodeURIComponent(config.indexName)}/search`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${config.apiKey}` },
    body: JSON.stringify({
      q: query,
      limit: options.limit ?? 20,
      offset: options.offset ?? 0,
      attributesToRetrieve: ['id', 'slug', 'title', 'category', 'postedAt'],
      attributesToHighlight: ['title', 'lead'],
      attributesToCrop: ['text:28'],
      highlightPreTag: MARK_START,
      highlightPostTag: MARK_END,
    }),
    signal: options.signal,
  });
  if (!response.ok) throw new Error(`Search failed with HTTP ${response.status}`);
  const body = (await response.json()) as {
    hits: Array<Omit<ArticleHit, 'formatted'> & { _formatted?: Partial<ArticleHit['formatted']> }>;
    estimatedTotalHits?: number;
    processingTimeMs: number;
    query: string;
  };
  return {
    hits: body.hits.map(({ _formatted, ...hit }) => ({
      ...hit,
      formatted: { title: _formatted?.title ?? hit.title, lead: _formatted?.lead ?? '', text: _formatted?.text ?? '' },
    })),
    total: body.estimatedTotalHits ?? body.hits.length,
    query: body.query,
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
