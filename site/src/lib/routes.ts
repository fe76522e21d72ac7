/**
 * The one place that decides the site's URLs. Pages, components and the search script build links
 * with these functions, and the page files' getStaticPaths derive their params from them, so a URL
 * change is made here and nowhere else. Every page URL ends with "/" (trailingSlash: 'always').
 */

import {
  CONSULTATION_PAGES,
  DOCUMENT_FACETS,
  EN_AGENCIES,
  LIST_PAGE,
  NEWS_LISTS,
  PROCEDURE_FACETS,
  QUESTION_PAGES,
  RESERVED_ARTICLE_SLUGS,
  RESERVED_CONSULTATION_SLUGS,
  RESERVED_ENGLISH_PAGE_SLUGS,
  RESERVED_PAGE_SLUGS,
  RESERVED_QUESTION_SLUGS,
  RESERVED_SEGMENTS,
  SECTIONS,
} from '@portal/cms/model/url-words';
import type { ArchiveTarget } from './pagination.ts';

export {
  CONSULTATION_PAGES,
  DOCUMENT_FACETS,
  PROCEDURE_FACETS,
  QUESTION_PAGES,
  RESERVED_ARTICLE_SLUGS,
  RESERVED_ENGLISH_PAGE_SLUGS,
  RESERVED_PAGE_SLUGS,
  RESERVED_QUESTION_SLUGS,
  RESERVED_SEGMENTS,
};

// The path words are the CMS's (it never gives a slug that would shadow a list); the links are built here.
const section = (word: string) => `/${word}/`;
const NEWS = section(SECTIONS.news);
const SEARCH = section(SECTIONS.search);
const DOCUMENTS = section(SECTIONS.documents);
const PROCEDURES = section(SECTIONS.procedures);
const CALENDAR = section(SECTIONS.calendar);
const AGENCIES = section(SECTIONS.agencies);
/** Citizens' questions and answers (hỏi đáp). */
const QUESTIONS = section(SECTIONS.questions);
const ASK = QUESTION_PAGES.ask;
const LOOKUP = QUESTION_PAGES.lookup;
/** Drafts put out for public comment (lấy ý kiến dự thảo). */
const CONSULTATIONS = section(SECTIONS.consultations);
const EN = section(SECTIONS.english);
const NEWS_CATEGORY = NEWS_LISTS.category;
const PRESS_RELEASES = NEWS_LISTS.pressReleases;
/** The no-JavaScript search results page (a public CMS route on the site's origin, see README). */
const SEARCH_RESULTS = `${SEARCH}ket-qua/`;
/**
 * Query parameters of the no-JavaScript results page: `q` the query, `pham-vi` one kind of content
 * (absent: all kinds). The finders' plain forms submit these.
 */
export const SEARCH_RESULTS_PARAMS = { query: 'q', scope: 'pham-vi' } as const;
export const SEARCH_SCOPES = {
  news: 'tin-tuc',
  documents: 'van-ban',
  procedures: 'thu-tuc',
  pages: 'trang',
  questions: 'hoi-dap',
  consultations: 'du-thao',
} as const;
export type SearchScope = keyof typeof SEARCH_SCOPES;

/** An ISO 8601 week (Monday first), as the leaders' calendar numbers them: "Tuần 48 năm 2026". */
export interface IsoWeek {
  year: number;
  week: number;
}

// --- Documents and procedures finders (docs helper) ---
export type DocumentFacet = keyof typeof DOCUMENT_FACETS;
export type ProcedureFacet = keyof typeof PROCEDURE_FACETS;
/** Query parameters of the documents filter form (GET), in the order the form shows them. */
export const DOCUMENT_QUERY_PARAMS = [...Object.values(DOCUMENT_FACETS), 'nguoi-ky', 'so'] as const;
export type DocumentQueryParam = (typeof DOCUMENT_QUERY_PARAMS)[number];

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

function assertFree(kind: string, slug: string, reserved: ReadonlySet<string>): void {
  assertSlug(kind, slug);
  if (reserved.has(slug)) throw new RangeError(`The ${kind} slug "${slug}" is reserved for the site's own pages`);
}

/** Page 1 of a list is the list itself; later pages live under <list>trang/<n>/. */
function listPage(base: string, page: number): string {
  assertPage(page);
  return page === 1 ? base : `${base}${LIST_PAGE}/${page}/`;
}

/**
 * A news list's archive bucket (pagination.ts: numbered from the oldest, 1 included) lives under
 * <list>trang/<n>/, the word and place page 2 onwards had when news pages were numbered from the newest,
 * so those addresses still open a page of the same list.
 */
