/** Which articles each news list shows (one place, shared by pages and feeds). */
import type { FeedItem } from './feeds.ts';
import { routes } from './routes.ts';

/**
 * A news list: the articles of a category (its sub-categories' included) and/or of one kind
 * (cms-portal.ts articleMatcher applies it to the build's list of articles).
 */
export interface ArticleFilter {
  category?: string;
  kind?: string;
}

/** A category's list includes the articles of its sub-categories. */
export const categoryFilter = (slug: string): ArticleFilter => ({ category: slug });

export const PRESS_RELEASE_FILTER: ArticleFilter = { kind: 'thong_cao_bao_chi' };

/** Articles per RSS feed. */
export const FEED_SIZE = 20;

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
