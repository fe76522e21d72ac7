/**
 * Where a page lives in a built release, the one owner of that layout: astro.config.mjs builds with it, and
 * every server and tool that maps a public URL to a file (scripts/src/static-server.ts, the search results
 * page, the build log reader, docs/nginx.conf.example) goes through these functions.
 *
 * Pages are files, `/tin-tuc/<slug>/` → `tin-tuc/<slug>.html` (Astro's build.format 'file'), while their public
 * URLs keep the trailing slash (trailingSlash 'always'). A release used to hold a folder per page
 * (`tin-tuc/<slug>/index.html`); putting the ~61k unchanged pages of a 50k-entry portal into each new release
 * then cost a mkdir and a link a page, 3.0-14.5 s of kernel CPU a publish build on two cores
 * (scripts/bench/release-layout.ts), against ~0.8 s for links alone. Servers still find a page in the folder
 * layout, so a rollback to a release built before the change serves it.
 */

/** astro.config.mjs's build.format. */
export const BUILD_FORMAT = 'file' as const;

const EXTENSION = /\/[^/]*\.[^/]*$/;

/**
 * The files a server tries for `pathname`, in order: the page's file, then the folder layout of releases built
 * before the change (`tin-tuc/a/index.html`). Empty for a path to a file: that file alone, as it is.
 */
export function pageFileCandidates(pathname: string): string[] {
  const relative = pathname.replace(/^\/+/, '');
  if (relative === '') return ['index.html'];
  if (EXTENSION.test(`/${relative}`)) return [];
  const bare = relative.replace(/\/+$/, '');
  return [`${bare}.html`, `${bare}/index.html`];
}

/**
 * The file of the page at `pathname`, relative to the release: "/" → "index.html", "/tin-tuc/a/" →
 * "tin-tuc/a.html". A path to a file ("/tin-tuc/rss.xml", "/404.html") is that file.
 */
export function pageFileOf(pathname: string): string {
  return pageFileCandidates(pathname)[0] ?? pathname.replace(/^\/+/, '');
}

/**
 * The public path of a page file (either layout), with or without its leading slash: "tin-tuc/a.html" and
 * "/tin-tuc/a/index.html" → "/tin-tuc/a/", "index.html" → "/". The status pages Astro writes at the root
 * ("404.html", "500.html") and every other file keep their name: "/404.html", "/tin-tuc/rss.xml".
 */
export function pathnameOfFile(file: string): string {
  const absolute = `/${file.replace(/^\/+/, '')}`;
  if (absolute.endsWith('/index.html')) return absolute.slice(0, -'index.html'.length);
  if (/^\/\d{3}\.html$/.test(absolute) || !absolute.endsWith('.html')) return absolute;
  return `${absolute.slice(0, -'.html'.length)}/`;
}

/** The public path of the page being built from its Astro.url.pathname ("/tin-tuc/a.html" → "/tin-tuc/a/"). */
export function pagePathOf(urlPathname: string): string {
  if (urlPathname === '/index.html') return '/';
  return urlPathname.endsWith('.html') ? `${urlPathname.slice(0, -'.html'.length)}/` : urlPathname;
}
