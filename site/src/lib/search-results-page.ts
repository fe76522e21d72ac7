/**
 * The search results page without JavaScript (/tim-kiem/ket-qua/?q=…&pham-vi=…&trang=…): the site build
 * emits the page's frame (header, footer, styles) with a slot, and the server that answers the route
 * (scripts/src/search-results.ts) validates the parameters here, searches, and fills the slot with the
 * markup built here. Pure: no I/O, every piece of text escaped.
 */
import { z } from 'zod';
import { highlightToHtml, type SearchPage } from '@portal/search/client';
import { KIND_LABELS } from '@portal/search';
import { routes, SEARCH_RESULTS_PARAMS, SEARCH_SCOPES, type SearchScope } from './routes.ts';
import { hitView } from './search-hit.ts';
import { FINDERS } from './search-facets.ts';
import { DID_YOU_MEAN, offerSuggestion, SEARCH_ERROR_MESSAGE, searchStatus } from './search-status.ts';

export const RESULTS_PER_PAGE = 20;
/** Meilisearch returns at most 1,000 hits of one search (pagination.maxTotalHits). */
export const MAX_RESULTS_PAGE = 50;
export const MAX_QUERY_LENGTH = 200;
/** The page number parameter (trang, as in the lists' /trang/2/). */
export const PAGE_PARAM = 'trang';

/** The slot in the built frame that the server replaces; the frame shows the empty form without it. */
export const RESULTS_SLOT_START = '<!--ket-qua-tim-kiem-->';
export const RESULTS_SLOT_END = '<!--/ket-qua-tim-kiem-->';

/** Index type word of each scope (the search workspace owns the type words and their labels). */
export const SCOPE_TYPES: Record<SearchScope, keyof typeof KIND_LABELS> = {
  news: 'article',
  documents: 'legal-document',
  procedures: 'procedure',
  pages: 'page',
  questions: 'question',
  consultations: 'consultation',
};
const SCOPE_BY_PARAM = new Map(
  (Object.entries(SEARCH_SCOPES) as Array<[SearchScope, string]>).map(([scope, word]) => [word, scope]),
);

export interface ResultsRequest {
  query: string;
  scope: SearchScope | undefined;
  page: number;
}

/** Control characters other than tab and line breaks: never typed by a person. */
const isControl = (char: string) => {
  const code = char.codePointAt(0) ?? 0;
  return (code < 0x20 && char !== '\t' && char !== '\n' && char !== '\r') || code === 0x7f;
};

const single = (name: string) =>
  z
    .array(z.string())
    .max(1, `Tham số “${name}” chỉ được có một giá trị.`)
    .transform((values) => values[0]);

const ParamsSchema = z.object({
  q: single('q').pipe(
    z
      .string()
      .max(MAX_QUERY_LENGTH, `Từ khóa quá dài: tối đa ${MAX_QUERY_LENGTH} ký tự.`)
      .refine((text) => ![...text].some(isControl), 'Từ khóa có ký tự không hợp lệ.')
      .optional(),
  ),
  scope: single(SEARCH_RESULTS_PARAMS.scope).pipe(
    z
      .string()
      .refine(
        (word) => word === '' || SCOPE_BY_PARAM.has(word),
        `Phạm vi tìm kiếm không hợp lệ: chọn một trong ${[...SCOPE_BY_PARAM.keys()].join(', ')}.`,
      )
      .optional(),
  ),
  page: single(PAGE_PARAM).pipe(
    z
      .string()
      .regex(/^\d{1,3}$/, 'Số trang không hợp lệ.')
      .transform(Number)
      .refine((n) => n >= 1 && n <= MAX_RESULTS_PAGE, `Số trang phải từ 1 đến ${MAX_RESULTS_PAGE}.`)
      .optional(),
  ),
});

/** The request's parameters, or the Vietnamese message to answer 400 with. Unknown parameters are ignored. */
export function parseResultsParams(
  params: URLSearchParams,
): { ok: true; value: ResultsRequest } | { ok: false; message: string } {
  const parsed = ParamsSchema.safeParse({
    q: params.getAll(SEARCH_RESULTS_PARAMS.query),
    scope: params.getAll(SEARCH_RESULTS_PARAMS.scope),
    page: params.getAll(PAGE_PARAM),
  });
  if (!parsed.success) return { ok: false, message: parsed.error.issues[0]?.message ?? 'Tham số không hợp lệ.' };
  const { q, scope, page } = parsed.data;
  return {
    ok: true,
    value: {
      query: (q ?? '').normalize('NFC').replace(/\s+/g, ' ').trim(),
      scope: scope ? SCOPE_BY_PARAM.get(scope) : undefined,
      page: page ?? 1,
    },
  };
}

/** Escapes text for HTML element content and double-quoted attribute values. */
export function escapeHtml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

function pageLink(request: ResultsRequest, page: number): string {
  const url = routes.searchResults(request.query, request.scope);
  return page > 1 ? `${url}${url.includes('?') ? '&' : '?'}${PAGE_PARAM}=${page}` : url;
}

