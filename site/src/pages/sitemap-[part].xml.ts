/** /sitemap-<n>.xml: one file of the sitemap index (sitemap.xml), at most 50,000 URLs, keyed by its URLs. */
import type { APIRoute, GetStaticPaths } from 'astro';
import { sitemapXml, type SitemapUrl } from '../lib/feeds.ts';
import { cacheKeyOf } from '../lib/page-keys.ts';
import { sitemapFiles } from '../lib/sitemap-sources.ts';

export const getStaticPaths = (async () =>
  (await sitemapFiles()).map((urls, index) => ({
    params: { part: String(index + 1) },
    props: { urls },
    cacheKey: cacheKeyOf(urls),
  }))) satisfies GetStaticPaths;

export const GET: APIRoute = ({ props, site }) => {
  const urls = props['urls'] as SitemapUrl[];
  const xml = sitemapXml(urls.map(({ loc, lastmod }) => ({ loc: new URL(loc, site).href, lastmod })));
  return new Response(xml, { headers: { 'Content-Type': 'application/xml; charset=utf-8' } });
};
