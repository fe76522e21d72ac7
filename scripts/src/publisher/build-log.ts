/**
 * Which pages a site build rendered and which it copied from the incremental cache (site/src/lib/page-keys.ts),
 * read from Astro's own build log: each page is logged as its file, "├─ /tin-tuc/a.html" (the layout of
 * site/src/lib/page-files.ts), then "(cached)" or "(restored)" for a copy or its render time, on the same line
 * in a terminal and on the next one in a file.
 * The benchmark (scripts/bench/incremental-build.ts) and the publisher tests read builds with it.
 */
import { pathnameOfFile } from '@portal/site/page-files';
import { DOCUMENT_FACETS, LIST_PAGE, NEWS_LISTS, PROCEDURE_FACETS, SECTIONS } from '@portal/cms/model/url-words';

export interface BuildPages {
  /** Every page and file the build wrote, as its route ("/tin-tuc/a/", "/tin-tuc/rss.xml"), in log order. */
  pages: string[];
  rendered: string[];
  copied: string[];
}

// eslint-disable-next-line no-control-regex -- Astro colours its log in a terminal
const ANSI = /\u001b\[[0-9;]*m/g;

/** The pages of every build in `log` (a build log is appended to by every build), oldest build first. */
export function buildsPages(log: string): BuildPages[] {
  const builds = log.replace(ANSI, '').split('generating static routes').slice(1);
  return builds.map((build) => {
    const lines = build.split('\n');
    const result: BuildPages = { pages: [], rendered: [], copied: [] };
    lines.forEach((line, index) => {
      const file = /[├└]─ (\/\S*)/.exec(line)?.[1];
      if (!file) return;
      const route = pathnameOfFile(file);
      result.pages.push(route);
      const next = lines[index + 1] ?? '';
      const copied = /\((cached|restored)\)/.test(`${line} ${/[├└]─ /.test(next) ? '' : next}`);
      (copied ? result.copied : result.rendered).push(route);
    });
    return result;
  });
}

/** The pages of the last build in `log`. */
export function lastBuildPages(log: string): BuildPages {
  return buildsPages(log).at(-1) ?? { pages: [], rendered: [], copied: [] };
}

const NEWS = `/${SECTIONS.news}/`;
const NEWS_LIST = new RegExp(
  `^${NEWS}(${NEWS_LISTS.category}/[^/]+/|${NEWS_LISTS.pressReleases}/)?(${LIST_PAGE}/\\d+/)?$`,
);
const NEWS_FEED = new RegExp(`^${NEWS}(${NEWS_LISTS.category}/[^/]+/)?rss\\.xml$`);
const ARTICLE = new RegExp(`^${NEWS}[^/]+/$`);

/** A finder's list pages (the full list and one per facet value, each paginated) and its entries' pages. */
const finder = (section: string, facets: Record<string, string>) => ({
  list: new RegExp(`^/${section}/((${Object.values(facets).join('|')})/[^/]+/)?(${LIST_PAGE}/\\d+/)?$`),
  entry: new RegExp(`^/${section}/[^/]+/$`),
  // The feed and the finder's data files (/van-ban/rss.xml, /van-ban/du-lieu.json, /van-ban/du-lieu/2026.json).
  file: new RegExp(`^/${section}/.*\\.(xml|json)$`),
});
const DOCUMENTS = finder(SECTIONS.documents, DOCUMENT_FACETS);
const PROCEDURES = finder(SECTIONS.procedures, PROCEDURE_FACETS);
/** The other sections, counted by their first path word. */
const SECTION_KINDS: Record<string, string> = {
  [SECTIONS.questions]: 'questions',
  [SECTIONS.consultations]: 'consultations',
  [SECTIONS.agencies]: 'agencies',
  [SECTIONS.calendar]: 'calendar',
  [SECTIONS.english]: 'english',
  [SECTIONS.search]: 'search',
};

/** What kind of page a route is, to count a build's pages by kind (the URL words are the CMS's, as routes.ts). */
export function pageKind(route: string): string {
  if (route === '/') return 'home';
  if (NEWS_FEED.test(route)) return 'news feed';
  if (NEWS_LIST.test(route)) return 'news list';
  if (ARTICLE.test(route)) return 'article';
  if (route.startsWith('/sitemap')) return 'sitemap';
  for (const [kind, pages] of [
    ['document', DOCUMENTS],
    ['procedure', PROCEDURES],
  ] as const) {
    if (pages.list.test(route)) return `${kind} list`;
    if (pages.file.test(route)) return `${kind} file`;
    if (pages.entry.test(route)) return kind;
  }
  const kind = SECTION_KINDS[route.split('/')[1] ?? ''];
  if (kind) return kind;
  // Top-level pages: the static pages (giới thiệu, liên hệ, …), robots.txt, the emblem, 404.
  return /^\/[^/]+\/$/.test(route) ? 'static page' : 'other';
}

/** How many of `routes` there are of each kind. */
export function countByKind(routes: readonly string[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const route of routes) counts[pageKind(route)] = (counts[pageKind(route)] ?? 0) + 1;
  return counts;
}