function form(request: Partial<ResultsRequest>): string {
  const option = (value: string, label: string, selected: boolean) =>
    `<option value="${escapeHtml(value)}"${selected ? ' selected' : ''}>${escapeHtml(label)}</option>`;
  const scopes = (Object.keys(SEARCH_SCOPES) as SearchScope[])
    .map((scope) => option(SEARCH_SCOPES[scope], KIND_LABELS[SCOPE_TYPES[scope]], request.scope === scope))
    .join('');
  return [
    `<form class="results-form" role="search" aria-label="Tìm kiếm trên cổng" method="get" action="${routes.searchResults()}">`,
    '<div class="results-field"><label for="kq-tu-khoa">Từ khóa tìm kiếm</label>',
    `<input id="kq-tu-khoa" name="${SEARCH_RESULTS_PARAMS.query}" type="search" value="${escapeHtml(request.query ?? '')}" maxlength="${MAX_QUERY_LENGTH}" autocomplete="off" spellcheck="false" enterkeyhint="search"></div>`,
    `<div class="results-field"><label for="kq-pham-vi">Tìm trong</label>`,
    `<select id="kq-pham-vi" name="${SEARCH_RESULTS_PARAMS.scope}">${option('', 'Tất cả nội dung', !request.scope)}${scopes}</select></div>`,
    '<button type="submit">Tìm</button>',
    '</form>',
  ].join('');
}

function finders(): string {
  return `<ul>${FINDERS.map(([label, href]) => `<li><a href="${escapeHtml(href)}">${escapeHtml(label)}</a></li>`).join('')}</ul>`;
}

export type ResultsOutcome =
  | { kind: 'results'; request: ResultsRequest; page: SearchPage; suggestion?: string | undefined }
  | { kind: 'empty-query'; request: ResultsRequest }
  | { kind: 'bad-request'; message: string }
  | { kind: 'unavailable'; request: ResultsRequest };

/** The markup that fills the slot: heading, the form with the query kept, status, results and paging. */
export function renderResults(outcome: ResultsOutcome): string {
  const heading = '<h1 class="page-title">Kết quả tìm kiếm</h1>';
  if (outcome.kind === 'bad-request')
    return `${heading}${form({})}<div class="results-status" role="alert"><p>${escapeHtml(outcome.message)}</p></div>`;
  const { request } = outcome;
  if (outcome.kind === 'empty-query')
    return `${heading}${form(request)}<p class="results-status">Nhập từ khóa để tìm tin tức, văn bản và thủ tục hành chính, hoặc tra cứu theo danh mục:</p>${finders()}`;
  if (outcome.kind === 'unavailable')
    return `${heading}${form(request)}<div class="results-status" role="alert"><p>${escapeHtml(SEARCH_ERROR_MESSAGE)}</p>${finders()}</div>`;

  const { page } = outcome;
  const status = searchStatus(request.query, page.total);
  const scopeNote = request.scope ? ` trong mục ${KIND_LABELS[SCOPE_TYPES[request.scope]]}` : '';
  const message = status.message.replace(/\.$/, `${scopeNote}.`);
  const lastPage = Math.min(MAX_RESULTS_PAGE, Math.max(1, Math.ceil(page.total / RESULTS_PER_PAGE)));
  const items = page.hits
    .map((hit) => {
      let view;
      try {
        view = hitView(hit);
      } catch {
        return ''; // no usable slug or date: nothing to link to
      }
      const meta = view.meta.length ? `<p class="result-meta">${escapeHtml(view.meta.join(' · '))}</p>` : '';
      const snippet = view.snippet ? `<p>${highlightToHtml(view.snippet)}</p>` : '';
      return `<li><h2><a href="${escapeHtml(view.href)}" data-testid="search-result">${highlightToHtml(view.title)}</a></h2>${meta}${snippet}</li>`;
    })
    .join('');
  const parts = [heading, form(request)];
  parts.push(
    `<div class="results-status" role="status"><p>${escapeHtml(message)}${
      page.total > RESULTS_PER_PAGE ? ` Trang ${request.page}/${lastPage}.` : ''
    }</p>`,
  );
  if (offerSuggestion(request.query, outcome.suggestion)) {
    const href = routes.searchResults(outcome.suggestion, request.scope);
    parts.push(
      `<p class="did-you-mean">${escapeHtml(DID_YOU_MEAN)} <a href="${escapeHtml(href)}" data-testid="did-you-mean">${escapeHtml(outcome.suggestion)}</a></p>`,
    );
  }
  if (page.total === 0)
    parts.push(
      `<ul>${status.suggestions.map((line) => `<li>${escapeHtml(line)}</li>`).join('')}</ul>`,
      '<p>Hoặc tra cứu theo danh mục:</p>',
      finders(),
    );
  parts.push('</div>');
  if (items)
    parts.push(`<ol class="results plain-list" start="${(request.page - 1) * RESULTS_PER_PAGE + 1}">${items}</ol>`);
  if (lastPage > 1) {
    const links = [];
    if (request.page > 1)
      links.push(`<a href="${escapeHtml(pageLink(request, request.page - 1))}" rel="prev">Trang trước</a>`);
    if (request.page < lastPage)
      links.push(`<a href="${escapeHtml(pageLink(request, request.page + 1))}" rel="next">Trang sau</a>`);
    parts.push(`<nav class="results-pages" aria-label="Phân trang kết quả">${links.join(' ')}</nav>`);
  }
  parts.push(
    `<p class="results-more">Lọc theo loại, năm, cơ quan: <a href="${escapeHtml(routes.search(request.query))}">trang tìm kiếm đầy đủ</a> (cần JavaScript).</p>`,
  );
  return parts.join('');
}

/** The built frame with its slot filled and the query in the page title. */
export function fillFrame(frame: string, body: string, query = ''): string {
  const start = frame.indexOf(RESULTS_SLOT_START);
  const end = frame.indexOf(RESULTS_SLOT_END);
  if (start < 0 || end < start) throw new Error('The results page frame has no slot');
  const filled = `${frame.slice(0, start)}${body}${frame.slice(end + RESULTS_SLOT_END.length)}`;
  return query
    ? filled.replace(
        /<title>([^<]*)<\/title>/,
        (_m, title: string) => `<title>${escapeHtml(`“${query}”`)} – ${title}</title>`,
      )
    : filled;
}
