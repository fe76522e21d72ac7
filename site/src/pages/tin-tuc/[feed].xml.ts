/**
 * RSS of the latest news, all categories: /tin-tuc/rss.xml. A one-path dynamic route only so that
 * it can give a cache key (Astro's incremental build keys paths from getStaticPaths): the feed is
 * copied from the last build while its items and the portal's name are unchanged.
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import { articlesForFeeds, portalSettings } from '../../lib/cms-portal.ts';
import { rssResponse, rssXml, type Feed } from '../../lib/feeds.ts';
import { cacheKeyOf } from '../../lib/page-keys.ts';
import { articleFeedItem, FEED_SIZE } from '../../lib/news.ts';
import { routeParams, routes } from '../../lib/routes.ts';

export const getStaticPaths = (async () => {
  const settings = await portalSettings();
  const site = new URL(import.meta.env.SITE);
  const feed: Feed = {
    title: `Tin tức – Sự kiện | ${settings.name}`,
    link: new URL(routes.newsList(), site).href,
    self: new URL(routes.newsFeed(), site).href,
    description: settings.description,
    items: (await articlesForFeeds()).slice(0, FEED_SIZE).map((article) => articleFeedItem(article, site)),
  };
  return [{ params: routeParams.newsFeed(), props: { feed }, cacheKey: cacheKeyOf(feed) }];
}) satisfies GetStaticPaths;

export const GET: APIRoute = ({ props }) => rssResponse(rssXml(props['feed'] as Feed));
