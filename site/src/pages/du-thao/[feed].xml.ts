/**
 * RSS 2.0 of drafts put out for comment (/du-thao/rss.xml). A one-path dynamic route only so that it
 * can give a cache key (page-keys.ts): the feed's own text.
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import { portalSettings } from '../../lib/cms-portal.ts';
import { consultationsRss } from '../../lib/consultation-feed.ts';
import { publishedConsultations } from '../../lib/consultations.ts';
import { rssResponse } from '../../lib/feeds.ts';
import { keyedFile } from '../../lib/page-keys.ts';
import { routeParams } from '../../lib/routes.ts';

export const getStaticPaths = (async () => {
  const { name } = await portalSettings();
  const xml = consultationsRss(await publishedConsultations(), import.meta.env.SITE, name);
  return [keyedFile(routeParams.consultationsFeed(), xml)];
}) satisfies GetStaticPaths;

export const GET: APIRoute = ({ props }) => rssResponse(props['body'] as string);
