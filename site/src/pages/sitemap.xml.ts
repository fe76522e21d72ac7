/**
 * sitemap.xml: the sitemap index. The pages are listed in /sitemap-<n>.xml files of at most 50,000
 * URLs each (sitemaps.org's limit), from the sections' sources (lib/sitemap-sources.ts).
 */
import type { APIRoute } from 'astro';
import { sitemapIndexXml } from '../lib/feeds.ts';
import { routes } from '../lib/routes.ts';
import { sitemapFiles } from '../lib/sitemap-sources.ts';

export const GET: APIRoute = async ({ site }) => {
  const files = await sitemapFiles();
  const xml = sitemapIndexXml(
    files.map((urls, index) => ({
      loc: new URL(routes.sitemapPart(index + 1), site).href,
      lastmod:
        urls
          .map(({ lastmod }) => (lastmod ? new Date(lastmod).toISOString() : ''))
          .sort()
          .at(-1) || undefined,
    })),
  );
  return new Response(xml, { headers: { 'Content-Type': 'application/xml; charset=utf-8' } });
};
