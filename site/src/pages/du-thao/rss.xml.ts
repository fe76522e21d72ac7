/** RSS 2.0 of drafts put out for comment (/du-thao/rss.xml). */
import type { APIRoute } from 'astro';
import { portalSettings } from '../../lib/cms-portal.ts';
import { consultationsRss } from '../../lib/consultation-feed.ts';
import { publishedConsultations } from '../../lib/consultations.ts';
import { rssResponse } from '../../lib/feeds.ts';

export const GET: APIRoute = async ({ site, url }) => {
  const { name } = await portalSettings();
  return rssResponse(consultationsRss(await publishedConsultations(), site?.href ?? url.origin, name));
};
