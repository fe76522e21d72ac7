/** RSS of the latest news, all categories. */
import type { APIRoute } from 'astro';
import { articlesForFeeds, portalSettings } from '../../lib/cms-portal.ts';
import { rssXml } from '../../lib/feeds.ts';
import { FEED_SIZE } from '../../lib/news.ts';
import { routes } from '../../lib/routes.ts';

export const GET: APIRoute = async ({ site }) => {
  const settings = await portalSettings();
  const articles = (await articlesForFeeds()).slice(0, FEED_SIZE);
  const xml = rssXml({
    title: `Tin tức – Sự kiện | ${settings.name}`,
    link: new URL(routes.newsList(), site).href,
    self: new URL(routes.newsFeed(), site).href,
    description: settings.description,
    items: articles.map((article) => ({
      title: article.title,
      link: new URL(routes.article(article.slug), site).href,
      description: article.lead,
      date: article.date,
    })),
  });
  return new Response(xml, { headers: { 'Content-Type': 'application/rss+xml; charset=utf-8' } });
};
