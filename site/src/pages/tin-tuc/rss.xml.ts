/** RSS of the latest news, all categories. */
import type { APIRoute } from 'astro';
import { articlesForFeeds, portalSettings } from '../../lib/cms-portal.ts';
import { rssResponse, rssXml } from '../../lib/feeds.ts';
import { articleFeedItem, FEED_SIZE } from '../../lib/news.ts';
import { routes } from '../../lib/routes.ts';

export const GET: APIRoute = async ({ site }) => {
  const settings = await portalSettings();
  const articles = (await articlesForFeeds()).slice(0, FEED_SIZE);
  const xml = rssXml({
    title: `Tin tức – Sự kiện | ${settings.name}`,
    link: new URL(routes.newsList(), site).href,
    self: new URL(routes.newsFeed(), site).href,
    description: settings.description,
    items: articles.map((article) => articleFeedItem(article, site)),
  });
  return rssResponse(xml);
};
