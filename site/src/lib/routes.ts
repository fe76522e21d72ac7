/**
 * The one place that decides the site's URLs. Pages, components and the search script build links
 * with these functions, and the page files' getStaticPaths derive their params from them, so a URL
 * change is made here and nowhere else. Every page URL ends with "/" (trailingSlash: 'always').
 */

const NEWS = '/tin-tuc/';
const SEARCH = '/tim-kiem/';
const DOCUMENTS = '/van-ban/';
const PROCEDURES = '/thu-tuc-hanh-chinh/';
const CALENDAR = '/lich-cong-tac/';
const AGENCIES = '/co-quan/';
const EN = '/en/';

// --- Documents and procedures finders (docs helper) ---
/** Facets of the documents finder: URL segment below /van-ban/ and query parameter of the filter form. */
export const DOCUMENT_FACETS = {
  type: 'loai',
  year: 'nam',
  agency: 'co-quan',
  field: 'linh-vuc',
  status: 'hieu-luc',
} as const;
export type DocumentFacet = keyof typeof DOCUMENT_FACETS;
/** Facets of the procedures finder (URL segment below /thu-tuc-hanh-chinh/). */
export const PROCEDURE_FACETS = {
  field: 'linh-vuc',
  agency: 'co-quan',
  level: 'cap',
  serviceLevel: 'muc-do',
} as const;
export type ProcedureFacet = keyof typeof PROCEDURE_FACETS;
/** Words a document or procedure slug may not be, because list URLs use them as path segments. */
export const RESERVED_SEGMENTS: ReadonlySet<string> = new Set([
  'trang',
  ...Object.values(DOCUMENT_FACETS),
  ...Object.values(PROCEDURE_FACETS),
]);
/** Query parameters of the documents filter form (GET), in the order the form shows them. */
export const DOCUMENT_QUERY_PARAMS = [...Object.values(DOCUMENT_FACETS), 'nguoi-ky', 'so'] as const;
export type DocumentQueryParam = (typeof DOCUMENT_QUERY_PARAMS)[number];

function listPage(base: string, page: number): string {
  assertPage(page);
  return page === 1 ? base : `${base}trang/${page}/`;
}

function facetBase(root: string, segment: string, value: string): string {
  assertSlug('facet value', value);
  return `${root}${segment}/${encodeURIComponent(value)}/`;
}

function assertEntrySlug(kind: string, slug: string): void {
  assertSlug(kind, slug);
  if (RESERVED_SEGMENTS.has(slug)) throw new RangeError(`A ${kind} slug cannot be the list word "${slug}"`);
}
// --- end documents and procedures ---

function assertSlug(kind: string, slug: string): void {
  if (!slug || slug.includes('/')) throw new RangeError(`Not a usable ${kind} slug: "${slug}"`);
}

function assertPage(page: number): void {
  if (!Number.isInteger(page) || page < 1)
    throw new RangeError(`A list page number is a whole number ≥ 1, got ${page}`);
}

