/**
 * GET /tim-kiem/ket-qua/?q=…&pham-vi=…&trang=…: the search results page for browsers without JavaScript,
 * answered by the site's own server. It validates the parameters (400 with a Vietnamese message), searches
 * Meilisearch server-side with the search-only key (published records only, the same fields the browser
 * sees), and fills the slot of the frame the site build emitted (site/src/pages/tim-kiem/ket-qua/), so the
 * page has the site's header, footer and styles. A search engine that is down gives 503, never 500.
 */
import { readFile } from 'node:fs/promises';
import type http from 'node:http';
import path from 'node:path';
import { STORES, indexViews, vocabularyUid } from '@portal/search';
import { searchPortal, type SearchClientConfig } from '@portal/search/client';
import { suggestQuery } from '@portal/search/suggest';
import { pageFileCandidates } from '@portal/site/page-files';
import {
  fillFrame,
  parseResultsParams,
  renderResults,
  RESULTS_PER_PAGE,
  SCOPE_TYPES,
  type ResultsOutcome,
} from '@portal/site/search-results-page';

/** The route, as the site's forms submit to it (site/src/lib/routes.ts owns the path). */
export const SEARCH_RESULTS_PATH = '/tim-kiem/ket-qua/';
/** Meilisearch answers in milliseconds; a page should not hang on a stuck engine. */
const SEARCH_TIMEOUT_MS = 5_000;

export type RouteHandler = (
  request: http.IncomingMessage,
  response: http.ServerResponse,
  search: string,
) => Promise<void>;

/** The frame the build emitted, in the page layout of site/src/lib/page-files.ts (or the older one: a rollback). */
async function readFrame(siteDir: string): Promise<string> {
  const candidates = pageFileCandidates(SEARCH_RESULTS_PATH);
  for (const [index, candidate] of candidates.entries()) {
    try {
      return await readFile(path.join(siteDir, candidate), 'utf8');
    } catch (error) {
      if (index === candidates.length - 1) throw error;
    }
  }
  throw new Error(`no page file for ${SEARCH_RESULTS_PATH}`);
}

export function searchResultsHandler(options: { siteDir: string; search: SearchClientConfig }): RouteHandler {
  return async (request, response, search) => {
    const frame = await readFrame(options.siteDir);
    const parsed = parseResultsParams(new URLSearchParams(search));
    let outcome: ResultsOutcome;
    let status = 200;
    if (!parsed.ok) {
      status = 400;
      outcome = { kind: 'bad-request', message: parsed.message };
    } else if (!parsed.value.query) {
      outcome = { kind: 'empty-query', request: parsed.value };
    } else {
      const { query, scope, page } = parsed.value;
      // "Did you mean" beside the results, asked at the same time; without it the page still answers.
      const suggestion = suggestQuery(options.search, query, { signal: AbortSignal.timeout(SEARCH_TIMEOUT_MS) }).catch(
        (error: unknown) => {
          console.error(`[search-results] suggestion: ${(error as Error).message}`);
          return undefined;
        },
      );
      try {
        const result = await searchPortal(options.search, query, {
          locale: 'vi',
          limit: RESULTS_PER_PAGE,
          offset: (page - 1) * RESULTS_PER_PAGE,
          ...(scope ? { filters: { type: [SCOPE_TYPES[scope]] } } : {}),
          signal: AbortSignal.timeout(SEARCH_TIMEOUT_MS),
        });
        outcome = { kind: 'results', request: parsed.value, page: result, suggestion: await suggestion };
      } catch (error) {
        console.error(`[search-results] ${(error as Error).message}`);
        status = 503;
        outcome = { kind: 'unavailable', request: parsed.value };
      }
    }
    const query = outcome.kind === 'bad-request' ? '' : outcome.request.query;
    const body = Buffer.from(fillFrame(frame, renderResults(outcome), query));
    response.writeHead(status, {
      'Content-Type': 'text/html; charset=utf-8',
      'Content-Length': body.length,
      // The answer depends on the query and the index: never stored, and not indexed by search engines.
      'Cache-Control': 'no-store',
      'X-Robots-Tag': 'noindex',
      ...(status === 503 ? { 'Retry-After': '60' } : {}),
    });
    response.end(request.method === 'HEAD' ? undefined : body);
  };
}

/**
 * The routes the site's server answers with code, for serveStatic's `routes`: Meilisearch as this server
 * reaches it (not the public URL), the search-only key and the deployment's index prefix.
 */
export function siteRoutes(options: {
  siteDir: string;
  meiliUrl: string;
  searchKey: string;
  indexPrefix: string;
}): Record<string, RouteHandler> {
  const search: SearchClientConfig = {
    host: options.meiliUrl.replace(/\/+$/, ''),
    apiKey: options.searchKey,
    indexes: indexViews(STORES, options.indexPrefix),
    vocabulary: vocabularyUid(options.indexPrefix),
  };
  return { [SEARCH_RESULTS_PATH]: searchResultsHandler({ siteDir: options.siteDir, search }) };
}
