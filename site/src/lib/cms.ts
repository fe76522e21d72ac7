/**
 * The site's reads from Strapi's GraphQL API, at build time only (page frontmatter). The token
 * authorises reading; it stays in this module's request headers and never reaches a page.
 */
import { GraphQLClient } from 'graphql-request';
import {
  ArticlesFullDocument,
  ArticlesPageDocument,
  HomeArticlesDocument,
  LatestHeadlinesDocument,
  type ArticleFullFragment,
  type ArticleSummaryFragment,
} from '../graphql/generated/graphql.ts';
import { published, type Published } from './articles.ts';
import { siteEnv } from './env.ts';

export type ArticleSummary = Published<ArticleSummaryFragment>;
export type ArticleFull = Published<ArticleFullFragment>;

/** Strapi's GraphQL maxLimit (cms/config/plugins.ts): larger pages are cut to this. */
export const MAX_PAGE_SIZE = 100;

let client: GraphQLClient | undefined;
/** The build-time GraphQL client (shared by the content modules: one token, one place). */
export function cms(): GraphQLClient {
  const { CMS_URL, CMS_TOKEN } = siteEnv();
  client ??= new GraphQLClient(`${CMS_URL}/graphql`, { headers: { Authorization: `Bearer ${CMS_TOKEN}` } });
  return client;
}

export const present = <T>(value: T | null | undefined): value is T => value != null;

export async function homeArticles(counts: { featured: number; latest: number }) {
  const data = await cms().request(HomeArticlesDocument, {
    featuredCount: counts.featured,
    latestCount: counts.latest,
  });
  return {
    featured: data.featured.filter(present).map(published),
    latest: data.latest.filter(present).map(published),
  };
}

/** One page of the news list, newest first, and how many published articles there are in all. */
export async function articlesPage(page: number, pageSize: number) {
  const data = await cms().request(ArticlesPageDocument, { page, pageSize });
  const connection = data.articles_connection;
  if (!connection) throw new Error('The CMS returned no articles_connection');
  return { articles: connection.nodes.map(published), pageInfo: connection.pageInfo };
}

/** Articles per request when reading them in full (bodies make the answers large). */
const FULL_PAGE_SIZE = 25;

/** Every published article in full, read a page at a time, each checked like any other. */
export async function allArticles(): Promise<ArticleFull[]> {
  const articles: ArticleFull[] = [];
  for (let page = 1, pageCount = 1; page <= pageCount; page++) {
    const data = await cms().request(ArticlesFullDocument, { page, pageSize: FULL_PAGE_SIZE });
    const connection = data.articles_connection;
    if (!connection) throw new Error('The CMS returned no articles_connection');
    pageCount = connection.pageInfo.pageCount;
    articles.push(...connection.nodes.map(published));
  }
  return articles;
}

async function fetchHeadlines(count: number) {
  const data = await cms().request(LatestHeadlinesDocument, { count });
  return data.articles.filter(present).map(published);
}
const headlines = new Map<number, ReturnType<typeof fetchHeadlines>>();
/** The latest headlines, read once per build: every article page shows the same list. */
export function latestHeadlines(count: number): ReturnType<typeof fetchHeadlines> {
  const cached = headlines.get(count) ?? fetchHeadlines(count);
  headlines.set(count, cached);
  return cached;
}
