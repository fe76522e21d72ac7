/**
 * The site's reads from the CMS, at build time only (page frontmatter): small lists through Strapi's
 * GraphQL API (this client), articles, documents and procedures from the build's one content snapshot
 * (content-snapshot.ts). The token authorises reading; it stays in request headers and never reaches a page.
 */
import { GraphQLClient } from 'graphql-request';
import type { ArticleFullFragment, ArticleSummaryFragment } from '../graphql/generated/graphql.ts';
import { published, type Published } from './articles.ts';
import { cmsFetch } from './cms-fetch.ts';
import { contentSnapshot } from './content-snapshot.ts';
import { siteEnv } from './env.ts';
import { forgetAfterBuild } from './build-memory.ts';
import { keptDerivation } from './part-digests.ts';

export type ArticleSummary = Published<ArticleSummaryFragment>;
export type ArticleFull = Published<ArticleFullFragment>;

/** Strapi's GraphQL maxLimit (cms/config/plugins.ts): larger pages are cut to this. */
export const MAX_PAGE_SIZE = 100;

let client: GraphQLClient | undefined;
/** The build-time GraphQL client (shared by the content modules: one token, one place). */
export function cms(): GraphQLClient {
  const { CMS_URL, CMS_TOKEN } = siteEnv();
  client ??= new GraphQLClient(`${CMS_URL}/graphql`, {
    headers: { Authorization: `Bearer ${CMS_TOKEN}` },
    fetch: cmsFetch,
  });
  return client;
}

export const present = <T>(value: T | null | undefined): value is T => value != null;

/**
 * News order: newest posting date first (an article without one after those with one), then newest
 * publication, then documentId (a stable order, so a page boundary never moves between builds).
 */
export function newestFirst(a: ArticleFull, b: ArticleFull): number {
  const text = (value: string | null | undefined) => value ?? '';
  return (
    text(b.postedAt).localeCompare(text(a.postedAt)) ||
    text(b.publishedAt).localeCompare(text(a.publishedAt)) ||
    a.documentId.localeCompare(b.documentId)
  );
}

/** An article of the snapshot as the pages use it: checked, its slug and date set (once per entry: part-digests.ts). */
const publishedArticle = keptDerivation('published article', import.meta.url, (node: ArticleFullFragment) =>
  published(node),
);

async function readArticles(): Promise<ArticleFull[]> {
  return (await contentSnapshot()).articles.map(publishedArticle).sort(newestFirst);
}
let articles: Promise<ArticleFull[]> | undefined;
forgetAfterBuild(() => (articles = undefined));
/** Every published article in full, newest first, checked like any other: the build's one list of articles. */
export function allArticles(): Promise<ArticleFull[]> {
  articles ??= readArticles();
  return articles;
}

export async function homeArticles(counts: { featured: number; latest: number }) {
  const all = await allArticles();
  return {
    featured: all.filter((article) => article.featured === true).slice(0, counts.featured),
    latest: all.slice(0, counts.latest),
  };
}