function archivePage(base: string, target: ArchiveTarget): string {
  if (target === 'first') return base;
  assertPage(target);
  return `${base}${LIST_PAGE}/${target}/`;
}

function assertPage(page: number): void {
  if (!Number.isInteger(page) || page < 1)
    throw new RangeError(`A list page number is a whole number ≥ 1, got ${page}`);
}

export const routes = {
  home: (): string => '/',
  /** The news list: its newest articles. */
  newsList: (): string => NEWS,
  /** An archive page of the news list: /tin-tuc/trang/<n>/, bucket 1 the oldest articles (pagination.ts). */
  newsArchive: (bucket: ArchiveTarget): string => archivePage(NEWS, bucket),
  /** The articles of one news category (chuyên mục), its newest first. */
  newsCategory: (slug: string): string => {
    assertSlug('category', slug);
    return `${NEWS}${NEWS_CATEGORY}/${encodeURIComponent(slug)}/`;
  },
  /** An archive page of a news category, numbered like the news list's. */
  newsCategoryArchive: (slug: string, bucket: ArchiveTarget): string => archivePage(routes.newsCategory(slug), bucket),
  /** Press releases (thông cáo báo chí): articles of kind thong_cao_bao_chi. */
  pressReleases: (): string => `${NEWS}${PRESS_RELEASES}/`,
  /** An archive page of the press releases, numbered like the news list's. */
  pressReleasesArchive: (bucket: ArchiveTarget): string => archivePage(routes.pressReleases(), bucket),
  /** An article; slugs that name the news section's own lists are refused. */
  article: (slug: string): string => {
    assertFree('article', slug, RESERVED_ARTICLE_SLUGS);
    return `${NEWS}${encodeURIComponent(slug)}/`;
  },
  /** RSS 2.0 of the latest news, all categories. */
  newsFeed: (): string => `${NEWS}rss.xml`,
  /** RSS 2.0 of one news category. */
  newsCategoryFeed: (slug: string): string => `${routes.newsCategory(slug)}rss.xml`,
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
  /**
   * A page of the documents finder's lists, numbered like the news lists' (pagination.ts): 'first' is the
   * list (/van-ban/, /van-ban/nam/2026/), bucket n (1 = the oldest documents) its trang/n/.
   */
  documentsArchive: (target: ArchiveTarget): string => archivePage(DOCUMENTS, target),
  documentFacetArchive: (facet: DocumentFacet, value: string, target: ArchiveTarget): string =>
    archivePage(facetBase(DOCUMENTS, DOCUMENT_FACETS[facet], value), target),
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
  /** The finder's compact data: its index (built with the site, read by the filter script). */
  documentsData: (): string => `${DOCUMENTS}du-lieu.json`,
  /** One issue year's file of the finder's data. */
  documentsDataYear: (year: string): string => `${DOCUMENTS}du-lieu/${year}.json`,
  /** All procedures by name: /thu-tuc-hanh-chinh/, /thu-tuc-hanh-chinh/trang/2/. */
  proceduresList: (page = 1): string => listPage(PROCEDURES, page),
  /** Procedures with one facet value: /thu-tuc-hanh-chinh/cap/xa/. */
  procedureFacet: (facet: ProcedureFacet, value: string, page = 1): string =>
    listPage(facetBase(PROCEDURES, PROCEDURE_FACETS[facet], value), page),
  // --- end documents and procedures ---
  /** The leaders' weekly calendar (lịch công tác), this week. */
  calendar: (): string => CALENDAR,
  /** One week of the leaders' calendar: /lich-cong-tac/2026-tuan-48/. */
  calendarWeek: ({ year, week }: IsoWeek): string => {
    if (!Number.isInteger(year) || year < 1000 || year > 9999 || !Number.isInteger(week) || week < 1 || week > 53)
      throw new RangeError(`Not an ISO week: ${year}-W${week}`);
    return `${CALENDAR}${year}-tuan-${String(week).padStart(2, '0')}/`;
  },
  /** Published questions and answers, newest first: /hoi-dap/, /hoi-dap/trang/2/. */
  questions: (page = 1): string => listPage(QUESTIONS, page),
  /** A page of the questions list, numbered like the news lists' (pagination.ts): 'first' is /hoi-dap/. */
  questionsArchive: (target: ArchiveTarget): string => archivePage(QUESTIONS, target),
  /** One published question with its answer. */
  question: (slug: string): string => {
    assertFree('question', slug, RESERVED_QUESTION_SLUGS);
    return `${QUESTIONS}${encodeURIComponent(slug)}/`;
  },
  /** RSS 2.0 of the newest published questions and answers. */
  questionsFeed: (): string => `${QUESTIONS}rss.xml`,
  /** The form to ask a question (works without JavaScript). */
  askQuestion: (): string => `${QUESTIONS}${ASK}/`,
  /** Look a question up by its tracking code. */
  questionLookup: (): string => `${QUESTIONS}${LOOKUP}/`,
  /**
   * Public CMS routes on the site's origin (scripts/src/forward.ts lists them): the form posts to the
   * first, the look-up form GETs the second (JSON or a page), the proof-of-work widget reads the third.
   */
  questionSubmit: (): string => '/api/hoi-dap/cau-hoi',
  questionStatus: (): string => '/api/hoi-dap/tra-cuu',
  questionChallenge: (): string => '/api/hoi-dap/thu-thach',
  /** Drafts open for comment now or soon: /du-thao/. */
  consultations: (): string => CONSULTATIONS,
  /** Drafts whose comment period has ended, newest first: /du-thao/da-ket-thuc/, …/trang/2/. */
  closedConsultations: (page = 1): string => listPage(`${CONSULTATIONS}${CONSULTATION_PAGES.closed}/`, page),
  /** One draft: its period, files, the comment form while open, the report after. */
  consultation: (slug: string): string => {
    assertFree('consultation', slug, RESERVED_CONSULTATION_SLUGS);
    return `${CONSULTATIONS}${encodeURIComponent(slug)}/`;
  },
  /** RSS 2.0 of drafts put out for comment. */
  consultationsFeed: (): string => `${CONSULTATIONS}rss.xml`,
  /** Public CMS route on the site's origin the comment form posts to (scripts/src/forward.ts); the
   * proof-of-work challenge is the question form's (questionChallenge). */
  consultationComment: (): string => '/api/du-thao/gop-y',
  /** The agency directory. */
  agencies: (): string => AGENCIES,
  agency: (slug: string): string => {
    assertSlug('agency', slug);
    return `${AGENCIES}${encodeURIComponent(slug)}/`;
  },
  /** A static page (giới thiệu, liên hệ, …) at the top level; section names are refused. */
  page: (slug: string): string => {
    assertFree('page', slug, RESERVED_PAGE_SLUGS);
    return `/${encodeURIComponent(slug)}/`;
  },
  /** The English home page: the parts of the portal the law requires in English. */
  englishHome: (): string => EN,
  /** A static page in English: /en/about/. */
  englishPage: (slug: string): string => {
    assertFree('English page', slug, RESERVED_ENGLISH_PAGE_SLUGS);
    return `${EN}${encodeURIComponent(slug)}/`;
  },
  englishAgencies: (): string => `${EN}${EN_AGENCIES}/`,
  englishAgency: (slug: string): string => {
    assertSlug('agency', slug);
    return `${EN}${EN_AGENCIES}/${encodeURIComponent(slug)}/`;
  },
  sitemap: (): string => '/sitemap.xml',
  /** One file of the sitemap index, numbered from 1. */
  sitemapPart: (part: number): string => `/sitemap-${part}.xml`,
  /** The national emblem shown in the header (lib/emblem.ts). */
  emblem: (): string => '/quoc-huy.svg',
  robots: (): string => '/robots.txt',
  /**
   * The no-JavaScript results page: /tim-kiem/ket-qua/?q=…&pham-vi=van-ban. Forms use its path as
   * their action (with the two parameter names above); links give the query.
   */
  searchResults: (query = '', scope?: SearchScope): string => {
    const params = new URLSearchParams();
    if (query.trim()) params.set(SEARCH_RESULTS_PARAMS.query, query.trim());
    if (scope) params.set(SEARCH_RESULTS_PARAMS.scope, SEARCH_SCOPES[scope]);
    const text = params.toString();
    return text ? `${SEARCH_RESULTS}?${text}` : SEARCH_RESULTS;
  },
  /** The search page, with the query in ?q= when there is one (the form submits the same shape). */
  search: (query = ''): string => {
    const q = query.trim();
    return q ? `${SEARCH}?${new URLSearchParams({ q }).toString()}` : SEARCH;
  },
};

