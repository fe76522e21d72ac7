/** RSS 2.0 of the newest published documents (/van-ban/rss.xml). */
import type { APIRoute } from 'astro';
import { legalContent } from '../../lib/legal-content.ts';
import { documentsRss } from '../../lib/legal-feeds.ts';

export const GET: APIRoute = async ({ site, url }) => {
  const { documents } = await legalContent();
  return new Response(documentsRss(documents, site?.href ?? url.origin), {
    headers: { 'Content-Type': 'application/rss+xml; charset=utf-8' },
  });
};
