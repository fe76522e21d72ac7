/** Which articles each news list shows, as GraphQL filters (one place, shared by pages and feeds). */
import type { ArticleFiltersInput } from '../graphql/generated/graphql.ts';

/** A category's list includes the articles of its sub-categories. */
export const categoryFilter = (slug: string): ArticleFiltersInput => ({
  or: [{ category: { slug: { eq: slug } } }, { category: { parent: { slug: { eq: slug } } } }],
});

export const PRESS_RELEASE_FILTER: ArticleFiltersInput = { kind: { eq: 'thong_cao_bao_chi' } };

/** Articles per RSS feed. */
export const FEED_SIZE = 20;
