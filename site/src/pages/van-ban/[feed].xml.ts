/**
 * RSS 2.0 of the newest published documents (/van-ban/rss.xml). A one-path dynamic route only so that
 * it can give a cache key (page-keys.ts): the feed's own text.
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import { portalSettings } from '../../lib/cms-portal.ts';
import { legalContent } from '../../lib/legal-content.ts';
import { rssResponse } from '../../lib/feeds.ts';
import { documentsRss } from '../../lib/legal-feeds.ts';
import { keyedFile } from '../../lib/page-keys.ts';
import { routeParams } from '../../lib/routes.ts';

export const getStaticPaths = (async () => {
  const { documents } = await legalContent();
  const { name } = await portalSettings();
  return [keyedFile(routeParams.documentsFeed(), documentsRss(documents, import.meta.env.SITE, name))];
}) satisfies GetStaticPaths;

export const GET: APIRoute = ({ props }) => rssResponse(props['body'] as string);
