/** sitemap.xml: every published page, from the sections' sources (lib/sitemap-sources.ts). */
import type { APIRoute } from 'astro';
import { sitemapXml } from '../lib/feeds.ts';
import { SITEMAP_SOURCES } from '../lib/sitemap-sources.ts';

export const GET: APIRoute = async ({ site }) => {
  const lists = await Promise.all(SITEMAP_SOURCES.map((source) => source()));
  const urls = lists.flat().map(({ path, lastmod }) => ({ loc: new URL(path, site).href, lastmod }));
  return new Response(sitemapXml(urls), { headers: { 'Content-Type': 'application/xml; charset=utf-8' } });
};
