/**
 * Which pages a site build rendered and which it copied from the incremental cache (site/src/lib/page-keys.ts),
 * read from Astro's own build log: each page is logged as "├─ /path/index.html", then "(cached)" or
 * "(restored)" for a copy or its render time, on the same line in a terminal and on the next one in a file.
 * The benchmark (scripts/bench/incremental-build.ts) and the publisher tests read builds with it.
 */
import { LIST_PAGE, NEWS_LISTS, SECTIONS } from '@portal/cms/model/url-words';

export interface BuildPages {
  /** Every page and file the build wrote, as its route ("/tin-tuc/a/", "/tin-tuc/rss.xml"), in log order. */
  pages: string[];
  rendered: string[];
  copied: string[];
}

// eslint-disable-next-line no-control-regex -- Astro colours its log in a terminal
const ANSI = /\u001b\[[0-9;]*m/g;

/** "/tin-tuc/a/index.html" → "/tin-tuc/a/", "/index.html" → "/"; other files unchanged. */
export function routeOfFile(file: string): string {
  return file.endsWith('/index.html') ? file.slice(0, -'index.html'.length) : file;
}

/** The pages of the LAST build in `log` (a build log is appended to by every build). */
export function lastBuildPages(log: string): BuildPages {
  const text = log.replace(ANSI, '');
  const start = text.lastIndexOf('generating static routes');
  const lines = text.slice(Math.max(0, start)).split('\n');
  const result: BuildPages = { pages: [], rendered: [], copied: [] };
  lines.forEach((line, index) => {
    const file = /[├└]─ (\/\S*)/.exec(line)?.[1];
    if (!file) return;
    const route = routeOfFile(file);
    result.pages.push(route);
    const copied = /\((cached|restored)\)/.test(
      `${line} ${/[├└]─ /.test(lines[index + 1] ?? '') ? '' : lines[index + 1]}`,
    );
    (copied ? result.copied : result.rendered).push(route);
  });
  return result;
}

const NEWS = `/${SECTIONS.news}/`;
const NEWS_LIST = new RegExp(
  `^${NEWS}(${NEWS_LISTS.category}/[^/]+/|${NEWS_LISTS.pressReleases}/)?(${LIST_PAGE}/\\d+/)?$`,
);
const NEWS_FEED = new RegExp(`^${NEWS}(${NEWS_LISTS.category}/[^/]+/)?rss\\.xml$`);
const ARTICLE = new RegExp(`^${NEWS}[^/]+/$`);

/** What kind of page a route is, to count a build's pages by kind (the URL words are the CMS's, as routes.ts). */
export function pageKind(route: string): string {
  if (route === '/') return 'home';
  if (NEWS_FEED.test(route)) return 'news feed';
  if (NEWS_LIST.test(route)) return 'news list';
  if (ARTICLE.test(route)) return 'article';
  if (route.startsWith('/sitemap')) return 'sitemap';
  return 'other';
}

/** How many of `routes` there are of each kind. */
export function countByKind(routes: readonly string[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const route of routes) counts[pageKind(route)] = (counts[pageKind(route)] ?? 0) + 1;
  return counts;
}