export const routes = {
  home: (): string => '/',
  /** Page 1 of the news list is the list itself; later pages live under /tin-tuc/trang/<n>/. */
  newsList: (page = 1): string => {
    assertPage(page);
    return page === 1 ? NEWS : `${NEWS}trang/${page}/`;
  },
  article: (slug: string): string => {
    assertSlug('article', slug);
    return `${NEWS}${encodeURIComponent(slug)}/`;
  },
  /** The legal documents finder (văn bản). */
  documents: (): string => DOCUMENTS,
  document: (slug: string): string => {
    assertEntrySlug('document', slug);
    return `${DOCUMENTS}${encodeURIComponent(slug)}/`;
  },
  /** The administrative procedures finder (thủ tục hành chính). */
  procedures: (): string => PROCEDURES,
  procedure: (slug: string): string => {
    assertEntrySlug('procedure', slug);
    return `${PROCEDURES}${encodeURIComponent(slug)}/`;
  },
  // --- Documents and procedures finders (docs helper) ---
  /** All documents, newest issue date first: /van-ban/, /van-ban/trang/2/. */
  documentsList: (page = 1): string => listPage(DOCUMENTS, page),
  /** Documents with one facet value, pre-rendered: /van-ban/loai/quyet-dinh/, /van-ban/nam/2026/trang/2/. */
  documentFacet: (facet: DocumentFacet, value: string, page = 1): string =>
    listPage(facetBase(DOCUMENTS, DOCUMENT_FACETS[facet], value), page),
  /** The finder with filters combined (the GET form's URL; filtered in the browser). Empty values dropped. */
  documentsQuery: (filters: Partial<Record<DocumentQueryParam, string>>): string => {
    const query = new URLSearchParams();
    for (const name of DOCUMENT_QUERY_PARAMS) {
      const value = filters[name]?.trim();
      if (value) query.set(name, value);
    }
    const text = query.toString();
    return text ? `${DOCUMENTS}?${text}` : DOCUMENTS;
  },
  /** RSS 2.0 feed of the latest published documents. */
  documentsFeed: (): string => `${DOCUMENTS}rss.xml`,
  /** The finder's compact data (built with the site, read by the filter script). */
  documentsData: (): string => `${DOCUMENTS}du-lieu.json`,
  /** All procedures by name: /thu-tuc-hanh-chinh/, /thu-tuc-hanh-chinh/trang/2/. */
  proceduresList: (page = 1): string => listPage(PROCEDURES, page),
  /** Procedures with one facet value: /thu-tuc-hanh-chinh/cap/xa/. */
  procedureFacet: (facet: ProcedureFacet, value: string, page = 1): string =>
    listPage(facetBase(PROCEDURES, PROCEDURE_FACETS[facet], value), page),
  // --- end documents and procedures ---
  /** The leaders' weekly calendar (lịch công tác), this week. */
  calendar: (): string => CALENDAR,
  /** The agency directory. */
  agencies: (): string => AGENCIES,
  agency: (slug: string): string => {
    assertSlug('agency', slug);
    return `${AGENCIES}${encodeURIComponent(slug)}/`;
  },
  /** The English home page: the parts of the portal the law requires in English. */
  englishHome: (): string => EN,
  /** The search page, with the query in ?q= when there is one (the form submits the same shape). */
  search: (query = ''): string => {
    const q = query.trim();
    return q ? `${SEARCH}?${new URLSearchParams({ q }).toString()}` : SEARCH;
  },
};

/**
 * Route params for the page files, derived from `routes` so the two cannot disagree:
 * src/pages/tin-tuc/[...page].astro and src/pages/tin-tuc/[slug].astro.
 */
export const routeParams = {
  /** Rest param below /tin-tuc/: undefined for page 1, "trang/2" for page 2. */
  newsList: (page: number): { page: string | undefined } => {
    const rest = routes.newsList(page).slice(NEWS.length, -1);
    return { page: rest || undefined };
  },
  article: (slug: string): { slug: string } => ({
    slug: decodeURIComponent(routes.article(slug).slice(NEWS.length, -1)),
  }),
};

// --- Documents and procedures finders (docs helper) ---
/** Rest param of src/pages/van-ban/[...list].astro and src/pages/thu-tuc-hanh-chinh/[...list].astro. */
export const listParams = {
  documents: (url: string): { list: string | undefined } => ({ list: url.slice(DOCUMENTS.length, -1) || undefined }),
  procedures: (url: string): { list: string | undefined } => ({
    list: url.slice(PROCEDURES.length, -1) || undefined,
  }),
  document: (slug: string): { slug: string } => ({
    slug: decodeURIComponent(routes.document(slug).slice(DOCUMENTS.length, -1)),
  }),
  procedure: (slug: string): { slug: string } => ({
    slug: decodeURIComponent(routes.procedure(slug).slice(PROCEDURES.length, -1)),
  }),
};
// --- end documents and procedures ---