/** The part of `url` after `base`, without the trailing slash, decoded (as Astro passes params). */
function after(base: string, url: string): string {
  if (!url.startsWith(base)) throw new Error(`${url} is not below ${base}`);
  return decodeURIComponent(url.slice(base.length, -1));
}

/** A rest param: undefined for the list itself, "trang/2" for its page 2. */
function rest(base: string, url: string): string | undefined {
  return url === base ? undefined : after(base, url);
}

/** The param of a one-file route "[name].xml" right in `base`: "rss" for /tin-tuc/rss.xml. */
function fileIn(base: string, url: string, extension: string): string {
  const file = url.startsWith(base) ? url.slice(base.length) : '';
  if (!file.endsWith(extension) || file.includes('/') || file === extension)
    throw new Error(`${url} is not a ${extension} file right below ${base}`);
  return file.slice(0, -extension.length);
}

/**
 * Route params for the page files, derived from `routes` so the two cannot disagree (each page file
 * names the function it uses).
 */
export const routeParams = {
  /** Rest param below /tin-tuc/: undefined for the list's first page, "trang/2" for archive bucket 2. */
  newsList: (target: ArchiveTarget): { page: string | undefined } => ({ page: rest(NEWS, routes.newsArchive(target)) }),
  /** tin-tuc/chuyen-muc/[slug]/[...page].astro */
  newsCategory: (slug: string, target: ArchiveTarget): { slug: string; page: string | undefined } => ({
    slug,
    page: rest(routes.newsCategory(slug), routes.newsCategoryArchive(slug, target)),
  }),
  /** tin-tuc/thong-cao-bao-chi/[...page].astro */
  pressReleases: (target: ArchiveTarget): { page: string | undefined } => ({
    page: rest(routes.pressReleases(), routes.pressReleasesArchive(target)),
  }),
  article: (slug: string): { slug: string } => ({ slug: after(NEWS, routes.article(slug)) }),
  /** tin-tuc/[feed].xml.ts: "rss" for /tin-tuc/rss.xml. */
  newsFeed: (): { feed: string } => ({ feed: fileIn(NEWS, routes.newsFeed(), '.xml') }),
  /** van-ban/[feed].xml.ts, hoi-dap/[feed].xml.ts, du-thao/[feed].xml.ts: one-path routes, so they take a cache key. */
  documentsFeed: (): { feed: string } => ({ feed: fileIn(DOCUMENTS, routes.documentsFeed(), '.xml') }),
  questionsFeed: (): { feed: string } => ({ feed: fileIn(QUESTIONS, routes.questionsFeed(), '.xml') }),
  consultationsFeed: (): { feed: string } => ({ feed: fileIn(CONSULTATIONS, routes.consultationsFeed(), '.xml') }),
  /** [robots].txt.ts and [emblem].svg.ts at the top level. */
  robots: (): { robots: string } => ({ robots: fileIn('/', routes.robots(), '.txt') }),
  emblem: (): { emblem: string } => ({ emblem: fileIn('/', routes.emblem(), '.svg') }),
  /** van-ban/[data].json.ts: "du-lieu" for the finder's index /van-ban/du-lieu.json. */
  documentsData: (): { data: string } => ({ data: fileIn(DOCUMENTS, routes.documentsData(), '.json') }),
  /** lich-cong-tac/[week].astro */
  calendarWeek: (week: IsoWeek): { week: string } => ({ week: after(CALENDAR, routes.calendarWeek(week)) }),
  /** Rest param below /hoi-dap/: undefined for page 1, "trang/2" for page 2. */
  questions: (target: ArchiveTarget): { page: string | undefined } => ({
    page: rest(QUESTIONS, routes.questionsArchive(target)),
  }),
  /** hoi-dap/[slug].astro */
  question: (slug: string): { slug: string } => ({ slug: after(QUESTIONS, routes.question(slug)) }),
  /** du-thao/[slug].astro */
  consultation: (slug: string): { slug: string } => ({ slug: after(CONSULTATIONS, routes.consultation(slug)) }),
  /** Rest param below /du-thao/da-ket-thuc/: undefined for page 1, "trang/2" for page 2. */
  closedConsultations: (page: number): { page: string | undefined } => ({
    page: rest(routes.closedConsultations(), routes.closedConsultations(page)),
  }),
  /** co-quan/[slug].astro */
  agency: (slug: string): { slug: string } => ({ slug: after(AGENCIES, routes.agency(slug)) }),
  /** [page].astro at the top level */
  page: (slug: string): { page: string } => ({ page: after('/', routes.page(slug)) }),
  /** en/[page].astro */
  englishPage: (slug: string): { page: string } => ({ page: after(EN, routes.englishPage(slug)) }),
  /** en/agencies/[slug].astro */
  englishAgency: (slug: string): { slug: string } => ({
    slug: after(routes.englishAgencies(), routes.englishAgency(slug)),
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
