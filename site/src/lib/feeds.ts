/**
 * sitemap.xml, RSS 2.0 and robots.txt as text. Pure: the endpoint files read the CMS and pass in
 * absolute URLs; what may be listed (published entries only) is decided by what the CMS returns.
 */

const XML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' };
// Characters XML 1.0 forbids even escaped (C0 controls except tab, newline, carriage return).
// eslint-disable-next-line no-control-regex
const FORBIDDEN = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;

export function escapeXml(text: string): string {
  return text
    .normalize('NFC')
    .replace(FORBIDDEN, '')
    .replace(/[&<>"']/g, (c) => XML_ESCAPES[c] ?? c);
}

export interface SitemapUrl {
  /** Absolute URL. */
  loc: string;
  /** ISO 8601 date-time of the last change, when known. */
  lastmod?: string | null | undefined;
}

/** A source of sitemap URLs: each section (news, documents, procedures, …) contributes one. */
export type SitemapSource = () => Promise<SitemapUrl[]>;

export function sitemapXml(urls: readonly SitemapUrl[]): string {
  const seen = new Set<string>();
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">',
  ];
  for (const { loc, lastmod } of urls) {
    if (seen.has(loc)) continue;
    seen.add(loc);
    const modified = lastmod ? `<lastmod>${escapeXml(new Date(lastmod).toISOString())}</lastmod>` : '';
    lines.push(`  <url><loc>${escapeXml(loc)}</loc>${modified}</url>`);
  }
  lines.push('</urlset>', '');
  return lines.join('\n');
}

/** The protocol's limit of URLs per sitemap file (sitemaps.org); larger sites list files in an index. */
export const SITEMAP_MAX_URLS = 50_000;

/** The URLs, duplicates removed, cut into sitemap files of at most `max` URLs (always at least one file). */
export function sitemapParts(urls: readonly SitemapUrl[], max = SITEMAP_MAX_URLS): SitemapUrl[][] {
  if (!Number.isInteger(max) || max < 1) throw new RangeError(`Not a sitemap size: ${max}`);
  const seen = new Set<string>();
  const unique = urls.filter(({ loc }) => !seen.has(loc) && Boolean(seen.add(loc)));
  const parts: SitemapUrl[][] = [];
  for (let start = 0; start < unique.length; start += max) parts.push(unique.slice(start, start + max));
  return parts.length ? parts : [[]];
}

/** A sitemap index: the sitemap files (absolute URLs), each with its newest lastmod when known. */
export function sitemapIndexXml(sitemaps: ReadonlyArray<{ loc: string; lastmod?: string | null | undefined }>): string {
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">',
  ];
  for (const { loc, lastmod } of sitemaps) {
    const modified = lastmod ? `<lastmod>${escapeXml(new Date(lastmod).toISOString())}</lastmod>` : '';
    lines.push(`  <sitemap><loc>${escapeXml(loc)}</loc>${modified}</sitemap>`);
  }
  lines.push('</sitemapindex>', '');
  return lines.join('\n');
}

export interface FeedItem {
  title: string;
  /** Absolute URL. */
  link: string;
  description?: string | null | undefined;
  /** ISO 8601. */
  date: string;
  category?: string | undefined;
}

export interface Feed {
  title: string;
  /** Absolute URL of the page the feed mirrors. */
  link: string;
  /** Absolute URL of the feed itself. */
  self: string;
  description: string;
  items: readonly FeedItem[];
}

/** RSS 2.0 (dates in RFC 822, as the format requires), newest items as given. */
export function rssXml(feed: Feed): string {
  const newest = feed.items.reduce<string | undefined>(
    (latest, item) => (!latest || Date.parse(item.date) > Date.parse(latest) ? item.date : latest),
    undefined,
  );
  const item = ({ title, link, description, date, category }: FeedItem) =>
    [
      '    <item>',
      `      <title>${escapeXml(title)}</title>`,
      `      <link>${escapeXml(link)}</link>`,
      `      <guid isPermaLink="true">${escapeXml(link)}</guid>`,
      `      <pubDate>${new Date(date).toUTCString()}</pubDate>`,
      ...(description ? [`      <description>${escapeXml(description)}</description>`] : []),
      ...(category ? [`      <category>${escapeXml(category)}</category>`] : []),
      '    </item>',
    ].join('\n');
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom">',
    '  <channel>',
    `    <title>${escapeXml(feed.title)}</title>`,
    `    <link>${escapeXml(feed.link)}</link>`,
    `    <atom:link href="${escapeXml(feed.self)}" rel="self" type="application/rss+xml"/>`,
    `    <description>${escapeXml(feed.description)}</description>`,
    '    <language>vi</language>',
    ...(newest ? [`    <lastBuildDate>${new Date(newest).toUTCString()}</lastBuildDate>`] : []),
    ...feed.items.map(item),
    '  </channel>',
    '</rss>',
    '',
  ].join('\n');
}

/** A feed as the endpoint files answer it. */
export function rssResponse(xml: string): Response {
  return new Response(xml, { headers: { 'Content-Type': 'application/rss+xml; charset=utf-8' } });
}

/** Everything may be crawled; the sitemap says where the pages are. */
export function robotsTxt(sitemapUrl: string): string {
  return ['User-agent: *', 'Allow: /', '', `Sitemap: ${sitemapUrl}`, ''].join('\n');
}
