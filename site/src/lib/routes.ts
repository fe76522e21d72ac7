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
    assertSlug('document', slug);
    return `${DOCUMENTS}${encodeURIComponent(slug)}/`;
  },
  /** The administrative procedures finder (thủ tục hành chính). */
  procedures: (): string => PROCEDURES,
  procedure: (slug: string): string => {
    assertSlug('procedure', slug);
    return `${PROCEDURES}${encodeURIComponent(slug)}/`;
  },
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
