/** RSS of one news category (and its sub-categories), keyed by exactly what it lists. */
import type { APIRoute, GetStaticPaths } from 'astro';
import { articlesForFeeds, categories, portalSettings } from '../../../../lib/cms-portal.ts';
import { rssResponse, rssXml, type Feed } from '../../../../lib/feeds.ts';
import { cacheKeyOf } from '../../../../lib/page-keys.ts';
import { articleFeedItem, FEED_SIZE } from '../../../../lib/news.ts';
import { routes } from '../../../../lib/routes.ts';

export const getStaticPaths = (async () => {
  const all = await categories();
  const settings = await portalSettings();
  const articles = await articlesForFeeds();
  const site = new URL(import.meta.env.SITE);
  return all.map((category) => {
    const slug = category.slug;
    const inCategory = new Set([slug, ...all.filter((c) => c.parent?.slug === slug).map((c) => c.slug)]);
    const feed: Feed = {
      title: `${category.name} | ${settings.name}`,
      link: new URL(routes.newsCategory(slug), site).href,
      self: new URL(routes.newsCategoryFeed(slug), site).href,
      description: category.description ?? `Tin tức chuyên mục ${category.name}.`,
      items: articles
        .filter((article) => article.category?.slug && inCategory.has(article.category.slug))
        .slice(0, FEED_SIZE)
        .map((article) => articleFeedItem(article, site)),
    };
    return { params: { slug }, props: { feed }, cacheKey: cacheKeyOf(feed) };
  });
}) satisfies GetStaticPaths;

export const GET: APIRoute = ({ props }) => rssResponse(rssXml(props['feed'] as Feed));
