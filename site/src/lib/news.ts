/** Which articles each news list shows, as GraphQL filters (one place, shared by pages and feeds). */
import type { ArticleFiltersInput } from '../graphql/generated/graphql.ts';
import type { FeedItem } from './feeds.ts';
import { routes } from './routes.ts';

/** A category's list includes the articles of its sub-categories. */
export const categoryFilter = (slug: string): ArticleFiltersInput => ({
  or: [{ category: { slug: { eq: slug } } }, { category: { parent: { slug: { eq: slug } } } }],
});

export const PRESS_RELEASE_FILTER: ArticleFiltersInput = { kind: { eq: 'thong_cao_bao_chi' } };

/** Articles per RSS feed. */
export const FEED_SIZE = 20;

/** Headlines in the "Tin mới nhất" box beside an article (components/LatestHeadlines.astro). */
export const LATEST_HEADLINES = 5;

/** An article as an item of the news feeds. */
export const articleFeedItem = (
  article: { title: string; slug: string; lead?: string | null | undefined; date: string },
  site: URL | undefined,
): FeedItem => ({
  title: article.title,
  link: new URL(routes.article(article.slug), site).href,
  description: article.lead,
  date: article.date,
});
