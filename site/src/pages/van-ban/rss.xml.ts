/** RSS 2.0 of the newest published documents (/van-ban/rss.xml). */
import type { APIRoute } from 'astro';
import { portalSettings } from '../../lib/cms-portal.ts';
import { legalContent } from '../../lib/legal-content.ts';
import { rssResponse } from '../../lib/feeds.ts';
import { documentsRss } from '../../lib/legal-feeds.ts';

export const GET: APIRoute = async ({ site, url }) => {
  const { documents } = await legalContent();
  const { name } = await portalSettings();
  return rssResponse(documentsRss(documents, site?.href ?? url.origin, name));
};
