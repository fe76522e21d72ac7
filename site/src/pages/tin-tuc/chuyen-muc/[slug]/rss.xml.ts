/** RSS of one news category (and its sub-categories). */
import type { APIRoute, GetStaticPaths } from 'astro';
import { articlesForFeeds, categories, portalSettings } from '../../../../lib/cms-portal.ts';
import { rssResponse, rssXml } from '../../../../lib/feeds.ts';
import { articleFeedItem, FEED_SIZE } from '../../../../lib/news.ts';
import { routes } from '../../../../lib/routes.ts';

export const getStaticPaths = (async () =>
  (await categories()).map((category) => ({
    params: { slug: category.slug },
    props: { slug: category.slug },
  }))) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ props, site }) => {
  const slug = String(props['slug']);
  const all = await categories();
  const category = all.find((c) => c.slug === slug);
  if (!category) throw new Error(`No category "${slug}"`);
  const inCategory = new Set([slug, ...all.filter((c) => c.parent?.slug === slug).map((c) => c.slug)]);
  const settings = await portalSettings();
  const articles = (await articlesForFeeds())
    .filter((article) => article.category?.slug && inCategory.has(article.category.slug))
    .slice(0, FEED_SIZE);
  const xml = rssXml({
    title: `${category.name} | ${settings.name}`,
    link: new URL(routes.newsCategory(slug), site).href,
    self: new URL(routes.newsCategoryFeed(slug), site).href,
    description: category.description ?? `Tin tức chuyên mục ${category.name}.`,
    items: articles.map((article) => articleFeedItem(article, site)),
  });
  return rssResponse(xml);
};
