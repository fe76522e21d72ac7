/**
 * The path words of the public site's URLs, owned here because two sides need them: the site builds its
 * links from them (site/src/lib/routes.ts), and the CMS never gives an entry a slug that would shadow one
 * of the site's own lists (document-middlewares/reserved-slugs.ts). A new section or list word is added here once.
 * Pure data without imports: search and site load it through @portal/cms/model/url-words.
 */

/** Top-level sections: /tin-tuc/, /van-ban/, … */
export const SECTIONS = {
  news: 'tin-tuc',
  search: 'tim-kiem',
  documents: 'van-ban',
  procedures: 'thu-tuc-hanh-chinh',
  calendar: 'lich-cong-tac',
  agencies: 'co-quan',
  questions: 'hoi-dap',
  consultations: 'du-thao',
  english: 'en',
} as const;

/** Sub-paths of the news section that are lists, not articles. */
export const NEWS_LISTS = { category: 'chuyen-muc', pressReleases: 'thong-cao-bao-chi' } as const;

/** Later pages of every list: <list>trang/<n>/. */
export const LIST_PAGE = 'trang';

/** Pages of the questions section (hỏi đáp) beside the questions: the form, the look-up, the confirmation. */
export const QUESTION_PAGES = { ask: 'gui-cau-hoi', lookup: 'tra-cuu', sent: 'da-gui' } as const;

/**
 * Pages of the consultations section (lấy ý kiến dự thảo) beside the drafts: the closed ones and the
 * confirmation a comment form is redirected to.
 */
export const CONSULTATION_PAGES = { closed: 'da-ket-thuc', sent: 'da-gui' } as const;

/**
 * The draft preview (/xem-truoc/): answered by the portal's own server for an editor with a token
 * from the CMS, never a file of the public site (scripts/src/preview/).
 */
export const PREVIEW = 'xem-truoc';

/** Below /en/: the English agency directory. */
export const EN_AGENCIES = 'agencies';

/** Facets of the documents finder: URL segment below /van-ban/ and query parameter of the filter form. */
export const DOCUMENT_FACETS = {
  type: 'loai',
  year: 'nam',
  agency: 'co-quan',
  field: 'linh-vuc',
  status: 'hieu-luc',
} as const;

/** Facets of the procedures finder (URL segment below /thu-tuc-hanh-chinh/). */
export const PROCEDURE_FACETS = {
  field: 'linh-vuc',
  agency: 'co-quan',
  level: 'cap',
  serviceLevel: 'muc-do',
} as const;

/** Top-level names taken by files, the build and the services behind the site's origin. */
const SITE_FILES = ['404', '_astro', 'api', 'admin', 'uploads', 'rss', 'sitemap', 'robots', PREVIEW] as const;

/** Slugs an article may not take: they name the news section's own lists. */
export const RESERVED_ARTICLE_SLUGS: ReadonlySet<string> = new Set([...Object.values(NEWS_LISTS), LIST_PAGE]);

/** Top-level path segments taken by sections, files and the build: a static page cannot use them. */
export const RESERVED_PAGE_SLUGS: ReadonlySet<string> = new Set([...Object.values(SECTIONS), ...SITE_FILES]);

/** Slugs a question may not take below /hoi-dap/. */
export const RESERVED_QUESTION_SLUGS: ReadonlySet<string> = new Set([...Object.values(QUESTION_PAGES), LIST_PAGE]);

/** Slugs a consultation may not take below /du-thao/. */
export const RESERVED_CONSULTATION_SLUGS: ReadonlySet<string> = new Set([
  ...Object.values(CONSULTATION_PAGES),
  LIST_PAGE,
  'rss.xml',
]);

/** Slugs an English page may not take below /en/. */
export const RESERVED_ENGLISH_PAGE_SLUGS: ReadonlySet<string> = new Set([EN_AGENCIES]);

/** Words a document or procedure slug may not be, because list URLs use them as path segments. */
export const RESERVED_SEGMENTS: ReadonlySet<string> = new Set([
  LIST_PAGE,
  ...Object.values(DOCUMENT_FACETS),
  ...Object.values(PROCEDURE_FACETS),
]);
